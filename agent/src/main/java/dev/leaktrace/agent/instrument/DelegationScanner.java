package dev.leaktrace.agent.instrument;

import dev.leaktrace.bootstrap.Delegations;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Finds the {@code this(...)} calls in a traced class's constructors and tells {@link Delegations}.
 * A constructor's call of its own class's {@code <init>} is on {@code this} unless it completes a
 * {@code new} of that class; {@code new}s nest, so counting them tells the two apart.
 */
final class DelegationScanner extends ClassVisitor {
    private String className;
    private String internalName;

    private DelegationScanner() {
        super(Opcodes.ASM9);
    }

    static void scan(byte[] classFile) {
        new ClassReader(classFile).accept(new DelegationScanner(), ClassReader.SKIP_FRAMES);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        internalName = name;
        className = name.replace('/', '.');
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        if (!name.equals("<init>")) {
            return null;
        }
        return new MethodVisitor(Opcodes.ASM9) {
            private int line = -1;
            private int pendingNews;

            @Override
            public void visitLineNumber(int lineNumber, Label start) {
                line = lineNumber;
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                if (opcode == Opcodes.NEW && type.equals(internalName)) {
                    pendingNews++;
                }
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String methodName, String methodDescriptor,
                                        boolean isInterface) {
                if (opcode != Opcodes.INVOKESPECIAL || !methodName.equals("<init>") || !owner.equals(internalName)) {
                    return;
                }
                if (pendingNews > 0) {
                    pendingNews--;
                } else {
                    Delegations.register(className, descriptor, line);
                }
            }
        };
    }
}
