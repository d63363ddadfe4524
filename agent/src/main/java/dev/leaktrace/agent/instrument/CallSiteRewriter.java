package dev.leaktrace.agent.instrument;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Announces sites in bytecode: before the constructor call that completes a {@code new T(...)} of
 * a traced T it inserts {@code Recorder.expect(T.class, site)}, the site being fixed now, from
 * the class's source file and line table. In the constructors of a traced class it inserts
 * {@code Recorder.bind(this, T.class)} right after the super(...) or this(...) call. Nothing else
 * changes: no branch, no local, two more stack slots.
 */
final class CallSiteRewriter extends ClassVisitor {
    static final String RECORDER = "dev/leaktrace/bootstrap/Recorder";

    private final Predicate<String> traced;
    private final boolean announce;
    private final SiteNumbers siteNumbers;
    private String internalName;
    private String packagePath = "";
    private String sourceFile;
    private boolean selfTraced;
    boolean changed;

    /**
     * @param traced   whether a binary name is a traced class
     * @param announce whether {@code new} expressions are announced (only where the class can see
     *                 the bootstrap package; traced classes themselves always can)
     */
    CallSiteRewriter(ClassVisitor next, Predicate<String> traced, boolean announce, SiteNumbers siteNumbers) {
        super(Opcodes.ASM9, next);
        this.traced = traced;
        this.announce = announce;
        this.siteNumbers = siteNumbers;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        internalName = name;
        selfTraced = traced.test(name.replace('/', '.'));
        int slash = name.lastIndexOf('/');
        packagePath = slash < 0 ? "" : name.substring(0, slash + 1);
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
        sourceFile = source;
        super.visitSource(source, debug);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        return next == null ? null : new Method(next, selfTraced && name.equals("<init>"));
    }

    private final class Method extends MethodVisitor {
        /** {@code new}s whose constructor call is still to come, per type: they nest. */
        private final Map<String, Integer> pendingNews = new HashMap<>();
        private int line = -1;
        private boolean changedHere;

        /** In a traced class's constructor, until its super(...) or this(...) call is seen. */
        private boolean bindPending;

        Method(MethodVisitor next, boolean bindAfterSuper) {
            super(Opcodes.ASM9, next);
            this.bindPending = bindAfterSuper;
        }

        @Override
        public void visitLineNumber(int lineNumber, Label start) {
            line = lineNumber;
            super.visitLineNumber(lineNumber, start);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW) {
                pendingNews.merge(type, 1, Integer::sum);
            }
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode != Opcodes.INVOKESPECIAL || !name.equals("<init>")) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            Integer pending = pendingNews.get(owner);
            if (pending != null && pending > 0) {
                pendingNews.put(owner, pending - 1);
                if (announce && traced.test(owner.replace('/', '.'))) {
                    announceNew(owner);
                }
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                if (bindPending) {
                    bindPending = false;
                    bind();
                }
            }
        }

        private void bind() {
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitLdcInsn(Type.getObjectType(internalName));
            super.visitMethodInsn(Opcodes.INVOKESTATIC, RECORDER, "bind", "(Ljava/lang/Object;Ljava/lang/Class;)V", false);
            changedHere = true;
        }

        private void announceNew(String owner) {
            String site = sourceFile == null ? "Unknown:0" : packagePath + sourceFile + ":" + Math.max(0, line);
            super.visitLdcInsn(Type.getObjectType(owner));
            super.visitLdcInsn(siteNumbers.numberOf(site));
            super.visitMethodInsn(Opcodes.INVOKESTATIC, RECORDER, "expect", "(Ljava/lang/Class;I)V", false);
            changedHere = true;
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(changedHere ? maxStack + 2 : maxStack, maxLocals);
            changed |= changedHere;
        }
    }
}
