package dev.leaktrace.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leaktrace.agent.AgentEntry;
import dev.leaktrace.bootstrap.Recorder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.RecordComponentVisitor;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.Test;

/**
 * The two rules of the premain path, as the package-info of {@code dev.leaktrace.bootstrap} states
 * them, checked with ASM on the classes of the bootstrap and instrumentation modules as they stand
 * on this test's class path (before they are shaded into the jar). The fixtures at the end show
 * that each check finds what it looks for.
 */
class PremainBytecodeRulesTest {
    private static final List<String> PREMAIN_PACKAGES = List.of("dev/leaktrace/bootstrap/", "dev/leaktrace/api/",
            "dev/leaktrace/agent/");

    @Test
    void thePremainPathHasNoInvokedynamic() {
        Map<String, byte[]> classes = new TreeMap<>(classFiles(codeSource(Recorder.class)));
        classes.putAll(classFiles(codeSource(AgentEntry.class)));
        classes.keySet().removeIf(name -> PREMAIN_PACKAGES.stream().noneMatch(name::startsWith));
        assertThat(classes).containsKeys("dev/leaktrace/bootstrap/Recorder", "dev/leaktrace/agent/AgentEntry",
                "dev/leaktrace/agent/size/SizeRule", "dev/leaktrace/api/SizeEstimator");

        List<String> found = new ArrayList<>();
        classes.values().forEach(bytes -> found.addAll(BytecodeRules.invokedynamics(bytes)));

        assertTrue(found.isEmpty(), message("invokedynamic on the premain path", found));
    }

    @Test
    void theBootstrapModuleRefersToTheJdkAlone() {
        Map<String, byte[]> classes = classFiles(codeSource(Recorder.class));
        assertThat(classes).containsKeys("dev/leaktrace/bootstrap/Recorder", "dev/leaktrace/api/SizeEstimator")
                .as("the bootstrap module alone, not a jar shaded of all").doesNotContainKey("dev/leaktrace/agent/AgentEntry");
        Set<String> ownPackages = new LinkedHashSet<>();
        classes.keySet().forEach(name -> ownPackages.add(BytecodeRules.packageOf(name)));

        List<String> found = new ArrayList<>();
        classes.values().forEach(bytes -> found.addAll(BytecodeRules.referencesOutside(bytes, ownPackages)));

        assertTrue(found.isEmpty(), message("the bootstrap module refers to classes outside java.* and "
                + ownPackages, found));
    }

    @Test
    void aLambdaAMethodReferenceAndAStringConcatenationAreFlagged() {
        List<String> found = BytecodeRules.invokedynamics(fixture(WithInvokedynamic.class));

        String fixture = WithInvokedynamic.class.getName();
        assertThat(found).containsExactlyInAnyOrder(
                fixture + ", method task(): invokedynamic LambdaMetafactory.metafactory (a lambda or method reference)",
                fixture + ", method supplier(): invokedynamic LambdaMetafactory.metafactory (a lambda or method"
                        + " reference)",
                fixture + ", method describe(java.lang.String, int): invokedynamic"
                        + " StringConcatFactory.makeConcatWithConstants (a string concatenation)");
    }

    @Test
    void aReferenceOutsideTheJdkIsFlaggedWhereItStands() {
        List<String> found = BytecodeRules.referencesOutside(fixture(WithForeignReference.class),
                Set.of(BytecodeRules.packageOf(Type.getInternalName(PremainBytecodeRulesTest.class))));

        String fixture = WithForeignReference.class.getName();
        assertThat(found).containsExactlyInAnyOrder(
                fixture + ", field type: refers to net.bytebuddy.jar.asm.Type (field type)",
                fixture + ", method objectType(): refers to net.bytebuddy.jar.asm.Type (method descriptor)",
                fixture + ", method objectType(): refers to net.bytebuddy.jar.asm.Type (method owner)",
                fixture + ", method objectType(): refers to net.bytebuddy.jar.asm.Type (called method's descriptor)");
    }

    @Test
    void aClassWithinTheRulesPassesBoth() {
        byte[] clean = fixture(WithinTheRules.class);

        assertThat(BytecodeRules.invokedynamics(clean)).isEmpty();
        assertThat(BytecodeRules.referencesOutside(clean,
                Set.of(BytecodeRules.packageOf(Type.getInternalName(PremainBytecodeRulesTest.class))))).isEmpty();
    }

    private static Supplier<String> message(String rule, List<String> found) {
        return () -> rule + " (" + found.size() + "):\n  " + String.join("\n  ", found)
                + "\nThe rule and its reason: the package-info of dev.leaktrace.bootstrap.";
    }

    // ---------------------------------------------------------------- reading the built classes

    /** The directory or jar a class of the module under test was loaded from. */
    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Class file bytes by internal name, from a classes directory or a jar. */
    private static Map<String, byte[]> classFiles(Path source) {
        Map<String, byte[]> classes = new TreeMap<>();
        try {
            if (Files.isDirectory(source)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(source)) {
                    files = walk.filter(f -> f.toString().endsWith(".class")).toList();
                }
                for (Path file : files) {
                    String path = source.relativize(file).toString().replace(File.separatorChar, '/');
                    classes.put(internalName(path), Files.readAllBytes(file));
                }
                return classes;
            }
            try (JarFile jar = new JarFile(source.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            classes.put(internalName(entry.getName()), in.readAllBytes());
                        }
                    }
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes of " + source, e);
        }
    }

    private static String internalName(String classFilePath) {
        return classFilePath.substring(0, classFilePath.length() - ".class".length());
    }

    private static byte[] fixture(Class<?> type) {
        String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- the checks

    /** Reads one class file and lists what it breaks, one line each: class, member, what was found. */
    static final class BytecodeRules {
        private BytecodeRules() {
        }

        /** Every invokedynamic instruction, and constant-pool dynamic constants, of the class. */
        static List<String> invokedynamics(byte[] classFile) {
            ClassReader reader = new ClassReader(classFile);
            String className = reader.getClassName().replace('/', '.');
            Set<String> found = new LinkedHashSet<>();
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    String where = className + ", " + member(name, descriptor);
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap,
                                                           Object... arguments) {
                            found.add(where + ": invokedynamic " + describe(bootstrap));
                        }

                        @Override
                        public void visitLdcInsn(Object value) {
                            if (value instanceof net.bytebuddy.jar.asm.ConstantDynamic) {
                                found.add(where + ": dynamic constant "
                                        + describe(((net.bytebuddy.jar.asm.ConstantDynamic) value).getBootstrapMethod()));
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_FRAMES);
            return new ArrayList<>(found);
        }

        private static String describe(Handle bootstrap) {
            String owner = bootstrap.getOwner().substring(bootstrap.getOwner().lastIndexOf('/') + 1);
            String what;
            switch (owner) {
                case "LambdaMetafactory":
                    what = "a lambda or method reference";
                    break;
                case "StringConcatFactory":
                    what = "a string concatenation";
                    break;
                case "ObjectMethods":
                    what = "a record's toString, equals or hashCode";
                    break;
                case "SwitchBootstraps":
                    what = "a switch on patterns";
                    break;
                default:
                    what = "bootstrap " + bootstrap.getOwner().replace('/', '.');
            }
            return owner + "." + bootstrap.getName() + " (" + what + ")";
        }

        /**
         * Every class the class file names outside {@code java/} and {@code ownPackages} (internal
         * form, {@code dev/leaktrace/bootstrap}): supertypes, field types, method descriptors,
         * owners of called methods and read fields, instructions' types, exception handlers,
         * annotations, nest and inner-class entries, and whatever else the constant pool names.
         */
        static List<String> referencesOutside(byte[] classFile, Set<String> ownPackages) {
            ClassReader reader = new ClassReader(classFile);
            ForeignReferences refs = new ForeignReferences(reader.getClassName(), ownPackages);
            reader.accept(refs, 0);
            refs.constantPool(reader);
            return new ArrayList<>(refs.found);
        }

        /** {@code dev/leaktrace/bootstrap} of {@code dev/leaktrace/bootstrap/Recorder}. */
        static String packageOf(String internalName) {
            int slash = internalName.lastIndexOf('/');
            return slash < 0 ? "" : internalName.substring(0, slash);
        }

        static String member(String name, String descriptor) {
            if (descriptor.startsWith("(")) {
                StringBuilder b = new StringBuilder("method ").append(name).append('(');
                Type[] arguments = Type.getArgumentTypes(descriptor);
                for (int i = 0; i < arguments.length; i++) {
                    b.append(i == 0 ? "" : ", ").append(arguments[i].getClassName());
                }
                return b.append(')').toString();
            }
            return "field " + name;
        }
    }

    /** The visitor behind {@link BytecodeRules#referencesOutside}. */
    private static final class ForeignReferences extends ClassVisitor {
        private final String className;
        private final Set<String> ownPackages;
        final Set<String> found = new LinkedHashSet<>();
        /** Internal names already reported at some place: the constant pool scan adds only the rest. */
        private final Set<String> reported = new LinkedHashSet<>();

        ForeignReferences(String internalName, Set<String> ownPackages) {
            super(Opcodes.ASM9);
            this.className = internalName.replace('/', '.');
            this.ownPackages = ownPackages;
        }

        private void type(String where, String internalNameOrArray, String how) {
            if (internalNameOrArray == null) {
                return;
            }
            Type type = Type.getObjectType(internalNameOrArray);
            if (type.getSort() == Type.ARRAY) {
                type = type.getElementType();
            }
            if (type.getSort() != Type.OBJECT) {
                return;
            }
            String name = type.getInternalName();
            if (name.startsWith("java/") || ownPackages.contains(BytecodeRules.packageOf(name))) {
                return;
            }
            reported.add(name);
            found.add(className + ", " + where + ": refers to " + name.replace('/', '.') + " (" + how + ")");
        }

        private void descriptor(String where, String descriptor, String how) {
            if (descriptor == null) {
                return;
            }
            Type type = Type.getType(descriptor);
            if (type.getSort() == Type.METHOD) {
                for (Type argument : type.getArgumentTypes()) {
                    descriptor(where, argument.getDescriptor(), how);
                }
                descriptor(where, type.getReturnType().getDescriptor(), how);
            } else if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
                type(where, type.getSort() == Type.OBJECT ? type.getInternalName() : type.getDescriptor(), how);
            }
        }

        private void constant(String where, Object value) {
            if (value instanceof Type) {
                Type type = (Type) value;
                if (type.getSort() == Type.METHOD) {
                    descriptor(where, type.getDescriptor(), "method type constant");
                } else {
                    type(where, type.getSort() == Type.OBJECT ? type.getInternalName() : type.getDescriptor(),
                            "class constant");
                }
            } else if (value instanceof Handle) {
                Handle handle = (Handle) value;
                type(where, handle.getOwner(), "method handle owner");
                descriptor(where, handle.getDesc(), "method handle descriptor");
            }
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            type("class header", superName, "superclass");
            for (String i : interfaces == null ? new String[0] : interfaces) {
                type("class header", i, "interface");
            }
        }

        @Override
        public void visitOuterClass(String owner, String name, String descriptor) {
            type("class header", owner, "enclosing class");
            descriptor("class header", descriptor, "enclosing method");
        }

        @Override
        public void visitNestHost(String nestHost) {
            type("class header", nestHost, "nest host");
        }

        @Override
        public void visitNestMember(String nestMember) {
            type("class header", nestMember, "nest member");
        }

        @Override
        public void visitPermittedSubclass(String permittedSubclass) {
            type("class header", permittedSubclass, "permitted subclass");
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            type("class header", name, "inner class entry");
            type("class header", outerName, "inner class entry");
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            descriptor("class header", descriptor, "annotation");
            return null;
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            descriptor("record component " + name, descriptor, "record component type");
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            String where = BytecodeRules.member(name, descriptor);
            descriptor(where, descriptor, "field type");
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    descriptor(where, annotation, "annotation");
                    return null;
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            String where = BytecodeRules.member(name, descriptor);
            descriptor(where, descriptor, "method descriptor");
            for (String e : exceptions == null ? new String[0] : exceptions) {
                type(where, e, "declared exception");
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    descriptor(where, annotation, "annotation");
                    return null;
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(where, type, opcode == Opcodes.NEW ? "new" : "type instruction");
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
                    type(where, owner, "field owner");
                    descriptor(where, fieldDescriptor, "field type");
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String methodName, String methodDescriptor,
                                            boolean isInterface) {
                    type(where, owner, "method owner");
                    descriptor(where, methodDescriptor, "called method's descriptor");
                }

                @Override
                public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap,
                                                   Object... arguments) {
                    descriptor(where, indyDescriptor, "invokedynamic descriptor");
                    constant(where, bootstrap);
                    for (Object argument : arguments) {
                        constant(where, argument);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(where, value);
                }

                @Override
                public void visitMultiANewArrayInsn(String arrayDescriptor, int dimensions) {
                    descriptor(where, arrayDescriptor, "new array");
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    type(where, type, "caught exception");
                }

                @Override
                public void visitLocalVariable(String localName, String localDescriptor, String localSignature,
                                               Label start, Label end, int index) {
                    descriptor(where, localDescriptor, "local variable");
                }
            };
        }

        /** Class, name-and-type and method-type entries of the pool that no place above accounted for. */
        void constantPool(ClassReader reader) {
            char[] buffer = new char[reader.getMaxStringLength()];
            for (int i = 1; i < reader.getItemCount(); i++) {
                int offset = reader.getItem(i);
                if (offset == 0) {
                    continue; // the second slot of a long or double
                }
                int tag = reader.readByte(offset - 1);
                List<String> names = new ArrayList<>();
                if (tag == 7) { // CONSTANT_Class
                    String name = reader.readUTF8(offset, buffer);
                    names.add(name);
                } else if (tag == 12 || tag == 16) { // CONSTANT_NameAndType, CONSTANT_MethodType
                    String descriptor = reader.readUTF8(offset + (tag == 12 ? 2 : 0), buffer);
                    Type type = Type.getType(descriptor);
                    List<Type> parts = new ArrayList<>();
                    if (type.getSort() == Type.METHOD) {
                        parts.addAll(List.of(type.getArgumentTypes()));
                        parts.add(type.getReturnType());
                    } else {
                        parts.add(type);
                    }
                    for (Type part : parts) {
                        Type element = part.getSort() == Type.ARRAY ? part.getElementType() : part;
                        if (element.getSort() == Type.OBJECT) {
                            names.add(element.getInternalName());
                        }
                    }
                }
                for (String name : names) {
                    if (!reported.contains(name)) {
                        type("constant pool", name, "constant pool entry");
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- fixtures

    /** Breaks the first rule three ways (this test's module compiles string concatenation to indy). */
    static final class WithInvokedynamic {
        static Runnable task() {
            return () -> { };
        }

        static Supplier<Object> supplier() {
            return Object::new;
        }

        static String describe(String name, int count) {
            return name + count;
        }
    }

    /** Breaks the second rule: it names a class of Byte Buddy's ASM in a field, a descriptor and a call. */
    static final class WithForeignReference {
        Type type;

        static Type objectType() {
            return Type.getType(Object.class);
        }
    }

    /** Keeps both rules: JDK classes and its own package only, and a class instead of a lambda. */
    static final class WithinTheRules {
        private final StringBuilder text = new StringBuilder();

        Runnable task() {
            return new Runnable() {
                @Override
                public void run() {
                    text.append("ran").append(1);
                }
            };
        }
    }
}
