package kb.search;

/** Edit distance for typo matching: insertions, deletions, substitutions and swaps of neighbours. */
final class Typos {
    private Typos() {
    }

    /**
     * Optimal-string-alignment distance between {@code a} and {@code b}, or {@code max + 1} as
     * soon as it must exceed {@code max}. The browser computes the same (kb-search.js).
     */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] last = lastRow(a, b, max);
        return last == null ? max + 1 : Math.min(last[b.length()], max + 1);
    }

    /**
     * How likely it is that {@code typed} was meant as {@code word}, {@code edits} apart: how many
     * pages use the word, times {@link QueryPlan#SLIP} when the one edit is a slip of the fingers
     * (two neighbours swapped, a letter left out or typed twice). The browser computes the same.
     */
    static long likelihood(String typed, String word, int edits, int df) {
        return edits == 1 && isSlip(typed, word) ? (long) df * QueryPlan.SLIP : df;
    }

    /** Whether {@code typed}, one edit from {@code word}, swaps two neighbours, drops or doubles a letter. */
    static boolean isSlip(String typed, String word) {
        int n = typed.length();
        int m = word.length();
        int i = 0;
        while (i < Math.min(n, m) && typed.charAt(i) == word.charAt(i)) {
            i++;
        }
        if (n == m - 1) {
            return true; // a letter left out
        }
        if (n == m + 1) {
            // One letter too many: a slip when it repeats the one before or after it.
            return (i > 0 && typed.charAt(i) == typed.charAt(i - 1)) || (i + 1 < n && typed.charAt(i) == typed.charAt(i + 1));
        }
        return i + 1 < n && typed.charAt(i) == word.charAt(i + 1) && typed.charAt(i + 1) == word.charAt(i);
    }

    /**
     * The distance between {@code a} and the closest start of {@code b} ("linkdi" is one edit from
     * "linkedi", so from "linkedin"), or {@code max + 1}: how a half-typed word with a typo is
     * matched while it is typed. The browser computes the same (kb-search.js).
     */
    static int prefixDistance(String a, String b, int max) {
        String start = b.length() > a.length() + max ? b.substring(0, a.length() + max) : b;
        if (start.length() < a.length() - max) {
            return max + 1;
        }
        int[] last = lastRow(a, start, max);
        if (last == null) {
            return max + 1;
        }
        int best = max + 1;
        for (int v : last) {
            best = Math.min(best, v);
        }
        return best;
    }

    /** The last row of the distance table (a against every start of b), or null past max. */
    private static int[] lastRow(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return null;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev;
    }
}
