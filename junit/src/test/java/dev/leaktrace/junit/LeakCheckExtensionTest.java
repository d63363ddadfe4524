package dev.leaktrace.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import leakfixtures.Buffer;
import leakfixtures.Connection;
import leakfixtures.Handle;
import leakfixtures.PooledConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs small test classes (tagged testkit, so Surefire does not run them on their own) through
 * the JUnit Platform test kit, in this JVM, with the agent attached by the extension.
 */
class LeakCheckExtensionTest {
    /** Keeps leaked objects reachable, as a cache or a forgotten field would. */
    static final List<Object> KEPT = new ArrayList<>();
    /** The line of the {@code new} in each test-kit test that called {@link #mark()}, by method name. */
    static final Map<String, Integer> SITES = new ConcurrentHashMap<>();

    /** Remembers the caller's line: write it on the line of the {@code new} it stands for. */
    static void mark() {
        StackWalker.StackFrame caller = StackWalker.getInstance().walk(s -> s.skip(1).findFirst().orElseThrow());
        SITES.put(caller.getMethodName(), caller.getLineNumber());
    }

    static String site(String method) {
        return "at dev/leaktrace/junit/LeakCheckExtensionTest.java:" + SITES.get(method) + " ";
    }

    @AfterEach
    void forget() {
        KEPT.clear();
    }

    /** Runs a class; the outcome of each test by its display name: null when it passed, else its throwable. */
    private static Map<String, Throwable> run(Class<?> testClass) {
        Map<String, Throwable> outcomes = new LinkedHashMap<>();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute()
                .testEvents().finished().stream().forEach(e -> outcomes.put(name(e), failure(e)));
        return outcomes;
    }

    private static String name(Event e) {
        return e.getTestDescriptor().getDisplayName().replace("()", "");
    }

    private static Throwable failure(Event e) {
        TestExecutionResult result = e.getRequiredPayload(TestExecutionResult.class);
        return result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                ? null : result.getThrowable().orElseThrow();
    }

    // ---------------------------------------------------------------- closeable types

    @Tag("testkit")
    @LeakCheck(types = "leakfixtures.Connection")
    static class Closeables {
        @Test
        void leaksTwoKept() {
            for (int i = 0; i < 2; i++) {
                KEPT.add(new Connection()); mark();
            }
        }

        @Test
        void leaksAnUnreachableOne() {
            new Connection().isOpen(); mark();
        }

        @Test
        void closesWhatItOpens() {
            try (Connection c = new Connection()) {
                KEPT.add(c);
            }
        }

        @Test
        void failsOnItsOwn() {
            KEPT.add(new Connection());
            fail("the test's own failure");
        }
    }

    @Test
    void aLeakingTestFailsWithTypeSiteCountAndBytes() {
        Throwable failure = run(Closeables.class).get("leaksTwoKept");

        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage())
                .startsWith("leaktrace: 2 objects (")
                .contains("leaked by this test (neither dropped nor collected):\n  leakfixtures.Connection  2 objects, ")
                .contains(site("leaksTwoKept") + "(ids ")
                .matches("(?s).*leakfixtures\\.Connection  2 objects, [1-9][0-9]* bytes  at .*");
    }

    @Test
    void anUnclosedObjectFailsEvenWhenUnreachable() {
        Throwable failure = run(Closeables.class).get("leaksAnUnreachableOne");

        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).contains("leakfixtures.Connection  1 object, ")
                .contains(site("leaksAnUnreachableOne") + "(id ");
    }

    @Test
    void aCleanTestPasses() {
        Map<String, Throwable> outcomes = run(Closeables.class);

        assertThat(outcomes).containsKey("closesWhatItOpens");
        assertThat(outcomes.get("closesWhatItOpens")).isNull();
    }

    @Test
    void aTestThatFailsOnItsOwnKeepsItsFailure() {
        Throwable failure = run(Closeables.class).get("failsOnItsOwn");

        assertThat(failure).hasMessage("the test's own failure").hasNoSuppressedExceptions();
    }

    // ---------------------------------------------------------------- gc types

    @Tag("testkit")
    @LeakCheck(types = "leakfixtures.Buffer", gcTimeoutMillis = 5000)
    static class GcTypes {
        @Test
        void dropsItsBuffers() {
            for (int i = 0; i < 3; i++) {
                assertThat(new Buffer(1024).size()).isEqualTo(1024);
            }
        }

        @Test
        void keepsABuffer() {
            KEPT.add(new Buffer(1024)); mark();
        }
    }

    @Test
    void aGcTypeThatBecomesUnreachablePasses() {
        Map<String, Throwable> outcomes = run(GcTypes.class);

        assertThat(outcomes).containsKey("dropsItsBuffers");
        assertThat(outcomes.get("dropsItsBuffers")).isNull();
    }

    @Test
    void aGcTypeStillReachableAfterTheGcFails() {
        Throwable failure = run(GcTypes.class).get("keepsABuffer");

        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).contains("leakfixtures.Buffer  1 object, ")
                .contains(site("keepsABuffer") + "(id ").endsWith("still reachable after a GC");
    }

    // ---------------------------------------------------------------- where the annotation stands

    @Tag("testkit")
    @LeakCheck(types = "leakfixtures.Connection")
    static class ClassLevel {
        @Test
        void first() {
            KEPT.add(new Connection());
        }

        @Test
        void second() {
            KEPT.add(new Connection());
        }

        @Test
        @LeakCheck(types = "leakfixtures.Handle")
        void overridden() {
            KEPT.add(new Connection());
        }

        @Test
        @LeakCheck(types = "leakfixtures.Handle")
        void overriddenAndLeaking() {
            KEPT.add(new Handle());
        }

        @Nested
        class Inner {
            @Test
            void nested() {
                KEPT.add(new Connection());
            }
        }
    }

    @Test
    void aClassAnnotationAppliesToEveryMethodAndNestedClass() {
        Map<String, Throwable> outcomes = run(ClassLevel.class);

        assertThat(outcomes.get("first")).hasMessageContaining("leakfixtures.Connection  1 object");
        assertThat(outcomes.get("second")).hasMessageContaining("leakfixtures.Connection  1 object");
        assertThat(outcomes.get("nested")).hasMessageContaining("leakfixtures.Connection  1 object");
    }

    @Test
    void aMethodAnnotationReplacesTheClassOne() {
        Map<String, Throwable> outcomes = run(ClassLevel.class);

        assertThat(outcomes).containsKey("overridden");
        assertThat(outcomes.get("overridden")).isNull();
        assertThat(outcomes.get("overriddenAndLeaking")).hasMessageContaining("leakfixtures.Handle  1 object")
                .hasMessageNotContaining("Connection");
    }

    // ---------------------------------------------------------------- scope of a test

    @Tag("testkit")
    @LeakCheck(types = "leakfixtures.Connection")
    static class Scope {
        static Connection shared;
        Connection perTest;

        @BeforeAll
        static void openShared() {
            shared = new Connection();
        }

        @AfterEach
        void closePerTest() {
            if (perTest != null) {
                perTest.close();
            }
        }

        @Test
        void closedInAfterEach() {
            perTest = new Connection();
        }

        @Test
        void usesTheSharedOne() {
            assertThat(shared.isOpen()).isTrue();
        }

        @Test
        void leaksFromAnotherThread() throws InterruptedException {
            Thread t = new Thread(() -> KEPT.add(new Connection()));
            t.start();
            t.join();
        }
    }

    @Test
    void aTestCoversItsSetUpAndTearDownAndOtherThreadsButNotTheClassSetUp() {
        Map<String, Throwable> outcomes = run(Scope.class);

        assertThat(outcomes).containsKeys("closedInAfterEach", "usesTheSharedOne");
        assertThat(outcomes.get("closedInAfterEach")).isNull();
        assertThat(outcomes.get("usesTheSharedOne")).isNull();
        assertThat(outcomes.get("leaksFromAnotherThread")).hasMessageContaining("leakfixtures.Connection  1 object");
    }

    // ---------------------------------------------------------------- config files

    @Tag("testkit")
    static class Configs {
        @Test
        @LeakCheck(config = "fixtures-leaktrace.yaml")
        void fromAResource() {
            KEPT.add(new Connection());
        }

        @Test
        @LeakCheck(config = "src/test/resources/fixtures-leaktrace.yaml")
        void fromAPath() {
            KEPT.add(new Connection());
        }

        @Test
        @LeakCheck(config = "src/test/resources/fixtures-leaktrace.yaml")
        void closesIt() {
            new Connection().close();
        }

        @Test
        @LeakCheck(config = "subtypes-leaktrace.yaml")
        void leaksASubtype() {
            KEPT.add(new PooledConnection());
        }

        @Test
        @LeakCheck(config = "no-such-leaktrace.yaml")
        void missingConfig() {
        }

        @Test
        @LeakCheck(types = "leakfixtures..Connection")
        void badType() {
        }

        @Test
        @LeakCheck
        void noType() {
        }

        /** A misspelt class would check nothing, and a leaking test would pass green. */
        @Test
        @LeakCheck(types = "leakfixtures.PooledConection")
        void typeNotOnTheClassPath() {
            KEPT.add(new PooledConnection());
        }
    }

    @Test
    void aConfigIsReadFromAPathOrTheClassPath() {
        Map<String, Throwable> outcomes = run(Configs.class);

        assertThat(outcomes.get("fromAResource")).hasMessageContaining("leakfixtures.Connection  1 object");
        assertThat(outcomes.get("fromAPath")).hasMessageContaining("leakfixtures.Connection  1 object");
        assertThat(outcomes).containsKey("closesIt");
        assertThat(outcomes.get("closesIt")).isNull();
    }

    @Test
    void aSubtypesEntryChecksTheSubclasses() {
        Map<String, Throwable> outcomes = run(Configs.class);

        assertThat(outcomes.get("leaksASubtype")).hasMessageContaining("leakfixtures.PooledConnection  1 object");
    }

    @Test
    void aBadAnnotationFailsTheTestWithWhatIsWrong() {
        Map<String, Throwable> outcomes = run(Configs.class);

        assertThat(outcomes.get("missingConfig")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("no-such-leaktrace.yaml").hasMessageContaining("class-path resource");
        assertThat(outcomes.get("badType")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("leakfixtures..Connection");
        assertThat(outcomes.get("noType")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("names no type");
        assertThat(outcomes.get("typeNotOnTheClassPath")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("leakfixtures.PooledConection").hasMessageContaining("not on the class path");
    }
}
