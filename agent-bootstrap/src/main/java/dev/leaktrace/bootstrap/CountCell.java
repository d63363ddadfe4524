package dev.leaktrace.bootstrap;

/**
 * One thread's counts for one type and site. Only the owning thread writes them, with plain
 * stores (no fence per object); readers sum them racily and so may lag by a few objects, except
 * for a thread that ended, whose last writes they see.
 */
final class CountCell {
    final TypeInfo type;
    final byte[] site;
    long allocated;
    long allocatedBytes;
    long dropped;
    long droppedBytes;
    long collected;
    long collectedBytes;
    CountCell(TypeInfo type, byte[] site) {
        this.type = type;
        this.site = site;
    }
}
