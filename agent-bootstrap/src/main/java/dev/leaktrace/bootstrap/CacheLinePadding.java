package dev.leaktrace.bootstrap;

/**
 * 64 bytes of nothing, as the first fields of a per-thread object: the GC packs the objects it
 * copies side by side, and two threads' states on one cache line would slow both (each write by
 * one thread takes the line from the other). Superclass fields come first in HotSpot's layout,
 * so extending this puts a cache line before the subclass's fields; the subclass ends with
 * another such run of fields of its own (see {@link ThreadState}, {@link ThreadBuffer}).
 */
abstract class CacheLinePadding {
    long p00;
    long p01;
    long p02;
    long p03;
    long p04;
    long p05;
    long p06;
    long p07;
}
