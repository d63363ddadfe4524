package dev.leaktrace.agent.instrument;

import dev.leaktrace.bootstrap.LibraryCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * The bridges of one class's marked calls (see {@link MarkedCalls}): a marked call becomes a call
 * of a private static method of the same class that tells the recorder the calling line, makes
 * the call, and says it ended however it ends. A method of our own, rather than code around the
 * call, because its exception handler and frames are known without analysing the caller's; the
 * same class, so the callee sees the same caller (access, caller-sensitive methods).
 */
final class LibraryBridges {

    private final String internalName;
    private final int classVersion;
    private final Map<String, Bridge> byKey = new HashMap<>();
    private final List<Bridge> bridges = new ArrayList<>();

    LibraryBridges(String internalName, int classVersion) {
        this.internalName = internalName;
        this.classVersion = classVersion;
    }

    private static final class Bridge {
        final String name;
        final String descriptor;
        final int opcode;
        final String owner;
        final String method;
        final String methodDescriptor;
        final boolean isInterface;
        final int site;
        final int line;

        Bridge(String name, String descriptor, int opcode, String owner, String method, String methodDescriptor,
               boolean isInterface, int site, int line) {
            this.name = name;
            this.descriptor = descriptor;
            this.opcode = opcode;
            this.owner = owner;
            this.method = method;
            this.methodDescriptor = methodDescriptor;
            this.isInterface = isInterface;
            this.site = site;
            this.line = line;
        }
    }

    /** Emits the call of the bridge in place of the marked call, making the bridge if it is new. */
    void callInstead(MethodVisitor code, int opcode, String owner, String method, String descriptor,
                     boolean isInterface, int site, int line) {
        String key = opcode + " " + owner + "." + method + descriptor + " " + site;
        Bridge bridge = byKey.get(key);
        if (bridge == null) {
            String bridgeDescriptor = opcode == Opcodes.INVOKESTATIC ? descriptor : "(L" + owner + ";" + descriptor.substring(1);
            bridge = new Bridge(LibraryCode.BRIDGE_PREFIX + bridges.size(), bridgeDescriptor, opcode, owner, method, descriptor,
                    isInterface, site, line);
            byKey.put(key, bridge);
            bridges.add(bridge);
        }
        code.visitMethodInsn(Opcodes.INVOKESTATIC, internalName, bridge.name, bridge.descriptor, false);
    }

    /** Adds the bridges to the class; called at its end. */
    void write(ClassVisitor into) {
        for (Bridge bridge : bridges) {
            write(into, bridge);
        }
    }

    private void write(ClassVisitor into, Bridge b) {
        MethodVisitor m = into.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, b.name,
                b.descriptor, null, null);
        if (m == null) {
            return;
        }
        Type[] arguments = Type.getArgumentTypes(b.descriptor);
        Type result = Type.getReturnType(b.descriptor);
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        m.visitCode();
        m.visitTryCatchBlock(start, end, handler, null);
        m.visitLdcInsn(b.site);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, TracingClassVisitor.RECORDER, "enterLibrary", "(I)V", false);
        m.visitLabel(start);
        // The caller's line: a stack trace through the bridge shows it twice, not a made-up one.
        if (b.line > 0) {
            m.visitLineNumber(b.line, start);
        }
        int slot = 0;
        Object[] locals = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            m.visitVarInsn(arguments[i].getOpcode(Opcodes.ILOAD), slot);
            slot += arguments[i].getSize();
            locals[i] = frameType(arguments[i]);
        }
        m.visitMethodInsn(b.opcode, b.owner, b.method, b.methodDescriptor, b.isInterface);
        m.visitLabel(end);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, TracingClassVisitor.RECORDER, "leaveLibrary", "()V", false);
        m.visitInsn(result.getOpcode(Opcodes.IRETURN));
        m.visitLabel(handler);
        if (classVersion >= Opcodes.V1_6) {
            m.visitFrame(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
        }
        m.visitMethodInsn(Opcodes.INVOKESTATIC, TracingClassVisitor.RECORDER, "leaveLibrary", "()V", false);
        m.visitInsn(Opcodes.ATHROW);
        m.visitMaxs(Math.max(Math.max(slot, result.getSize()), 1), slot);
        m.visitEnd();
    }

    private static Object frameType(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN:
            case Type.BYTE:
            case Type.CHAR:
            case Type.SHORT:
            case Type.INT:
                return Opcodes.INTEGER;
            case Type.FLOAT:
                return Opcodes.FLOAT;
            case Type.LONG:
                return Opcodes.LONG;
            case Type.DOUBLE:
                return Opcodes.DOUBLE;
            default:
                return type.getInternalName();
        }
    }
}
