package dev.leaktrace.junit;

import dev.leaktrace.agent.Leaktrace;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * The extension behind {@link LeakCheck}. Before each test (before its {@code @BeforeEach}
 * methods) it makes sure the annotation's types are traced, attaching the agent on first use, and
 * remembers the recorder's last id; after the test (after its {@code @AfterEach} methods), if the
 * test passed, it fails it when objects of those types created since are still alive:
 * <ul>
 *   <li>types that drop on a method (close() by default) count when that method has not returned
 *       by the end of the test;</li>
 *   <li>types that drop on {@code gc} count when they are still reachable after the GC ran (at
 *       most {@link LeakCheck#gcTimeoutMillis()}).</li>
 * </ul>
 * Objects created by any thread during the test count: run leak-checked tests on one thread.
 */
public final class LeakCheckExtension implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LeakCheckExtension.class);
    private static final String SCOPE = "scope";

    /** Settings by annotation (annotations are equal when their values are), so each is parsed once. */
    private static final Map<LeakCheck, CheckSettings> SETTINGS = new ConcurrentHashMap<>();
    /** Annotations whose types the agent traces already (or the reason it cannot), once per JVM. */
    private static final Map<LeakCheck, String> TRACED = new ConcurrentHashMap<>();
    private static final String OK = "";

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<LeakCheck> found = findAnnotation(context);
        if (found.isEmpty()) {
            return;
        }
        LeakCheck check = found.get();
        String notInstalled = AgentStartup.ensurePrepared();
        if (notInstalled != null) {
            throw new ExtensionConfigurationException(notInstalled);
        }
        CheckSettings settings = SETTINGS.computeIfAbsent(check,
                c -> CheckSettings.of(c, context.getRequiredTestClass()));
        String failure = TRACED.computeIfAbsent(check, c -> trace(settings));
        if (!failure.isEmpty()) {
            throw new ExtensionConfigurationException(failure);
        }
        context.getStore(NAMESPACE).put(SCOPE, new Scope(settings, RecorderAccess.lastId()));
    }

    private static String trace(CheckSettings settings) {
        synchronized (LeakCheckExtension.class) {
            try {
                if (Leaktrace.trace(settings.config)) {
                    return OK;
                }
            } catch (RuntimeException | LinkageError e) {
                return "leaktrace: cannot trace " + settings.config.file() + " in this JVM: " + e;
            }
            return "leaktrace: cannot trace the types of " + settings.config.file() + " in this JVM (see the"
                    + " leaktrace lines on stderr). Run the tests with -javaagent:leaktrace.jar=config=... in"
                    + " Surefire's argLine, or allow the self-attach with -Djdk.attach.allowAttachSelf=true.";
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        Scope scope = context.getStore(NAMESPACE).remove(SCOPE, Scope.class);
        if (scope == null || context.getExecutionException().isPresent()) {
            // A test that failed (or was aborted) keeps its own outcome: a leak is likely its consequence.
            return;
        }
        List<TracedObject> leaked = scope.leaked();
        if (!leaked.isEmpty()) {
            throw new AssertionFailedError(LeakReport.format(leaked));
        }
    }

    /** The method's annotation, else the nearest class's: its own (or inherited), then enclosing ones for @Nested. */
    static Optional<LeakCheck> findAnnotation(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Optional<AnnotatedElement> element = c.getElement();
            if (element.isPresent()) {
                Optional<LeakCheck> found = AnnotationSupport.findAnnotation(element.get(), LeakCheck.class);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** One test's tracing: what it checks and the recorder's last id before it started. */
    private static final class Scope {
        private final CheckSettings settings;
        private final long startId;

        Scope(CheckSettings settings, long startId) {
            this.settings = settings;
            this.startId = startId;
        }

        /**
         * The objects created since the start that are leaked. Those of method-dropped types are
         * taken as they are now (still open at the end of the test); those of gc types only if a
         * GC leaves them alive.
         */
        List<TracedObject> leaked() throws InterruptedException {
            List<TracedObject> leaked = new ArrayList<>();
            List<TracedObject> gcTyped = new ArrayList<>();
            for (TracedObject o : RecorderAccess.liveSince(startId)) {
                if (settings.checks(o.type())) {
                    (o.dropOnGc() ? gcTyped : leaked).add(o);
                }
            }
            if (!gcTyped.isEmpty()) {
                RecorderAccess.collectGarbage(settings.gcTimeoutMillis);
                Set<Long> alive = new HashSet<>();
                for (TracedObject o : RecorderAccess.liveSince(startId)) {
                    alive.add(o.id());
                }
                for (TracedObject o : gcTyped) {
                    if (alive.contains(o.id())) {
                        leaked.add(o);
                    }
                }
            }
            return leaked;
        }
    }
}
