package dev.leaktrace.bootstrap;

import java.lang.StackWalker.StackFrame;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds where the {@code new} of a traced object stands by walking the stack from the
 * constructor's exit: past our own frames, the constructor and reflection, to the first frame of
 * the code that asked for the object, and on to the first frame of application code. The
 * fallback of {@link Sites} and of marked library calls, which spare the hot path this walk.
 */
final class SiteFinder {
    static final byte[] UNKNOWN = LineFormat.typeToken("Unknown:0");
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final String OWN_PACKAGE = "dev.leaktrace.bootstrap.";

    static {
        // The JDK's stack-walking classes make a HashSet as they initialise at the first walk:
        // walked once when the recording starts, no walk of ours runs inside that initialisation.
        WALKER.walk(new NoFrames());
    }

    /** A walk that reads no frame. */
    private static final class NoFrames implements java.util.function.Function<java.util.stream.Stream<StackFrame>, Object> {
        @Override
        public Object apply(java.util.stream.Stream<StackFrame> frames) {
            return null;
        }
    }

    /** Site tokens by "class#file#line", so a hot site builds its bytes once. */
    private final ConcurrentHashMap<String, byte[]> tokens = new ConcurrentHashMap<>();

    /**
     * Where an object whose constructor is exiting was made, for objects no rewritten {@code new}
     * announced (the JDK's code, reflection, code loaded before the agent), or whose announced
     * site is library code with no marked call to charge: the frame under the constructor, past
     * reflection, and the first application frame from there up.
     */
    Placement place(Class<?> constructedClass, TypeInfo info) {
        return WALKER.walk(new PlaceWalk(this, constructedClass, info));
    }

    /** What {@link #place} found. */
    static final class Placement {
        /** The frame that ran {@code new} (or called the constructor by reflection). */
        byte[] newSite = UNKNOWN;
        /** The first frame of application code at or above it; null when the stack has none. */
        byte[] applicationSite;
        /** Made for the JVM's own keeping before any application frame (see {@link JvmOwn}). */
        boolean jvmOwn;
    }

    private static final class PlaceWalk implements Function<Stream<StackFrame>, Placement> {
        private final SiteFinder finder;
        private final Class<?> constructedClass;
        private final TypeInfo info;

        PlaceWalk(SiteFinder finder, Class<?> constructedClass, TypeInfo info) {
            this.finder = finder;
            this.constructedClass = constructedClass;
            this.info = info;
        }

        @Override
        public Placement apply(Stream<StackFrame> frames) {
            return finder.placeIn(frames.iterator(), constructedClass, info);
        }
    }

    private Placement placeIn(Iterator<StackFrame> it, Class<?> constructedClass, TypeInfo info) {
        Placement placement = new Placement();
        StackFrame f = next(it);
        while (f != null && isOwn(f)) {
            f = next(it);
        }
        if (f != null && isConstructorOf(f, constructedClass)) {
            f = next(it);
        }
        while (f != null && (isReflection(f) || isOwn(f))) {
            f = next(it);
        }
        if (f == null) {
            return placement;
        }
        placement.newSite = token(f);
        for (; f != null; f = next(it)) {
            if (JvmOwn.isHolder(f.getClassName())) {
                placement.jvmOwn = true;
                return placement;
            }
            if (!LibraryCode.isLibrary(f.getDeclaringClass(), info)) {
                placement.applicationSite = token(f);
                return placement;
            }
        }
        return placement;
    }

    private static StackFrame next(Iterator<StackFrame> it) {
        return it.hasNext() ? it.next() : null;
    }

    private static boolean isOwn(StackFrame f) {
        return f.getClassName().startsWith(OWN_PACKAGE);
    }

    private static boolean isConstructorOf(StackFrame f, Class<?> constructedClass) {
        return f.getDeclaringClass() == constructedClass && "<init>".equals(f.getMethodName());
    }

    private static boolean isReflection(StackFrame f) {
        String c = f.getClassName();
        return c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.")
                || c.startsWith("java.lang.invoke.");
    }

    private byte[] token(StackFrame f) {
        String file = f.getFileName();
        if (file == null) {
            return UNKNOWN;
        }
        int line = Math.max(0, f.getLineNumber());
        String className = f.getClassName();
        String key = className + '#' + file + '#' + line;
        byte[] token = tokens.get(key);
        if (token == null) {
            int dot = className.lastIndexOf('.');
            String path = dot < 0 ? "" : className.substring(0, dot + 1).replace('.', '/');
            token = LineFormat.typeToken(path + file + ':' + line);
            if (tokens.size() < 100_000) {
                tokens.put(key, token);
            }
        }
        return token;
    }
}
