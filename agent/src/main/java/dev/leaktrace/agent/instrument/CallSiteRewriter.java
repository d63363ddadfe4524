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
 * the class's source file and line table; before a traced class's {@code this(...)} call it
 * inserts {@code Recorder.delegating(T.class)}. Nothing else changes: no branch, no local, two
 * more stack slots.
 */
final class CallSiteRewriter extends ClassVisitor {
    static final String RECORDER = "dev/leaktrace/bootstrap/Recorder";

    private final Predicate<String> traced;
    private final boolean rewriteNews;
    private final SiteNumbers siteNumbers;
    private String internalName;
    private String packagePath = "";
    private String sourceFile;
    private boolean selfTraced;
    boolean changed;

    /**
     * @param traced      whether a binary name is a traced class
     * @param rewriteNews whether {@code new} expressions are announced (only where the class can
     *                    see the bootstrap package; else only this(...) in traced classes)
     */
    CallSiteRewriter(ClassVisitor next, Predicate<String> traced, boolean rewriteNews, SiteNumbers siteNumbers) {
        super(Opcodes.ASM9, next);
        this.traced = traced;
        this.rewriteNews = rewriteNews;
        this.siteNumbers = siteNumbers;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        internalName = name;
        int slash = name.lastIndexOf('/');
        packagePath = slash < 0 ? "" : name.substring(0, slash + 1);
        selfTraced = traced.test(name.replace('/', '.'));
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
        return next == null ? null : new Method(next, name.equals("<init>"));
    }

    private final class Method extends MethodVisitor {
        private final boolean constructor;
        /** {@code new}s whose constructor call is still to come, per type: they nest. */
        private final Map<String, Integer> pendingNews = new HashMap<>();
        private int line = -1;
        private boolean changedHere;

        Method(MethodVisitor next, boolean constructor) {
            super(Opcodes.ASM9, next);
            this.constructor = constructor;
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
            if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
                Integer pending = pendingNews.get(owner);
                boolean completesNew = pending != null && pending > 0;
                if (completesNew) {
                    pendingNews.put(owner, pending - 1);
                    if (rewriteNews && traced.test(owner.replace('/', '.'))) {
                        announceNew(owner);
                    }
                } else if (constructor && selfTraced && owner.equals(internalName)) {
                    announceDelegation();
                }
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        private void announceNew(String owner) {
            String site = sourceFile == null ? "Unknown:0" : packagePath + sourceFile + ":" + Math.max(0, line);
            super.visitLdcInsn(Type.getObjectType(owner));
            super.visitLdcInsn(siteNumbers.numberOf(site));
            super.visitMethodInsn(Opcodes.INVOKESTATIC, RECORDER, "expect", "(Ljava/lang/Class;I)V", false);
            changedHere = true;
        }

        private void announceDelegation() {
            super.visitLdcInsn(Type.getObjectType(internalName));
            super.visitMethodInsn(Opcodes.INVOKESTATIC, RECORDER, "delegating", "(Ljava/lang/Class;)V", false);
            changedHere = true;
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(changedHere ? maxStack + 2 : maxStack, maxLocals);
            changed |= changedHere;
        }
    }
}
