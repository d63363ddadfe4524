package dev.leaktrace.bootstrap;

import java.lang.StackWalker.StackFrame;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds where the {@code new} of a traced object stands, by walking the stack from the
 * constructor's exit: past our own frames, the object's constructors (including {@code this(...)}
 * delegation) and reflection, to the first frame of the code that asked for the object.
 */
final class SiteFinder {
    static final byte[] UNKNOWN = LineFormat.typeToken("Unknown:0");
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final String OWN_PACKAGE = "dev.leaktrace.bootstrap.";

    /** Site tokens by "class#file#line", so a hot site builds its bytes once. */
    private final ConcurrentHashMap<String, byte[]> tokens = new ConcurrentHashMap<>();

    byte[] siteOf(String constructedClass) {
        Optional<StackFrame> frame = WALKER.walk(frames -> callerOf(frames, constructedClass));
        return frame.map(this::token).orElse(UNKNOWN);
    }

    private static Optional<StackFrame> callerOf(Stream<StackFrame> frames, String constructedClass) {
        return frames.filter(f -> !isOwn(f) && !isConstructorOf(f, constructedClass) && !isReflection(f))
                .findFirst();
    }

    private static boolean isOwn(StackFrame f) {
        return f.getClassName().startsWith(OWN_PACKAGE);
    }

    private static boolean isConstructorOf(StackFrame f, String constructedClass) {
        return "<init>".equals(f.getMethodName()) && f.getClassName().equals(constructedClass);
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
