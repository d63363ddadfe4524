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
            int d = distance(folded, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    /**
     * Edit distance where swapping two neighbouring letters counts as one edit (optimal string
     * alignment), since "pionts" for "points" is a typical slip.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
