package dev.leaktrace.agent.instrument;

import java.util.Set;
import java.util.function.Predicate;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Rewrites sample classes so that ASM's classes and the visitor's are loaded before the
 * transformer is registered: loading one of them from inside the transformer, while that very
 * class is being defined, would end in a ClassCircularityError.
 */
public final class RewritingPreload {
    private static final String PLAIN = "dev/leaktrace/agent/instrument/RewritingPreload$Plain";

    private RewritingPreload() {
    }

    /**
     * The bulk of the class loading, safe before the bootstrap classes are defined: this path
     * never calls them (no this(...) in the sample, no site announced), so none is loaded by the
     * wrong class loader. Run on the start-up preload thread.
     */
    public static void loadClasses() {
        rewrite(PLAIN, false);
    }

    /** The site-announcing path too, which calls the bootstrap classes; run once they are defined. */
    static void runAllPaths() {
        try {
            rewrite(PLAIN, true);
        } catch (Throwable ignored) {
            // Best effort: a class missed here is loaded on first use, as it would be anyway.
        }
    }

    private static void rewrite(String sample, boolean allPaths) {
        ClassReader reader = new ClassReader(plainClass(sample));
        Predicate<String> traced = allPaths ? ANY_NAME : NO_NAME;
        TracingTransformer.namesTracedClass(reader, traced);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new TracingClassVisitor(writer, traced, true, Set.of("close"), Set.of("close"), allPaths,
                allPaths ? new SiteNumbers() : null, allPaths ? MarkedCalls.NO_ENTRY_LIBRARY : null, false), 0);
        if (allPaths) {
            MarkedCalls.anyIn(reader, MarkedCalls.NO_ENTRY_LIBRARY);
        }
        writer.toByteArray();
    }

    /**
     * The sample's class file, written here rather than read from the agent's jar: finding the jar
     * of a class on the boot class path means a resource lookup that opens the JDK's runtime image.
     * A constructor, a drop method, a {@code new} and a call into a library:
     * <pre>
     * final class Plain implements AutoCloseable {
     *     private Object made;
     *     Plain() { super(); }
     *     public void close() { made = new StringBuilder(); java.nio.channels.Channels.newInputStream(null); }
     * }</pre>
     */
    private static byte[] plainClass(String name) {
        ClassWriter w = new ClassWriter(0);
        w.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
                new String[] {"java/lang/AutoCloseable"});
        w.visitField(Opcodes.ACC_PRIVATE, "made", "Ljava/lang/Object;", null, null).visitEnd();
        MethodVisitor init = w.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(1, 1);
        init.visitEnd();
        MethodVisitor close = w.visitMethod(Opcodes.ACC_PUBLIC, "close", "()V", null, null);
        close.visitCode();
        close.visitVarInsn(Opcodes.ALOAD, 0);
        close.visitTypeInsn(Opcodes.NEW, "java/lang/StringBuilder");
        close.visitInsn(Opcodes.DUP);
        close.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V", false);
        close.visitFieldInsn(Opcodes.PUTFIELD, name, "made", "Ljava/lang/Object;");
        close.visitInsn(Opcodes.ACONST_NULL);
        close.visitMethodInsn(Opcodes.INVOKESTATIC, "java/nio/channels/Channels", "newInputStream",
                "(Ljava/nio/channels/ReadableByteChannel;)Ljava/io/InputStream;", false);
        close.visitInsn(Opcodes.POP);
        close.visitInsn(Opcodes.RETURN);
        close.visitMaxs(3, 1);
        close.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }

    private static final Predicate<String> ANY_NAME = new Predicate<>() {
        @Override
        public boolean test(String binaryName) {
            return true;
        }
    };
    private static final Predicate<String> NO_NAME = new Predicate<>() {
        @Override
        public boolean test(String binaryName) {
            return false;
        }
    };
}
