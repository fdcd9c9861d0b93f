package kb.search;

/**
 * The browser's posting encoding: per posting the doc-id gap, then the norm and (when not 1) the
 * term frequency, each number as base-32 digits where the last digit comes from a second
 * alphabet. About 3.5 characters a posting instead of 8 for comma-separated decimals; the
 * client decodes it in one pass (kb-search.js, {@code postings}).
 */
final class PostingCodec {
    /** Last digit of a number. */
    static final String LAST = "0123456789abcdefghijklmnopqrstuv";
    /** Any earlier digit. Safe inside JSON and JavaScript strings. */
    static final String MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*";

    private PostingCodec() {
    }

    /** Appends one posting: a frequency of 1 (the common case) costs nothing extra. */
    static void append(StringBuilder out, int gap, int freq, int norm) {
        number(out, gap);
        if (freq == 1) {
            number(out, norm * 2);
        } else {
            number(out, norm * 2 + 1);
            number(out, freq);
        }
    }

    static void number(StringBuilder out, int n) {
        int start = out.length();
        out.append(LAST.charAt(n & 31));
        for (n >>>= 5; n > 0; n >>>= 5) {
            out.insert(start, MORE.charAt(n & 31));
        }
    }
}
