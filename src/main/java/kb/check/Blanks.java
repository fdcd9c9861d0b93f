package kb.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds what {@link Sentences} blanks out of a line before reading it as prose, in one pass each.
 * These were regular expressions, and a writer's line broke them: {@code (\s{0,3}>)+} recursed
 * once per {@code >} (20,000 of them overflowed the stack), and each unclosed {@code ](},
 * {@code <scheme:}, {@code {#} or backtick run scanned to the end of the line again, quadratic
 * in its length. Each scan below moves forward only.
 */
final class Blanks {
    private Blanks() {
    }

    /** The length of the block quote markers opening {@code line} ({@code > > }, up to 3 spaces before each). */
    static int quoteMarkers(String line) {
        int end = 0;
        int i = 0;
        while (true) {
            int spaces = 0;
            while (i + spaces < line.length() && spaces < 3 && isSpace(line.charAt(i + spaces))) {
                spaces++;
            }
            if (i + spaces >= line.length() || line.charAt(i + spaces) != '>') {
                break;
            }
            i += spaces + 1;
            end = i;
        }
        if (end > 0 && end < line.length() && isSpace(line.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * Inline code: a run of backticks, then at least one other character, up to the next run of
     * the same length; a run that never closes is blanked by itself. Each run learns where the
     * next run of its length is from a pass right to left, so no run scans ahead.
     */
    static void codeSpans(char[] chars) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '`') {
                int start = i;
                while (i + 1 < chars.length && chars[i + 1] == '`') {
                    i++;
                }
                runs.add(new int[] {start, i + 1});
            }
        }
        int[] next = new int[runs.size()];
        Map<Integer, Integer> nextOfLength = new HashMap<>();
        for (int r = runs.size() - 1; r >= 0; r--) {
            int length = runs.get(r)[1] - runs.get(r)[0];
            next[r] = nextOfLength.getOrDefault(length, -1);
            nextOfLength.put(length, r);
        }
        int r = 0;
        while (r < runs.size()) {
            int close = next[r];
            fill(chars, runs.get(r)[0], runs.get(close < 0 ? r : close)[1]);
            r = close < 0 ? r + 1 : close + 1;
        }
    }

    /** Link destinations {@code ](...)}, autolinks {@code <scheme:...>} and bare http, https, mailto and ftp URLs. */
    static void linkTargets(char[] chars) {
        boolean closes = true; // false once no ')' is left: no later "](" can close either
        int noAutolinkBefore = 0;
        int i = 0;
        while (i < chars.length) {
            int end = -1;
            char c = chars[i];
            if (c == ']' && closes && i + 1 < chars.length && chars[i + 1] == '(') {
                int close = indexOf(chars, ')', i + 2);
                closes = close >= 0;
                end = close + 1;
            } else if (c == '<' && i >= noAutolinkBefore) {
                int stop = autolinkBody(chars, i);
                if (stop < chars.length && stop > i && chars[stop] == '>') {
                    end = stop + 1;
                } else {
                    noAutolinkBefore = Math.max(noAutolinkBefore, stop); // any '<' before there stops there too
                }
            } else if ((c == 'h' || c == 'H' || c == 'm' || c == 'M' || c == 'f' || c == 'F')
                    && (i == 0 || !isWordChar(chars[i - 1]))) {
                end = bareUrlEnd(chars, i);
            }
            if (end > i) {
                fill(chars, i, end);
                i = end;
            } else {
                i++;
            }
        }
    }

    /**
     * Where the text of {@code <scheme:text>} at {@code i} stops (at its {@code >} when it is one),
     * or -1 when no scheme follows the {@code <}.
     */
    private static int autolinkBody(char[] chars, int i) {
        int j = i + 1;
        if (j >= chars.length || !isAsciiLetter(chars[j])) {
            return -1;
        }
        while (j < chars.length && (isAsciiLetter(chars[j]) || (chars[j] >= '0' && chars[j] <= '9')
                || chars[j] == '+' || chars[j] == '.' || chars[j] == '-')) {
            j++;
        }
        if (j >= chars.length || chars[j] != ':') {
            return -1;
        }
        j++;
        while (j < chars.length && chars[j] != '>' && !isSpace(chars[j])) {
            j++;
        }
        return j;
    }

    private static final String[] SCHEMES = {"https:", "http:", "mailto:", "ftp:"};

    private static int bareUrlEnd(char[] chars, int i) {
        for (String scheme : SCHEMES) {
            if (startsWithIgnoreCase(chars, i, scheme)) {
                int j = i + scheme.length();
                int start = j;
                while (j < chars.length && !isSpace(chars[j]) && chars[j] != ')' && chars[j] != '>'
                        && chars[j] != ']') {
                    j++;
                }
                return j > start ? j : -1;
            }
        }
        return -1;
    }

    /** A heading's pinned ids, {@code {#id #alias}} at the end of the line. */
    static void headingIds(char[] chars) {
        int end = chars.length;
        while (end > 0 && isSpace(chars[end - 1])) {
            end--;
        }
        if (end == 0 || chars[end - 1] != '}') {
            return;
        }
        int previousBrace = end - 2;
        while (previousBrace >= 0 && chars[previousBrace] != '}') {
            previousBrace--;
        }
        for (int i = previousBrace + 1; i + 1 < end; i++) {
            if (chars[i] == '{' && chars[i + 1] == '#') {
                fill(chars, i, chars.length);
                return;
            }
        }
    }

    private static int indexOf(char[] chars, char c, int from) {
        for (int i = from; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWithIgnoreCase(char[] chars, int at, String prefix) {
        if (at + prefix.length() > chars.length) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (Character.toLowerCase(chars[at + k]) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** What {@code \s} matches: ASCII whitespace only. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** What {@code \b} treats as part of a word. */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static void fill(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            chars[i] = ' ';
        }
    }
}
