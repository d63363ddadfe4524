package dev.leaktrace.agent.jfr;

import dev.leaktrace.bootstrap.LiveGroup;
import dev.leaktrace.bootstrap.RecorderQueries;

/** JFR's periodic hook for {@link LiveObjectsEvent}: a class, not a lambda (the premain path has no invokedynamic). */
final class LiveObjectsHook implements Runnable {
    @Override
    public void run() {
        for (LiveGroup group : RecorderQueries.liveGroups()) {
            LiveObjectsEvent event = new LiveObjectsEvent();
            event.type = group.type();
            event.site = group.site();
            event.count = group.count();
            event.bytes = group.bytes();
            event.commit();
        }
    }
}
