package dev.leaktrace.agent.size;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Turns a field or method into a {@link MethodHandle}, whatever its visibility. Public members of
 * exported packages need nothing special; others get a private lookup in their declaring class
 * after its package was opened to the agent. The handle, once made, carries its access rights, so
 * invoking it later costs no access check.
 */
final class MemberHandles {
    private MemberHandles() {}

    static MethodHandle getter(Field field, Instrumentation instrumentation) throws IllegalAccessException {
        try {
            return MethodHandles.lookup().unreflectGetter(field);
        } catch (IllegalAccessException notPublic) {
            return privateLookup(field.getDeclaringClass(), instrumentation).unreflectGetter(field);
        }
    }

    static MethodHandle method(Method method, Instrumentation instrumentation) throws IllegalAccessException {
        try {
            return MethodHandles.lookup().unreflect(method);
        } catch (IllegalAccessException notPublic) {
            return privateLookup(method.getDeclaringClass(), instrumentation).unreflect(method);
        }
    }

    private static MethodHandles.Lookup privateLookup(Class<?> declaring, Instrumentation instrumentation)
            throws IllegalAccessException {
        if (!ModuleOpener.openToAgent(declaring, instrumentation)) {
            throw new IllegalAccessException("package " + declaring.getPackageName() + " of module "
                    + declaring.getModule() + " is not open to leaktrace and cannot be opened");
        }
        return MethodHandles.privateLookupIn(declaring, MethodHandles.lookup());
    }
}
