package dev.leaktrace.agent.config;

import java.util.List;

/**
 * The keys of a type entry for pooled and refcounted objects: where a recycled object's new life
 * starts, which release really frees it, and which matched classes (wrappers, singletons) are not
 * objects of their own.
 */
public final class RefcountKeys {
    public static final RefcountKeys NONE = new RefcountKeys(List.of(), false, List.of());

    final List<String> renews;
    final boolean dropIfTrue;
    final List<ClassPattern> excludes;

    public RefcountKeys(List<String> renews, boolean dropIfTrue, List<ClassPattern> excludes) {
        this.renews = List.copyOf(renews);
        this.dropIfTrue = dropIfTrue;
        this.excludes = List.copyOf(excludes);
    }
}
