package dev.leaktrace.junit;

import dev.leaktrace.bootstrap.LiveObject;
import dev.leaktrace.bootstrap.RecorderQueries;
import java.util.ArrayList;
import java.util.List;

/**
 * Every use of the recorder's query side. The recorder's package must come from the bootstrap class
 * loader, where the agent's installation defines it, so this class is loaded (and its methods
 * called) only after {@code Leaktrace.trace} has returned true.
 */
final class RecorderAccess {
    private RecorderAccess() {
    }

    static long lastId() {
        return RecorderQueries.lastId();
    }

    static List<TracedObject> liveSince(long afterId) {
        List<LiveObject> live = RecorderQueries.liveObjects(afterId);
        List<TracedObject> copies = new ArrayList<>(live.size());
        for (LiveObject o : live) {
            copies.add(new TracedObject(o.type(), o.size(), o.site(), o.id(), o.dropOnGc()));
        }
        return copies;
    }

    static void collectGarbage(long maxMillis) throws InterruptedException {
        RecorderQueries.collectGarbage(maxMillis);
    }
}
