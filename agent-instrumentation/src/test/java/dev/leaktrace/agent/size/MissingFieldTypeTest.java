package dev.leaktrace.agent.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import org.junit.jupiter.api.Test;

/** A traced class whose field type is missing from the classpath, as with an absent optional dependency. */
class MissingFieldTypeTest {
    private final Instrumentation instrumentation = TestInstrumentation.get();

    public static class Absent {}

    public static class WithAbsentField {
        public int count = 3;
        public Absent absent;
    }

    /** Defines WithAbsentField itself and pretends Absent does not exist. */
    private static final class HidingLoader extends ClassLoader {
        HidingLoader() {
            super(MissingFieldTypeTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(Absent.class.getName())) {
                throw new ClassNotFoundException(name);
            }
            if (!name.equals(WithAbsentField.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }

    @Test
    void deepSkipsTheFieldsItCannotInspect() throws Exception {
        Class<?> type = new HidingLoader().loadClass(WithAbsentField.class.getName());
        Object instance = type.getConstructor().newInstance();
        assertThat(SizeRule.parse("deep").bind(type, instrumentation).estimate(instance))
                .isEqualTo(instrumentation.getObjectSize(instance));
    }

    @Test
    void anExpressionReportsTheMissingTypeWhenBound() throws Exception {
        Class<?> type = new HidingLoader().loadClass(WithAbsentField.class.getName());
        assertThatThrownBy(() -> SizeRule.parse("count").bind(type, instrumentation))
                .isInstanceOf(SizeRuleException.class)
                .hasMessageContaining("cannot inspect the members of " + WithAbsentField.class.getName())
                .hasMessageContaining("NoClassDefFoundError");
    }
}
