package kb.content;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean" hints for misspelled keys and names, by edit distance. */
public final class NearMiss {
    private NearMiss() {
    }

    /**
     * A hint naming the closest candidate within two edits (or a third of the word), else one the
     * typed word begins or ends ({@code lifespan} for {@code lifespan_days}) if only one does, else the full list.
     */
    public static String hint(String typed, Collection<String> candidates) {
        String word = typed.toLowerCase();
        return candidates.stream()
                .min(Comparator.comparingInt((String c) -> distance(word, c.toLowerCase())).thenComparing(c -> c))
                .filter(best -> distance(word, best.toLowerCase()) <= Math.max(2, typed.length() / 3))
                .or(() -> only(candidates.stream()
                        .filter(c -> word.length() >= 4 && (c.toLowerCase().startsWith(word) || c.toLowerCase().endsWith(word)))
                        .toList()))
                .map(best -> "did you mean '" + best + "'?")
                .orElse("known: " + String.join(", ", candidates.stream().sorted().toList()));
    }

    private static java.util.Optional<String> only(java.util.List<String> matches) {
        return matches.size() == 1 ? java.util.Optional.of(matches.get(0)) : java.util.Optional.empty();
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
