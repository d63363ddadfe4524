package dev.leaktrace.agent.size;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * Opens the package of a class to the agent's module, so that its non-public members can be read
 * (JDK packages are not open by default). Checked with {@link Module#isOpen} first, so each package
 * is redefined at most once; called only at bind time, never per object.
 */
final class ModuleOpener {
    private static final Module AGENT = SizeRule.class.getModule();

    private ModuleOpener() {}

    /** Whether the package of {@code type} is (now) open to the agent. */
    static boolean openToAgent(Class<?> type, Instrumentation instrumentation) {
        Module module = type.getModule();
        String pkg = type.getPackageName();
        if (module.isOpen(pkg, AGENT)) {
            return true;
        }
        if (instrumentation == null || !instrumentation.isModifiableModule(module)) {
            return false;
        }
        instrumentation.redefineModule(
                module, Set.of(), Map.of(), Map.of(pkg, Set.of(AGENT)), Set.of(), Map.of());
        return module.isOpen(pkg, AGENT);
    }
}
