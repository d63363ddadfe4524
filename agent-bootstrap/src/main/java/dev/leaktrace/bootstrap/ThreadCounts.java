package dev.leaktrace.bootstrap;

import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * One thread's {@link CountCell}s by type and site (by identity: a site's token is shared by its
 * objects). A hit on the cell used last, the usual case, costs two comparisons. The owner alone
 * uses the lookup table; readers see the cells through an append-only list.
 */
final class ThreadCounts {
    /** Null for a lent state's table, which outlives each of its borrowers. */
    final WeakReference<Thread> owner;
    private CountCell last;
    /** Open addressing, the owner's alone. */
    private CountCell[] slots = new CountCell[16];
    /** Every cell, in the order made; a grown copy replaces it, and {@link #count} follows each append. */
    private volatile CountCell[] cells = new CountCell[8];
    private volatile int count;

    ThreadCounts(Thread owner) {
        this.owner = owner == null ? null : new WeakReference<>(owner);
    }

    boolean ownerEnded() {
        if (owner == null) {
            return false;
        }
        Thread thread = owner.get();
        return thread == null || !thread.isAlive();
    }

    void allocated(TypeInfo type, byte[] site, long size) {
        CountCell cell = cell(type, site);
        cell.allocated++;
        cell.allocatedBytes += size;
    }

    void dropped(TypeInfo type, byte[] site, long size) {
        CountCell cell = cell(type, site);
        cell.dropped++;
        cell.droppedBytes += size;
    }

    void collected(TypeInfo type, byte[] site, long size) {
        CountCell cell = cell(type, site);
        cell.collected++;
        cell.collectedBytes += size;
    }

    /** The cells made so far, for a reader: {@code [0, length)} of the array it returns. */
    CountCell[] cells() {
        int n = count;
        CountCell[] all = cells;
        return n == all.length ? all : Arrays.copyOf(all, n);
    }

    private CountCell cell(TypeInfo type, byte[] site) {
        CountCell cell = last;
        if (cell != null && cell.site == site && cell.type == type) {
            return cell;
        }
        int mask = slots.length - 1;
        int at = hash(type, site) & mask;
        for (cell = slots[at]; cell != null; cell = slots[at = (at + 1) & mask]) {
            if (cell.site == site && cell.type == type) {
                last = cell;
                return cell;
            }
        }
        cell = new CountCell(type, site);
        slots[at] = cell;
        append(cell);
        if (count * 2 > slots.length) {
            rehash();
        }
        last = cell;
        return cell;
    }

    private void append(CountCell cell) {
        CountCell[] all = cells;
        int n = count;
        if (n == all.length) {
            all = Arrays.copyOf(all, n * 2);
        }
        all[n] = cell;
        cells = all;
        count = n + 1; // after the cell is in the array a reader takes
    }

    private void rehash() {
        CountCell[] bigger = new CountCell[slots.length * 2];
        int mask = bigger.length - 1;
        for (CountCell c : slots) {
            if (c != null) {
                int at = hash(c.type, c.site) & mask;
                while (bigger[at] != null) {
                    at = (at + 1) & mask;
                }
                bigger[at] = c;
            }
        }
        slots = bigger;
    }

    private static int hash(TypeInfo type, byte[] site) {
        int hash = System.identityHashCode(site) * 31 + System.identityHashCode(type);
        return hash ^ (hash >>> 16);
    }
}
