package dev.leaktrace.bootstrap;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry entries of dropped objects, kept (with {@code paths: N}) until the GC collects
 * their objects: an entry still here with its object at the heap dump names an object that was
 * released yet stays strongly reachable. The entries are weak references, so the objects stay
 * collectable; the reaper forgets each entry once the GC enqueues it.
 */
final class ReleasedEntries {
    private final ConcurrentHashMap<TrackedRef, Boolean> entries = new ConcurrentHashMap<>();

    /** References compare by identity, so the map never calls the application's methods. */
    void add(TrackedRef entry) {
        entries.put(entry, Boolean.TRUE);
    }

    void forget(TrackedRef entry) {
        entries.remove(entry);
    }
}
