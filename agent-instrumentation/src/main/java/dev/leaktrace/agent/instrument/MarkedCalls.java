package dev.leaktrace.agent.instrument;

import dev.leaktrace.bootstrap.LibraryCode;
import java.util.function.Predicate;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Which calls from application code into library code are marked (through a bridge, see
 * {@link LibraryBridges}), so that a traced object the library makes is charged to the calling
 * line without a stack walk. Marked: calls of library methods that hand back an object, for that
 * is how a library gives out what it made. Not marked, to keep the application's hot calls
 * untouched: methods returning a primitive or nothing, fluent ones (an instance method returning
 * its own class: {@code put}, {@code append}), and the JDK's value, text and collection packages,
 * which make no resources. Library code here is the JDK, the top-level {@code library:} patterns,
 * and, from classes no entry's {@code library:} names, the entries' own patterns too (a call from
 * Netty into Netty is not marked; a call from Netty into the JDK is).
 */
final class MarkedCalls {
    private static final String[] PLAIN_PACKAGES = {
        "java/lang/", "java/lang/reflect/", "java/lang/invoke/", "java/lang/ref/", "java/util/",
        "java/util/function/", "java/util/stream/", "java/util/regex/", "java/util/concurrent/atomic/",
        "java/util/concurrent/locks/", "java/math/", "java/text/",
    };
    private static final String TIME_TREE = "java/time/";

    private MarkedCalls() {
    }

    /** Library code by the JDK's and the top-level rules alone. */
    static final Predicate<String> TOP_LEVEL = LibraryCode::isLibraryName;

    /**
     * Whether a call instruction from application code is marked.
     *
     * @param library which classes, by binary name, are library code for the calling class
     */
    static boolean isMarked(int opcode, String owner, String descriptor, Predicate<String> library) {
        if (opcode != Opcodes.INVOKEVIRTUAL && opcode != Opcodes.INVOKEINTERFACE && opcode != Opcodes.INVOKESTATIC) {
            return false;
        }
        if (!mayMark(owner, descriptor, library)) {
            return false;
        }
        // Fluent calls return their receiver.
        return opcode == Opcodes.INVOKESTATIC
                || !descriptor.substring(descriptor.lastIndexOf(')') + 1).equals("L" + owner + ";");
    }

    /** The owner and return type rules alone, which the constant pool holds. */
    private static boolean mayMark(String owner, String descriptor, Predicate<String> library) {
        if (owner.isEmpty() || owner.charAt(0) == '[' || !isPlainReturn(descriptor)) {
            return false;
        }
        if (owner.startsWith(TIME_TREE)) {
            return false;
        }
        int slash = owner.lastIndexOf('/');
        if (slash >= 0) {
            for (String pkg : PLAIN_PACKAGES) {
                if (pkg.length() == slash + 1 && owner.startsWith(pkg)) {
                    return false;
                }
            }
        }
        return library.test(owner.replace('/', '.'));
    }

    /** An object (not an array, not a String) is returned. */
    private static boolean isPlainReturn(String descriptor) {
        int close = descriptor.lastIndexOf(')');
        return close >= 0 && close + 1 < descriptor.length() && descriptor.charAt(close + 1) == 'L'
                && !descriptor.startsWith("Ljava/lang/String;", close + 1);
    }

    /** Whether any method reference of the constant pool may be a marked call. */
    static boolean anyIn(ClassReader reader, Predicate<String> library) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset <= 0) {
                continue;
            }
            int tag = reader.readByte(offset - 1);
            if (tag == 10 /* CONSTANT_Methodref */ || tag == 11 /* CONSTANT_InterfaceMethodref */) {
                String owner = reader.readClass(offset, buffer);
                int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
                String descriptor = reader.readUTF8(nameAndType + 2, buffer);
                if (owner != null && descriptor != null && mayMark(owner, descriptor, library)) {
                    return true;
                }
            }
        }
        return false;
    }
}
