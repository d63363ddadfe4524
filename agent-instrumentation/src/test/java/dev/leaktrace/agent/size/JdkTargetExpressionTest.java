package dev.leaktrace.agent.size;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.api.SizeEstimator;
import java.io.ByteArrayOutputStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** Non-public members of java.base classes, reachable only after their package was opened to the agent. */
class JdkTargetExpressionTest {
    private final Instrumentation instrumentation = TestInstrumentation.get();

    private SizeEstimator bind(String text, Class<?> type) throws SizeRuleException {
        return SizeRule.parse(text).bind(type, instrumentation);
    }

    @Test
    void readsProtectedFieldsOfByteArrayOutputStream() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(new byte[10], 0, 10);
        assertThat(bind("count", ByteArrayOutputStream.class).estimate(out)).isEqualTo(10);
        assertThat(bind("buf.length + 16", ByteArrayOutputStream.class).estimate(out)).isEqualTo(80);
        assertThat(ByteArrayOutputStream.class.getModule().isOpen("java.io", SizeRule.class.getModule())).isTrue();
    }

    @Test
    void readsPrivateFieldsAndCallsPublicMethodsOfCollections() throws Exception {
        ArrayList<String> list = new ArrayList<>(100);
        list.add("x");
        assertThat(bind("elementData.length * 4 + size()", ArrayList.class).estimate(list)).isEqualTo(401);
        HashMap<String, String> map = new HashMap<>();
        map.put("k", "v");
        assertThat(bind("table.length", HashMap.class).estimate(map)).isEqualTo(16);
    }
}
