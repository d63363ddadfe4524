package dev.leaktrace.agent.instrument;

import dev.leaktrace.agent.jar.OwnJar;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;

/**
 * Rewrites sample classes so that ASM's classes and the visitor's are loaded before the
 * transformer is registered: loading one of them from inside the transformer, while that very
 * class is being defined, would end in a ClassCircularityError.
 */
public final class RewritingPreload {
    private static final String PLAIN = "dev.leaktrace.agent.instrument.RewritingPreload$Plain";

    private RewritingPreload() {
    }

    /**
     * The bulk of the class loading, safe before the bootstrap classes are defined: this path
     * never calls them (no this(...) in the sample, no site announced), so none is loaded by the
     * wrong class loader. Run on the start-up preload thread.
     */
    public static void loadClasses() throws Exception {
        rewrite(PLAIN, false);
    }

    /**
     * The site-announcing path too, which calls the bootstrap classes; run once they are defined.
     * (Not this(...) delegation: registering the sample's would make every constructor's exit
     * look its class up in {@code Delegations}.)
     */
    static void runAllPaths() {
        try {
            rewrite(PLAIN, true);
        } catch (Throwable ignored) {
            // Best effort: a class missed here is loaded on first use, as it would be anyway.
        }
    }

    private static void rewrite(String sample, boolean allPaths) throws Exception {
        ClassReader reader = new ClassReader(OwnJar.readClasses(List.of(sample)).get(sample));
        Predicate<String> traced = allPaths ? ANY_NAME : NO_NAME;
        TracingTransformer.namesTracedClass(reader, traced);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new TracingClassVisitor(writer, traced, true, Set.of("close"), allPaths,
                allPaths ? new SiteNumbers() : null), 0);
        writer.toByteArray();
    }

    // Classes, not lambdas: the point of this class is to spend start-up time well (see TypeRules).
    private static final Predicate<String> ANY_NAME = new Predicate<>() {
        @Override
        public boolean test(String binaryName) {
            return true;
        }
    };
    private static final Predicate<String> NO_NAME = new Predicate<>() {
        @Override
        public boolean test(String binaryName) {
            return false;
        }
    };

    /** A constructor, a drop method and a {@code new}; only ever read as bytes, never loaded. */
    static final class Plain implements AutoCloseable {
        private Object made;

        Plain() {
            super();
        }

        @Override
        public void close() {
            made = new StringBuilder();
        }
    }
}
