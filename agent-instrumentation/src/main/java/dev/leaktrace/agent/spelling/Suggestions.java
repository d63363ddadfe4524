package dev.leaktrace.agent.spelling;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for misspelt config keys, recipe names and the members a size rule names. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate nearest to {@code word}, or null when none is within {@code max(2, length / 3)}
     * edits; letter case is ignored, and the first of equally near candidates wins.
     */
    public static String nearest(String word, Collection<String> candidates) {
        String folded = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Math.max(2, word.length() / 3) + 1;
        for (String candidate : candidates) {
            // At exit this runs over every loaded class name, mostly in the interpreter: the length
            // difference alone is that many edits, so most names are ruled out before any table.
            if (Math.abs(candidate.length() - folded.length()) >= bestDistance) {
                continue;
            }
            String other = candidate.toLowerCase(Locale.ROOT);
            if (letterCountDifference(folded, other) >= bestDistance) {
                continue;
            }
            int d = distanceBelow(folded, other, bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    /**
     * A lower bound of {@link #distance}, in one pass: an edit changes the letter counts of the
     * longer word's excess by at most one, a swap not at all. Letters past ASCII share a count,
     * which only lowers the bound.
     */
    static int letterCountDifference(String a, String b) {
        int[] counts = new int[128];
        for (int i = 0; i < a.length(); i++) {
            counts[Math.min(a.charAt(i), 127)]++;
        }
        for (int i = 0; i < b.length(); i++) {
            counts[Math.min(b.charAt(i), 127)]--;
        }
        int more = 0;
        int fewer = 0;
        for (int c : counts) {
            if (c > 0) {
                more += c;
            } else {
                fewer -= c;
            }
        }
        return Math.max(more, fewer);
    }

    /**
     * Edit distance where swapping two neighbouring letters counts as one edit (optimal string
     * alignment), since "pionts" for "points" is a typical slip.
     */
    static int distance(String a, String b) {
        return distanceBelow(a, b, Integer.MAX_VALUE);
    }

    /**
     * {@link #distance} when it is below {@code limit}, else some number not below it: the rows
     * stop once no cell of the last two can lead under the limit.
     */
    static int distanceBelow(String a, String b, int limit) {
        int[] older = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        int previousMin = 0;
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, row[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, older[j - 2] + 1);
                }
                row[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            // A cell takes from its own row, the row above, or (a swap) two rows above plus one.
            if (rowMin >= limit && previousMin + 1 >= limit) {
                return limit;
            }
            previousMin = rowMin;
            int[] spare = older;
            older = previous;
            previous = row;
            row = spare;
        }
        return previous[b.length()];
    }
}
