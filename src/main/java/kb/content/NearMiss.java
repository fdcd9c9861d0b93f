package kb.content;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean" hints for misspelled keys and names, by edit distance. */
public final class NearMiss {
    private NearMiss() {
    }

    /** A hint naming the closest candidate within two edits, or the full list when none is close. */
    public static String hint(String typed, Collection<String> candidates) {
        return candidates.stream()
                .min(Comparator.comparingInt((String c) -> distance(typed.toLowerCase(), c.toLowerCase())).thenComparing(c -> c))
                .filter(best -> distance(typed.toLowerCase(), best.toLowerCase()) <= Math.max(2, typed.length() / 3))
                .map(best -> "did you mean '" + best + "'?")
                .orElse("known: " + String.join(", ", candidates.stream().sorted().toList()));
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
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
