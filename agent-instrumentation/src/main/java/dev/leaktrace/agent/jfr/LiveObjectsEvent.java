package dev.leaktrace.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/** Emitted by JFR's periodic thread while a recording enables it: one per type and site with live objects. */
@Name(LiveObjectsEvent.NAME)
@Label("Live Traced Objects")
@Description("The objects of one traced type allocated at one site that are alive now (leaktrace)")
@Category("leaktrace")
@Period("10 s")
@StackTrace(false)
public final class LiveObjectsEvent extends Event {
    public static final String NAME = "leaktrace.LiveObjects";

    @Label("Type")
    String type;

    @Label("Site")
    @Description("The file:line of the new that allocated them")
    String site;

    @Label("Count")
    long count;

    @Label("Bytes")
    @DataAmount
    long bytes;
}
