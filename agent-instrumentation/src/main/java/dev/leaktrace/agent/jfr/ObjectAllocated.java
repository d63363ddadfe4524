package dev.leaktrace.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.StackTrace;

/**
 * The fields of {@code leaktrace.Allocation}. Abstract, so JFR registers only its concrete
 * subclass: {@link AllocationEvent} compiled here, or on JDK 25 and later one made by
 * {@link ThrottledEventClass} that also carries {@code @jdk.jfr.Throttle}, which JDK 17 lacks. Its
 * fields are public, as that class lives in a class loader of its own.
 */
@Category("leaktrace")
@StackTrace(false)
public abstract class ObjectAllocated extends Event {
    public static final String NAME = "leaktrace.Allocation";

    @Label("Type")
    public String type;

    @Label("Site")
    public String site;

    @Label("Object Id")
    public long objectId;

    @Label("Size")
    @DataAmount
    public long size;
}
