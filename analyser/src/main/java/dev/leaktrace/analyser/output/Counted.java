package dev.leaktrace.analyser.output;

/** A count and its noun in the number it needs: "1 object", "2 objects". */
public final class Counted {
    private Counted() {
    }

    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    /** For nouns that take an "s": {@code of(3, "object")} is "3 objects". */
    public static String of(long count, String singular) {
        return of(count, singular, singular + "s");
    }
}
