package dev.leaktrace.analyser.result;

import java.util.List;

/**
 * What a heap dump said about one leaked group: its retained size (what releasing all its objects
 * would free, counting what they alone keep alive), who holds them, and example paths.
 *
 * @param objects the group's objects found in the dump
 */
public record HeapFindings(long objects, long retainedBytes, List<Holder> holders, List<ObjectPath> paths) {
}
