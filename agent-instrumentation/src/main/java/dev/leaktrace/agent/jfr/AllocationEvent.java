package dev.leaktrace.agent.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** {@code leaktrace.Allocation} where JFR cannot throttle (before JDK 25): every allocation. */
@Name(ObjectAllocated.NAME)
@Label("Traced Object Allocated")
@Description("A traced object's outermost constructor returned (leaktrace)")
public final class AllocationEvent extends ObjectAllocated {
}
