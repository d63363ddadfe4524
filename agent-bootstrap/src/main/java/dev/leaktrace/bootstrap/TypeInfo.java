package dev.leaktrace.bootstrap;

import dev.leaktrace.api.SizeEstimator;

/** How objects of one runtime class are traced: the name printed, their size and their release. */
public final class TypeInfo {
    public static final TypeInfo UNTRACED = new TypeInfo();

    final boolean traced;
    final String name;
    /** The printed type token, already made safe to print (see {@link LineFormat#typeToken}). */
    final byte[] nameBytes;
    final SizeEstimator size;
    final SizeEstimator fallbackSize;
    final String sizeRule;
    /** True when the GC's collection of the object is its drop; false when named methods are. */
    final boolean dropOnGc;
    /** Whether a boolean drop method drops only when it returns true (a release that frees). */
    boolean dropIfTrue;
    /** Frames of allocating stack to record ({@code stacks: N}); 0 for none. */
    final int stackDepth;
    /** The entry's own library patterns (binary names), or null when it has none. */
    final java.util.function.Predicate<String> library;
    /**
     * The entry's {@code any}: every announced site counts as library code while a marked call
     * runs (a walk still looks for application frames by the patterns).
     */
    final boolean libraryAny;
    private volatile boolean sizeFailureReported;
    /** Line prefixes for the size seen last; racy on purpose (each value is immutable). */
    private LinePrefixes prefixes;
    private int prefixChanges;
    /** Past this many sizes, the type's sizes vary: its lines are printed in full. */
    private static final int MAX_PREFIX_CHANGES = 16;

    private TypeInfo() {
        this.traced = false;
        this.name = "";
        this.nameBytes = new byte[0];
        // Never asked: untraced objects get no line.
        this.size = null;
        this.fallbackSize = null;
        this.sizeRule = "";
        this.dropOnGc = false;
        this.stackDepth = 0;
        this.library = null;
        this.libraryAny = false;
    }

    /**
     * @param name         the runtime class's binary name
     * @param size         the configured size rule, bound to this class
     * @param fallbackSize used when {@code size} throws (the shallow size)
     * @param sizeRule     the rule's text, for warnings
     * @param dropOnGc     whether collection by the GC is the object's drop
     * @param stackDepth   frames of allocating stack to record for the first objects of each site
     */
    public TypeInfo(String name, SizeEstimator size, SizeEstimator fallbackSize, String sizeRule, boolean dropOnGc,
                    int stackDepth) {
        this(name, size, fallbackSize, sizeRule, dropOnGc, stackDepth, null, false);
    }

    /**
     * @param library    the entry's own library patterns, tested on binary names; null for none
     * @param libraryAny every class making these objects is library code while a marked call runs
     */
    public TypeInfo(String name, SizeEstimator size, SizeEstimator fallbackSize, String sizeRule, boolean dropOnGc,
                    int stackDepth, java.util.function.Predicate<String> library, boolean libraryAny) {
        this.library = library;
        this.libraryAny = libraryAny;
        this.traced = true;
        this.name = name;
        this.nameBytes = LineFormat.typeToken(name);
        this.size = size;
        this.fallbackSize = fallbackSize;
        this.sizeRule = sizeRule;
        this.dropOnGc = dropOnGc;
        this.stackDepth = stackDepth;
    }

    public String name() {
        return name;
    }

    /** Set once by the resolver, before the type is published to the recorder. */
    public TypeInfo withDropIfTrue(boolean value) {
        dropIfTrue = value;
        return this;
    }

    public boolean dropOnGc() {
        return dropOnGc;
    }

    /** The line prefixes for objects of {@code size}, or null where they are not kept. */
    LinePrefixes prefixesFor(long size) {
        LinePrefixes cached = prefixes;
        if (cached != null && cached.size == size) {
            return cached;
        }
        if (prefixChanges >= MAX_PREFIX_CHANGES) {
            return null;
        }
        prefixChanges++;
        try {
            cached = new LinePrefixes(nameBytes, size);
        } catch (OutOfMemoryError e) {
            return null; // the line is printed in full, into memory that is already there
        }
        prefixes = cached;
        return cached;
    }

    /** The object's size; never throws: a failing rule warns once per type and falls back. */
    long sizeOf(Object object) {
        try {
            return Math.max(0L, size.estimate(object));
        } catch (Throwable failure) {
            if (!sizeFailureReported) {
                sizeFailureReported = true;
                Warnings.warn("size rule '" + sizeRule + "' failed for " + name + " (" + failure
                        + "); reporting the shallow size for this type instead. Fix the rule in the config.");
            }
            try {
                return Math.max(0L, fallbackSize.estimate(object));
            } catch (Throwable alsoFailed) {
                return 0L;
            }
        }
    }
}
