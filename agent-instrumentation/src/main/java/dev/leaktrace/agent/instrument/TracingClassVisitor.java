package dev.leaktrace.agent.instrument;

import dev.leaktrace.bootstrap.LibraryCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Rewrites one class in one pass, inserting only straight-line calls (no branch, no local, no
 * frame change, two more stack slots):
 * <ul>
 * <li>in a traced class: {@code Recorder.constructed(this, T.class)} before every return of a
 * constructor; {@code Recorder.bind(this, T.class)} right after its super(...)/this(...) call
 * (at the start of {@code Object()}, which has none); and {@code Recorder.delegating(T.class)}
 * right before a this(...) call, so the called constructor's exit knows it is not the outermost;</li>
 * <li>{@code Recorder.released(this)} before every normal return of a drop method (a throw skips
 * it: only a normal return drops); in one returning a boolean, {@code Recorder.releasedIf(result, this)},
 * so that the recorder can count only a release that freed the object;</li>
 * <li>{@code Recorder.renewed(this, site)} before every normal return of a renew method (a pool handing
 * out a recycled object);</li>
 * <li>where the class may see the bootstrap package: {@code Recorder.expect(T.class, site)}
 * before the constructor call that completes a {@code new T(...)} of a traced T, the site fixed
 * now from the source file and line table;</li>
 * <li>in application code: each marked call into library code ({@link MarkedCalls}) becomes a call
 * of its bridge ({@link LibraryBridges}), which tells the recorder the calling line.</li>
 * </ul>
 */
final class TracingClassVisitor extends ClassVisitor {
    static final String RECORDER = "dev/leaktrace/bootstrap/Recorder";

    private final Predicate<String> traced;
    private final boolean selfTraced;
    private final Set<String> dropMethods;
    private final Set<String> renewMethods;
    private final boolean announce;
    private final SiteNumbers siteNumbers;
    /** Which callees an entry's own library patterns name, for marked calls; null when calls are not marked. */
    private final Predicate<String> marks;
    private final boolean library;
    private LibraryBridges bridges;
    private String internalName;
    private String className;
    private boolean isRoot;
    private String packagePath = "";
    private String sourceFile;
    boolean changed;

    /**
     * @param traced      whether a binary name is a traced class
     * @param selfTraced  whether this class's objects are traced (constructor advice)
     * @param dropMethods names of this class's methods whose normal return drops the object
     * @param renewMethods names of this class's methods whose normal return starts a new life
     * @param announce    whether {@code new} expressions are announced (only where the class can
     *                    see the bootstrap package)
     * @param marks       which callees (binary names) an entry's own {@code library:} names, for
     *                    marked calls; null when calls are not marked (not application code defined now)
     * @param library     whether the class is library code (its sites are charged to the caller)
     */
    TracingClassVisitor(ClassVisitor next, Predicate<String> traced, boolean selfTraced, Set<String> dropMethods,
                        Set<String> renewMethods, boolean announce, SiteNumbers siteNumbers, Predicate<String> marks,
                        boolean library) {
        super(Opcodes.ASM9, next);
        this.marks = marks;
        this.library = library;
        this.traced = traced;
        this.selfTraced = selfTraced;
        this.dropMethods = dropMethods;
        this.renewMethods = renewMethods;
        this.announce = announce;
        this.siteNumbers = siteNumbers;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        internalName = name;
        className = name.replace('/', '.');
        isRoot = superName == null;
        int slash = name.lastIndexOf('/');
        packagePath = slash < 0 ? "" : name.substring(0, slash + 1);
        if (marks != null) {
            bridges = new LibraryBridges(name, version & 0xFFFF);
        }
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitEnd() {
        if (bridges != null) {
            bridges.write(cv);
        }
        super.visitEnd();
    }

    @Override
    public void visitSource(String source, String debug) {
        sourceFile = source;
        super.visitSource(source, debug);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (next == null) {
            return null;
        }
        boolean constructor = selfTraced && name.equals("<init>");
        boolean instance = !name.equals("<init>")
                && (access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
        boolean drop = instance && dropMethods.contains(name);
        boolean renew = instance && renewMethods.contains(name);
        if (!constructor && !drop && !renew && !announce && marks == null) {
            // Nothing to change: the writer then copies the method's bytes as they are, which
            // is much faster than visiting them (start-up retransforms whole JDK classes).
            return next;
        }
        return new Method(next, constructor, drop, renew, descriptor.endsWith(")Z"));
    }

    private final class Method extends MethodVisitor {
        private final boolean constructor;
        private final boolean drop;
        private final boolean renew;
        private final boolean returnsBoolean;
        /** {@code new}s whose constructor call is still to come, per type: they nest. */
        private final Map<String, Integer> pendingNews = new HashMap<>();
        private boolean beforeSuperCall;
        private int line = -1;
        private boolean changedHere;

        Method(MethodVisitor next, boolean constructor, boolean drop, boolean renew, boolean returnsBoolean) {
            super(Opcodes.ASM9, next);
            this.renew = renew;
            this.returnsBoolean = returnsBoolean;
            this.constructor = constructor;
            this.drop = drop;
            this.beforeSuperCall = constructor;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (constructor && isRoot) {
                // java.lang.Object's constructor calls no other: its object is bound on entry.
                beforeSuperCall = false;
                call("bind");
            }
        }

        @Override
        public void visitLineNumber(int lineNumber, Label start) {
            line = lineNumber;
            super.visitLineNumber(lineNumber, start);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW) {
                Integer pending = pendingNews.get(type);
                pendingNews.put(type, pending == null ? 1 : pending + 1);
            }
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                if (constructor && opcode == Opcodes.RETURN) {
                    call("constructed");
                } else if (drop && returnsBoolean && opcode == Opcodes.IRETURN) {
                    super.visitInsn(Opcodes.DUP);
                    super.visitVarInsn(Opcodes.ALOAD, 0);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, RECORDER, "releasedIf", "(ZLjava/lang/Object;)V", false);
                    changedHere = true;
                } else if (drop) {
                    super.visitVarInsn(Opcodes.ALOAD, 0);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, RECORDER, "released", "(Ljava/lang/Object;)V", false);
                    changedHere = true;
                }
                if (renew) {
                    // The return's line stands for the new life's `new`: library code or not by this class.
                    super.visitVarInsn(Opcodes.ALOAD, 0);
                    super.visitLdcInsn(siteNumbers == null ? -1 : siteNumbers.numberOf(site(), className, library));
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, RECORDER, "renewed", "(Ljava/lang/Object;I)V", false);
                    changedHere = true;
                }
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean isInterface) {
            if (opcode != Opcodes.INVOKESPECIAL || !name.equals("<init>")) {
                if (bridges != null && MarkedCalls.isMarked(opcode, owner, desc, marks)) {
                    String callee = owner.replace('/', '.');
                    bridges.callInstead(mv, opcode, owner, name, desc, isInterface, siteNumbers.numberOf(site(),
                            className, false, callee, LibraryCode.isLibraryName(callee)), line);
                    changedHere = true;
                } else {
                    super.visitMethodInsn(opcode, owner, name, desc, isInterface);
                }
                return;
            }
            Integer pending = pendingNews.get(owner);
            if (pending != null && pending > 0) {
                pendingNews.put(owner, pending - 1);
                if (announce && traced.test(owner.replace('/', '.'))) {
                    announceNew(owner);
                }
                super.visitMethodInsn(opcode, owner, name, desc, isInterface);
                return;
            }
            boolean superCall = beforeSuperCall;
            if (superCall && owner.equals(internalName)) {
                super.visitLdcInsn(Type.getObjectType(internalName));
                super.visitMethodInsn(Opcodes.INVOKESTATIC, RECORDER, "delegating", "(Ljava/lang/Class;)V", false);
                changedHere = true;
            }
            super.visitMethodInsn(opcode, owner, name, desc, isInterface);
            if (superCall) {
                beforeSuperCall = false;
                call("bind");
            }
        }

        private void call(String method) {
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitLdcInsn(Type.getObjectType(internalName));
            super.visitMethodInsn(Opcodes.INVOKESTATIC, RECORDER, method, "(Ljava/lang/Object;Ljava/lang/Class;)V", false);
            changedHere = true;
        }

        private String site() {
            return sourceFile == null ? "Unknown:0" : packagePath + sourceFile + ":" + Math.max(0, line);
        }

        private void announceNew(String owner) {
            super.visitLdcInsn(Type.getObjectType(owner));
            super.visitLdcInsn(siteNumbers.numberOf(site(), className, library));
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
