package dev.leaktrace.agent.jfr;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * On JDK 25 and later: a concrete {@code leaktrace.Allocation} class like {@link AllocationEvent}
 * plus {@code @jdk.jfr.Throttle}, written with ASM: a jar built for Java 17 cannot name the
 * annotation in source. JFR honours it only on an event class (not on one from
 * {@code EventFactory}) that the boot class loader did not define (it takes those for the JDK's
 * own), so the class gets a class loader of its own, whose parent sees {@link ObjectAllocated}.
 */
final class ThrottledEventClass {
    /** At most this many allocation events a second, where a recording does not set another. */
    static final String DEFAULT_THROTTLE = "1000/s";

    private ThrottledEventClass() {
    }

    /** A constructor of the throttled class, or null where the JDK has no {@code jdk.jfr.Throttle}. */
    static MethodHandle constructor() throws ReflectiveOperationException {
        try {
            Class.forName("jdk.jfr.Throttle");
        } catch (ClassNotFoundException e) {
            return null;
        }
        String base = ObjectAllocated.class.getName().replace('.', '/');
        String name = "dev/leaktrace/agent/jfr/throttled/ThrottledAllocationEvent";
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, base, null);
        annotation(writer, "Ljdk/jfr/Name;", ObjectAllocated.NAME);
        annotation(writer, "Ljdk/jfr/Label;", "Traced Object Allocated");
        annotation(writer, "Ljdk/jfr/Description;", "A traced object's outermost constructor returned (leaktrace),"
                + " at most " + DEFAULT_THROTTLE + " unless the recording's throttle setting says otherwise");
        annotation(writer, "Ljdk/jfr/Throttle;", DEFAULT_THROTTLE);
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, base, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        writer.visitEnd();
        Class<?> throttled = new EventClassLoader(ObjectAllocated.class.getClassLoader())
                .define(name.replace('/', '.'), writer.toByteArray());
        return MethodHandles.lookup().findConstructor(throttled, MethodType.methodType(void.class))
                .asType(MethodType.methodType(ObjectAllocated.class));
    }

    /** Defines the one generated class. */
    private static final class EventClassLoader extends ClassLoader {
        EventClassLoader(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    private static void annotation(ClassWriter writer, String descriptor, String value) {
        AnnotationVisitor annotation = writer.visitAnnotation(descriptor, true);
        annotation.visit("value", value);
        annotation.visitEnd();
    }
}
