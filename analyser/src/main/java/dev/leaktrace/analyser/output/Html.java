package dev.leaktrace.analyser.output;

/** Escaping for text placed in HTML and SVG; type names like {@code List<T>} must not become markup. */
final class Html {
    private Html() {
    }

    /**
     * {@link #escape} with a line-break opportunity after each {@code .} and {@code $} of a type
     * name, so a long name wraps between its parts, never inside a word.
     */
    static String name(String type) {
        return breakable(type, "(?<=[.$])");
    }

    /** {@link #name} for a site ({@code com/example/Main.java:42}): it wraps after a {@code /} only. */
    static String site(String site) {
        return breakable(site, "(?<=/)");
    }

    private static String breakable(String text, String after) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (String part : text.split(after)) {
            out.append(escape(part)).append("<wbr>");
        }
        out.setLength(out.length() - "<wbr>".length());
        return "<span class=\"name\">" + out + "</span>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
