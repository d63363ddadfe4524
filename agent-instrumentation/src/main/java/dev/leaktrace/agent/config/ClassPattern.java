package dev.leaktrace.agent.config;

/**
 * The {@code class:} of a type entry: a binary name ({@code com.example.Outer$Inner}), every class
 * directly in a package ({@code com.example.*}) or a package and its subpackages
 * ({@code com.example.**}).
 */
public final class ClassPattern {
    enum Kind { EXACT, PACKAGE, PACKAGE_TREE }

    private final String text;
    private final Kind kind;
    /** The class name, or the package with a trailing dot. */
    private final String stem;

    private ClassPattern(String text, Kind kind, String stem) {
        this.text = text;
        this.kind = kind;
        this.stem = stem;
    }

    /** @throws IllegalArgumentException saying what is wrong and what is accepted */
    public static ClassPattern parse(String text) {
        String t = text.trim();
        Kind kind = Kind.EXACT;
        String name = t;
        if (t.endsWith(".**")) {
            kind = Kind.PACKAGE_TREE;
            name = t.substring(0, t.length() - 3);
        } else if (t.endsWith(".*")) {
            kind = Kind.PACKAGE;
            name = t.substring(0, t.length() - 2);
        }
        if (name.isEmpty() || name.indexOf('*') >= 0) {
            throw new IllegalArgumentException("'" + t + "' is not a class pattern: a wildcard may only end a package,"
                    + " as in com.example.* (classes in that package) or com.example.** (and its subpackages)");
        }
        if (name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("'" + t + "' uses '/': write the binary name with dots, e.g. "
                    + name.replace('/', '.'));
        }
        for (String part : name.split("\\.", -1)) {
            if (!isIdentifier(part)) {
                throw new IllegalArgumentException("'" + t + "' is not a class name: '" + part
                        + "' is not a Java identifier (use a binary name such as com.example.Outer$Inner)");
            }
        }
        return new ClassPattern(t, kind, kind == Kind.EXACT ? name : name + ".");
    }

    /** A Java identifier (a class name's part, a method name); a loop, as config loading is start-up time. */
    static boolean isIdentifier(String part) {
        if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
            return false;
        }
        for (int i = 1; i < part.length(); i++) {
            if (!Character.isJavaIdentifierPart(part.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public boolean matches(String binaryName) {
        switch (kind) {
            case EXACT:
                return binaryName.equals(stem);
            case PACKAGE:
                return binaryName.startsWith(stem) && binaryName.indexOf('.', stem.length()) < 0;
            default:
                return binaryName.startsWith(stem);
        }
    }

    /** Higher is more specific: an exact name beats a package, a package beats a package tree. */
    public int specificity() {
        switch (kind) {
            case EXACT:
                return 3_000_000;
            case PACKAGE:
                return 2_000_000 + stem.length();
            default:
                return 1_000_000 + stem.length();
        }
    }

    /** The class name of an exact pattern; null for a package pattern. */
    public String exactName() {
        return kind == Kind.EXACT ? stem : null;
    }

    @Override
    public String toString() {
        return text;
    }
}
