package dev.leaktrace.bootstrap;

/**
 * Decides, once per runtime class, whether its objects are traced and how. Implemented by the
 * agent (it knows the config); called by the recorder the first time it meets a class.
 */
public interface TypeResolver {
    /** The rule for objects whose runtime class is {@code type}, or {@link TypeInfo#UNTRACED}. */
    TypeInfo resolve(Class<?> type);
}
