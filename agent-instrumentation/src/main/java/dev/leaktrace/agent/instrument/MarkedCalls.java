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
 * which make no resources. Library code here is the JDK and the top-level {@code library:}
 * patterns; from classes no entry's {@code library:} names, also the entries' own patterns, where
 * every call that returns an object is marked, fluent ones included (a call from Netty into Netty
 * is not marked; a call from Netty into the JDK is).
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

    /** For classes an entry's {@code library:} names: only calls into the JDK and top-level patterns. */
    static final Predicate<String> NO_ENTRY_LIBRARY = new EntryLibrary(null);
    private static final int NOT = 0;
    private static final int TOP_LEVEL = 1;
    private static final int ENTRY = 2;

    /**
     * Whether a call instruction from application code is marked.
     *
     * @param entryLibrary which classes, by binary name, an entry's own {@code library:} names
     */
    static boolean isMarked(int opcode, String owner, String descriptor, Predicate<String> entryLibrary) {
        if (opcode != Opcodes.INVOKEVIRTUAL && opcode != Opcodes.INVOKEINTERFACE && opcode != Opcodes.INVOKESTATIC) {
            return false;
        }
        int kind = kindOf(owner, descriptor, entryLibrary);
        if (kind == ENTRY) {
            // A buffer's copy() or retainedSlice() returns its own type and makes a traced object:
            // unmarked, it would be charged to an outer marked call (the program's call that Netty
            // called back from).
            return true;
        }
        if (kind == NOT) {
            return false;
        }
        // Fluent calls return their receiver.
        return opcode == Opcodes.INVOKESTATIC
                || !descriptor.substring(descriptor.lastIndexOf(')') + 1).equals("L" + owner + ";");
    }

    /** The owner and return type rules alone, which the constant pool holds. */
    private static int kindOf(String owner, String descriptor, Predicate<String> entryLibrary) {
        if (owner.isEmpty() || owner.charAt(0) == '[' || !isPlainReturn(descriptor)) {
            return NOT;
        }
        String name = owner.replace('/', '.');
        if (!LibraryCode.isLibraryName(name)) {
            return entryLibrary.test(name) ? ENTRY : NOT;
        }
        if (owner.startsWith(TIME_TREE)) {
            return NOT;
        }
        int slash = owner.lastIndexOf('/');
        if (slash >= 0) {
            for (String pkg : PLAIN_PACKAGES) {
                if (pkg.length() == slash + 1 && owner.startsWith(pkg)) {
                    return NOT;
                }
            }
        }
        return TOP_LEVEL;
    }

    /**
     * The classes the entries' own {@code library:} patterns name (none without rules); a class,
     * not a lambda, for the premain path has no invokedynamic.
     */
    static final class EntryLibrary implements Predicate<String> {
        private final TypeRules rules;

        EntryLibrary(TypeRules rules) {
            this.rules = rules;
        }

        @Override
        public boolean test(String binaryName) {
            return rules != null && rules.isEntryLibrary(binaryName);
        }
    }

    /** An object (not an array, not a String) is returned. */
    private static boolean isPlainReturn(String descriptor) {
        int close = descriptor.lastIndexOf(')');
        return close >= 0 && close + 1 < descriptor.length() && descriptor.charAt(close + 1) == 'L'
                && !descriptor.startsWith("Ljava/lang/String;", close + 1);
    }

    /** Whether any method reference of the constant pool may be a marked call. */
    static boolean anyIn(ClassReader reader, Predicate<String> entryLibrary) {
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
                if (owner != null && descriptor != null && kindOf(owner, descriptor, entryLibrary) != NOT) {
                    return true;
                }
            }
        }
        return false;
    }
}
