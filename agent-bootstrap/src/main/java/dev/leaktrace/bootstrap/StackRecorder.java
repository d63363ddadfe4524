package dev.leaktrace.bootstrap;

import java.lang.StackWalker.StackFrame;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The allocating call stacks behind {@code stacks: N}: for the first {@link #PER_SITE} objects of
 * each site only, so a hot site pays the walk a few times, not per object. Frames go root first,
 * the allocation site last, as the collapsed-stack format wants them.
 */
final class StackRecorder {
    static final int PER_SITE = 8;
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** Objects given a stack, per site token (tokens are shared per site, so identity works). */
    private final ConcurrentHashMap<byte[], AtomicInteger> taken = new ConcurrentHashMap<>();

    /** The frames of this object's allocation, or null when its site used its budget up. */
    byte[] framesFor(Class<?> type, byte[] site, int depth) {
        AtomicInteger count = taken.get(site);
        if (count == null) {
            AtomicInteger first = new AtomicInteger();
            count = taken.putIfAbsent(site, first);
            if (count == null) {
                count = first;
            }
        }
        if (count.get() >= PER_SITE || count.incrementAndGet() > PER_SITE) {
            return null;
        }
        List<String> frames = WALKER.walk(new FrameWalk(type, depth));
        StringBuilder line = new StringBuilder();
        for (int i = frames.size() - 1; i >= 0; i--) {
            // ';' separates frames, so one inside a frame (a file name) is escaped like a space
            line.append(new String(LineFormat.typeToken(frames.get(i)), java.nio.charset.StandardCharsets.UTF_8)
                    .replace(";", "%3B"));
            if (i > 0) {
                line.append(';');
            }
        }
        return line.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final class FrameWalk implements Function<Stream<StackFrame>, List<String>> {
        private final Class<?> type;
        private final int depth;

        FrameWalk(Class<?> type, int depth) {
            this.type = type;
            this.depth = depth;
        }

        @Override
        public List<String> apply(Stream<StackFrame> frames) {
            return collect(frames.iterator(), type, depth);
        }
    }

    /** Leaf first: past our frames and the object's own constructors, then up to depth frames. */
    private static List<String> collect(Iterator<StackFrame> it, Class<?> type, int depth) {
        List<String> frames = new ArrayList<>();
        boolean pastConstructors = false;
        while (it.hasNext()) {
            StackFrame f = it.next();
            if (!pastConstructors) {
                if (f.getClassName().startsWith("dev.leaktrace.bootstrap.")
                        || (f.getDeclaringClass() == type && "<init>".equals(f.getMethodName()))) {
                    continue;
                }
                pastConstructors = true;
            }
            if (f.getMethodName().startsWith(LibraryCode.BRIDGE_PREFIX)) {
                continue; // a marked call's bridge: the frame below it is the same call, same line
            }
            if (frames.size() == depth) {
                frames.add("...");
                break;
            }
            String file = f.getFileName();
            frames.add(f.getClassName() + "." + f.getMethodName() + "(" + (file == null ? "Unknown" : file)
                    + ":" + Math.max(0, f.getLineNumber()) + ")");
        }
        return frames;
    }
}
