package dev.leaktrace.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails a test that leaks: objects of the traced types created during the test (its
 * {@code @BeforeEach} and {@code @AfterEach} methods included) that are neither dropped (closed)
 * nor collected when it ends. On a class it applies to every test method, of nested classes too;
 * on a method it replaces the class's annotation.
 *
 * <pre>
 * &#64;LeakCheck(types = "com.example.Connection")
 * class RepositoryTest { ... }
 *
 * &#64;LeakCheck(config = "leaktrace.yaml")
 * class ServiceTest { ... }
 * </pre>
 *
 * The agent is attached to the test JVM on first use unless it runs already (-javaagent); see
 * docs/junit.md.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LeakCheckExtension.class)
public @interface LeakCheck {
    /**
     * Classes to trace, as in a config's {@code class:}: binary names ({@code com.example.Outer$Inner}),
     * {@code com.example.*} (the classes of a package) or {@code com.example.**} (and its subpackages).
     * Each drops on {@code close()} when it has one, else when the GC collects it.
     */
    String[] types() default {};

    /**
     * A leaktrace config: a file path (relative to the working directory), a class-path resource,
     * or {@code recipe:NAME} for a recipe bundled with the agent. Its types are traced and checked,
     * together with {@link #types()}.
     */
    String config() default "";

    /**
     * Where the agent writes its log when this annotation installs it: {@code none} (nothing),
     * {@code stderr}, {@code stdout} or a file path. Empty means the config's {@code output}, or
     * {@code none} for inline types. Has no effect when the agent already runs (by -javaagent or
     * an earlier test): the output is chosen once per JVM.
     */
    String output() default "";

    /**
     * How long, at most, to run the garbage collector after the test when objects of types that
     * drop on {@code gc} are still alive.
     */
    long gcTimeoutMillis() default 2000;
}
