package dev.leaktrace.agent.jfr;

import dev.leaktrace.bootstrap.ObjectEvents;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/** {@code jfr: objects}: a JFR event per traced object allocated and per one ended. */
final class JfrObjectEvents implements ObjectEvents {
    /** The throttled allocation class's constructor (JDK 25 and later), else null. */
    private final MethodHandle throttled;
    /** Site tokens are shared per site, and arrays hash by identity: one String per site. */
    private final ConcurrentHashMap<byte[], String> sites = new ConcurrentHashMap<>();

    JfrObjectEvents(MethodHandle throttled) {
        this.throttled = throttled;
    }

    @Override
    public void allocated(String type, byte[] site, long id, long size) {
        try {
            ObjectAllocated event = throttled == null ? new AllocationEvent() : (ObjectAllocated) throttled.invokeExact();
            if (!event.isEnabled()) {
                return;
            }
            String siteText = sites.get(site);
            if (siteText == null) {
                siteText = new String(site, StandardCharsets.UTF_8);
                sites.putIfAbsent(site, siteText);
            }
            event.type = type;
            event.site = siteText;
            event.objectId = id;
            event.size = size;
            event.commit();
        } catch (Throwable e) {
            // an event lost, never the application's call
        }
    }

    @Override
    public void ended(String type, long id, long size, boolean collectedWithoutDrop) {
        try {
            DropEvent event = new DropEvent();
            if (!event.isEnabled()) {
                return;
            }
            event.type = type;
            event.objectId = id;
            event.size = size;
            event.collectedWithoutDrop = collectedWithoutDrop;
            event.commit();
        } catch (RuntimeException e) {
            // an event lost, never the application's call
        }
    }
}
