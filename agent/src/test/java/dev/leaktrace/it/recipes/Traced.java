package dev.leaktrace.it.recipes;

import dev.leaktrace.it.Event;
import dev.leaktrace.it.RunResult;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What the log of one run says about one type: its allocations, and which were dropped or not. */
record Traced(List<Event> allocated, List<Event> dropped, List<Event> collected, List<Event> leaked) {
    static Traced of(RunResult r, String type) {
        List<Event> allocated = r.events("ALLOCATE", type);
        List<Event> dropped = r.events("DROP", type);
        List<Event> collected = r.events("GC", type);
        Set<Long> released = r.events().stream().filter(e -> !e.kind().equals("ALLOCATE")).map(Event::id)
                .collect(Collectors.toSet());
        List<Event> leaked = allocated.stream().filter(a -> !released.contains(a.id())).toList();
        return new Traced(allocated, dropped, collected, leaked);
    }
}
