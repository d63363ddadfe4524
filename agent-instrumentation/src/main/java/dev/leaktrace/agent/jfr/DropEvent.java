package dev.leaktrace.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * {@code leaktrace.Drop}: never throttled, since a drop missing for a recorded allocation would
 * show a leak that is not one.
 */
@Name(DropEvent.NAME)
@Label("Traced Object Dropped")
@Description("A traced object was dropped, or collected by the GC (leaktrace)")
@Category("leaktrace")
@StackTrace(false)
public final class DropEvent extends Event {
    public static final String NAME = "leaktrace.Drop";

    @Label("Type")
    String type;

    @Label("Object Id")
    long objectId;

    @Label("Size")
    @DataAmount
    long size;

    @Label("Collected Without Drop")
    boolean collectedWithoutDrop;
}
