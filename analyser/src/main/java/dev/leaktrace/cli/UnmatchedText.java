package dev.leaktrace.cli;

/** A trailer's {@code entry=FILE:LINE class=PATTERN[ suggestion=NAME]} as a sentence for the user. */
final class UnmatchedText {
    private UnmatchedText() {
    }

    static String of(String fields) {
        String entry = field(fields, "entry");
        String pattern = field(fields, "class");
        String suggestion = field(fields, "suggestion");
        return "the config entry '" + (pattern == null ? "?" : pattern) + "'" + (entry == null ? "" : " (" + entry + ")")
                + " matched no class the JVM loaded, so it traced nothing"
                + (suggestion == null ? "." : "; did you mean " + suggestion + "?");
    }

    private static String field(String fields, String name) {
        for (String f : fields.split(" ")) {
            if (f.startsWith(name + "=")) {
                return f.substring(name.length() + 1);
            }
        }
        return null;
    }
}
