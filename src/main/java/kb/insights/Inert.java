package kb.insights;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns text that strangers wrote (queries, paths) into text that is safe to show anywhere: a
 * terminal, JSON, HTML. Invalid UTF-8 becomes U+FFFD, control and bidirectional-override
 * characters become U+FFFD too (a query must not move a terminal's cursor or reverse a report's
 * text), whitespace runs become one space, and the result is cut to a length. Markup needs no
 * step here: every output escapes text as text. One pass, linear in the input.
 */
final class Inert {
    static final char REPLACEMENT = '\uFFFD';

    private Inert() {
    }

    /** Cleaned text of at most {@code max} code points, an ellipsis marking a cut. */
    static String text(String raw, int max) {
        StringBuilder out = new StringBuilder(Math.min(raw.length(), max + 1));
        boolean space = false;
        int kept = 0;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || cp == 0xA0) {
                space = out.length() > 0;
                continue;
            }
            if (kept >= max) {
                out.append('…');
                return out.toString();
            }
            if (space) {
                out.append(' ');
                kept++;
                space = false;
                if (kept >= max) {
                    continue;
                }
            }
            out.appendCodePoint(unsafe(cp) ? REPLACEMENT : cp);
            kept++;
        }
        return out.toString();
    }

    /** {@link #text} in lower case: the form queries are grouped by ("Facebook" and "facebook" are one search). */
    static String key(String raw, int max) {
        return text(raw, max).toLowerCase(Locale.ROOT);
    }

    private static boolean unsafe(int cp) {
        return Character.getType(cp) == Character.CONTROL
                || Character.getType(cp) == Character.SURROGATE
                || Character.getType(cp) == Character.UNASSIGNED && cp > 0xFFFF
                || cp >= 0x200B && cp <= 0x200F // zero-width and direction marks
                || cp >= 0x202A && cp <= 0x202E // embeddings and overrides
                || cp >= 0x2066 && cp <= 0x2069 // isolates
                || cp == 0xFEFF;
    }

    /**
     * Percent-decodes part of a URL written one char per byte, {@code +} as space, then reads the
     * bytes as UTF-8, each invalid sequence becoming U+FFFD. A stray {@code %} stays as it is.
     */
    static String percentDecoded(String latin1) {
        boolean plain = true;
        for (int i = 0; i < latin1.length() && plain; i++) {
            char c = latin1.charAt(i);
            plain = c != '%' && c != '+' && c < 0x80;
        }
        if (plain) {
            return latin1; // most names and values: nothing to decode, nothing to copy
        }
        byte[] bytes = new byte[latin1.length()];
        int n = 0;
        for (int i = 0; i < latin1.length(); i++) {
            char c = latin1.charAt(i);
            int hi;
            int lo;
            if (c == '%' && i + 2 < latin1.length() && (hi = hex(latin1.charAt(i + 1))) >= 0
                    && (lo = hex(latin1.charAt(i + 2))) >= 0) {
                bytes[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else {
                bytes[n++] = (byte) (c == '+' ? ' ' : c);
            }
        }
        // String's constructor replaces every malformed UTF-8 sequence with U+FFFD.
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
