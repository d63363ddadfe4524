package dev.leaktrace.bootstrap;

import java.lang.StackWalker.StackFrame;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds where the {@code new} of a traced object stands by walking the stack from the
 * constructor's exit: past our own frames, the constructor and reflection, to the first frame of
 * the code that asked for the object. The fallback of {@link Sites}, whose numbers spare the hot
 * path this walk.
 */
final class SiteFinder {
    static final byte[] UNKNOWN = LineFormat.typeToken("Unknown:0");
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final String OWN_PACKAGE = "dev.leaktrace.bootstrap.";

    /** Site tokens by "class#file#line", so a hot site builds its bytes once. */
    private final ConcurrentHashMap<String, byte[]> tokens = new ConcurrentHashMap<>();

    /**
     * The site of an object whose constructor is exiting, for objects no rewritten {@code new}
     * announced (reflection, code loaded before the agent): the frame under the constructor, past
     * reflection.
     */
    byte[] siteOf(Class<?> constructedClass) {
        return WALKER.walk(new SiteWalk(this, constructedClass));
    }

    private static final class SiteWalk implements Function<Stream<StackFrame>, byte[]> {
        private final SiteFinder finder;
        private final Class<?> constructedClass;

        SiteWalk(SiteFinder finder, Class<?> constructedClass) {
            this.finder = finder;
            this.constructedClass = constructedClass;
        }

        @Override
        public byte[] apply(Stream<StackFrame> frames) {
            return finder.siteIn(frames.iterator(), constructedClass);
        }
    }

    private byte[] siteIn(Iterator<StackFrame> it, Class<?> constructedClass) {
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
        return f == null ? UNKNOWN : token(f);
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
