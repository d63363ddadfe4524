package dev.leaktrace.agent.instrument;

import dev.leaktrace.bootstrap.Warnings;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.function.Predicate;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Fixes sites when a class is loaded, so that tracing an object costs no stack walk. A quick look
 * at the constant pool decides first: only classes that name a traced class are rewritten. Classes
 * of the JDK's own modules keep their code (they cannot all see the bootstrap package); objects
 * they create are placed by a stack walk instead.
 */
final class CallSiteTransformer implements ClassFileTransformer {
    private final Predicate<String> traced;
    private final TracedClasses tracedClasses;
    private final SiteNumbers siteNumbers = new SiteNumbers();
    private volatile boolean failureReported;

    CallSiteTransformer(Predicate<String> traced, TracedClasses tracedClasses) {
        this.traced = traced;
        this.tracedClasses = tracedClasses;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null || Instrumenter.isOwn(className.replace('/', '.'))) {
            return null;
        }
        try {
            boolean rewriteNews = !module.isNamed() && loader != null && loader != ClassLoader.getPlatformClassLoader();
            boolean selfTraced = tracedClasses.contains(className.replace('/', '.'));
            if (!selfTraced && !rewriteNews) {
                return null;
            }
            ClassReader reader = new ClassReader(classfileBuffer);
            if (reader.readShort(6) < Opcodes.V1_5 || (!selfTraced && !namesTracedClass(reader))) {
                return null; // ldc of a class constant needs class files of Java 5 or later
            }
            ClassWriter writer = new ClassWriter(reader, 0);
            CallSiteRewriter rewriter = new CallSiteRewriter(writer, traced, rewriteNews, siteNumbers);
            reader.accept(rewriter, 0);
            return rewriter.changed ? writer.toByteArray() : null;
        } catch (Throwable e) {
            if (!failureReported) {
                failureReported = true;
                Warnings.warn("cannot fix the allocation sites in " + className + " (" + e
                        + "); its objects are placed by a stack walk instead (slower, same lines).");
            }
            return null;
        }
    }

    /** Whether any class constant of the pool is a traced class. */
    private boolean namesTracedClass(ClassReader reader) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset > 0 && reader.readByte(offset - 1) == 7 /* CONSTANT_Class */) {
                String name = reader.readUTF8(offset, buffer);
                if (name.charAt(0) != '[' && traced.test(name.replace('/', '.'))) {
                    return true;
                }
            }
        }
        return false;
    }
}
