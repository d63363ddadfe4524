package dev.leaktrace.agent.size;

import dev.leaktrace.api.SizeEstimator;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * {@code size: class:com.example.MyEstimator}: a user-written {@link SizeEstimator}, loaded through
 * the traced class's own class loader (so it can see the application's classes), falling back to
 * the thread's context class loader. One instance per traced class.
 */
public record CustomSize(String className) implements SizeRule {
    static final String PREFIX = "class:";

    @Override
    public SizeEstimator bind(Class<?> type, Instrumentation instrumentation) throws SizeRuleException {
        Class<?> estimatorClass = load(type);
        checkImplementsSizeEstimator(estimatorClass);
        Constructor<?> constructor = publicNoArgConstructor(estimatorClass);
        return (SizeEstimator) instantiate(constructor);
    }

    @Override
    public String describe() {
        return PREFIX + className;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomSize c && Objects.equals(className, c.className);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(className);
    }

    @Override
    public String toString() {
        return "CustomSize[className=" + className + "]";
    }

    private Class<?> load(Class<?> tracedType) throws SizeRuleException {
        ClassLoader own = tracedType.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(className, true, own);
        } catch (ClassNotFoundException notVisibleToOwnLoader) {
            if (context != null && context != own) {
                try {
                    return Class.forName(className, true, context);
                } catch (ClassNotFoundException ignored) {
                    // reported below, naming both loaders
                } catch (LinkageError broken) {
                    throw cannotLoad(tracedType, broken);
                }
            }
            throw new SizeRuleException("size estimator class " + className + " of " + tracedType.getName()
                    + " not found by its class loader (" + own + ") nor by the thread context class loader ("
                    + context + ")");
        } catch (LinkageError broken) {
            throw cannotLoad(tracedType, broken);
        }
    }

    private SizeRuleException cannotLoad(Class<?> tracedType, LinkageError error) {
        return new SizeRuleException("size estimator class " + className + " of " + tracedType.getName()
                + " cannot be loaded: " + error, error);
    }

    private void checkImplementsSizeEstimator(Class<?> estimatorClass) throws SizeRuleException {
        if (SizeEstimator.class.isAssignableFrom(estimatorClass)) {
            return;
        }
        String problem = implementsForeignCopy(estimatorClass)
                ? " implements a different copy of " + SizeEstimator.class.getName()
                        + " (loaded by another class loader); compile against leaktrace.jar and do not bundle the API"
                : " does not implement " + SizeEstimator.class.getName();
        throw new SizeRuleException("size estimator class " + className + problem);
    }

    /** The usual cause of a puzzling "does not implement": two copies of the API on different loaders. */
    private static boolean implementsForeignCopy(Class<?> estimatorClass) {
        for (Class<?> c = estimatorClass; c != null; c = c.getSuperclass()) {
            for (Class<?> implemented : c.getInterfaces()) {
                if (implemented.getName().equals(SizeEstimator.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private Constructor<?> publicNoArgConstructor(Class<?> estimatorClass) throws SizeRuleException {
        if (Modifier.isAbstract(estimatorClass.getModifiers())) {
            throw new SizeRuleException("size estimator class " + className + " is abstract; it needs to be concrete");
        }
        try {
            return estimatorClass.getConstructor();
        } catch (NoSuchMethodException missing) {
            throw new SizeRuleException("size estimator class " + className + " needs a public no-argument constructor");
        }
    }

    private Object instantiate(Constructor<?> constructor) throws SizeRuleException {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException thrown) {
            Throwable cause = thrown.getCause();
            throw new SizeRuleException("the constructor of size estimator class " + className + " threw " + cause, cause);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError failed) {
            // e.g. a public constructor in a class that is not public
            throw new SizeRuleException("size estimator class " + className + " cannot be instantiated: " + failed, failed);
        }
    }
}
