package dev.leaktrace.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.it.Built;
import dev.leaktrace.it.Jdk;
import dev.leaktrace.it.JvmRun;
import dev.leaktrace.it.OnEachJdk;
import dev.leaktrace.it.RunResult;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A class leaktrace cannot transform is skipped with a warning naming it, and the rest is traced;
 * a class another agent changed first is traced as changed.
 */
class UntransformableClassIT {
    /**
     * A valid class whose constructor is so close to the JVM's 64 KB limit on a method's code that
     * the constructor advice cannot fit: the transformation must fail, on purpose.
     */
    static byte[] constructorAtTheSizeLimit(String internalName) {
        return withConstructorPadding(internalName, 32_764); // two bytes each: with the rest, 65,533 of the 65,535 allowed
    }

    static byte[] plain(String internalName) {
        return withConstructorPadding(internalName, 0);
    }

    /** A public class whose constructor pushes and pops a zero {@code pops} times. */
    private static byte[] withConstructorPadding(String internalName, int pops) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        for (int i = 0; i < pops; i++) {
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitInsn(Opcodes.POP);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @OnEachJdk
    void aClassThatCannotBeTransformedIsSkippedWithAWarningNamingIt(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.reliability.Generated");
        ClassFolder classes = ClassFolder.in(run.dir());
        classes.add("fixtures.reliability.gen.Huge", constructorAtTheSizeLimit("fixtures/reliability/gen/Huge"));
        classes.add("fixtures.reliability.gen.Fine", plain("fixtures/reliability/gen/Fine"));
        RunResult r = run.agent("types:\n  - class: fixtures.reliability.gen.*\n"
                + "  - class: fixtures.reliability.Tracked\n").run(classes.path().toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("CREATED fixtures.reliability.gen.Huge", "CREATED fixtures.reliability.gen.Fine", "DONE");
        assertThat(r.stderr()).containsOnlyOnce("leaktrace: cannot instrument fixtures.reliability.gen.Huge")
                .contains("the rest is");
        assertThat(r.events("ALLOCATE", "fixtures.reliability.gen.Huge")).isEmpty();
        assertThat(r.events("ALLOCATE", "fixtures.reliability.gen.Fine")).as(r.toString()).hasSize(1);
        assertThat(r.events("ALLOCATE", "fixtures.reliability.Tracked")).hasSize(1);
    }

    @OnEachJdk
    void aClassAnotherAgentChangedIsTraced(Jdk jdk) throws Exception {
        JvmRun run = JvmRun.on(jdk).main("fixtures.reliability.Changed");
        Path jar = run.dir().resolve("other-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "fixtures.reliability.OtherAgent");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("fixtures/reliability/OtherAgent.class"));
            Files.copy(Built.TEST_CLASSES.resolve("fixtures/reliability/OtherAgent.class"), (OutputStream) out);
            out.closeEntry();
            out.putNextEntry(new JarEntry("fixtures/reliability/OtherAgent$1.class"));
            Files.copy(Built.TEST_CLASSES.resolve("fixtures/reliability/OtherAgent$1.class"), (OutputStream) out);
            out.closeEntry();
        }
        RunResult r = run.otherAgent(jar)
                .agent("types:\n  - class: fixtures.reliability.Changed\n  - class: fixtures.reliability.Tracked\n").run();
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).as("the other agent's change is kept").contains("WORD changed!");
        assertThat(r.events("ALLOCATE", "fixtures.reliability.Changed")).as(r.toString()).hasSize(1);
        assertThat(r.events("DROP", "fixtures.reliability.Changed")).hasSize(1);
        assertThat(r.events("ALLOCATE", "fixtures.reliability.Tracked")).hasSize(1);
    }
}
