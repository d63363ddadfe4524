package dev.leaktrace.it.recipes;

import dev.leaktrace.it.Event;
import dev.leaktrace.it.RunResult;
import java.util.List;

/** What the log of one run says about one type: its allocations, and which were dropped or not. */
record Traced(List<Event> allocated, List<Event> dropped, List<Event> collected, List<Event> leaked) {
    static Traced of(RunResult r, String type) {
        return new Traced(r.events("ALLOCATE", type), r.events("DROP", type), r.events("GC", type), r.leaked(type));
    }
}
