package kb.insights;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The NCSA combined log format that nginx and Apache write by default:
 * {@code host ident user [10/Oct/2026:13:55:36 +0000] "GET /path?q HTTP/1.1" 200 512 "referer" "agent"}.
 * Read by hand, left to right, each byte looked at a bounded number of times: no regular
 * expression, so a 20,000-character line costs what its length costs.
 */
final class CombinedFormat {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private CombinedFormat() {
    }

    /** The request on a line (one char per byte), or null when the line is not in this format. */
    static LogLine parse(String line) {
        int open = line.indexOf('[');
        int close = open < 0 ? -1 : line.indexOf(']', open);
        if (close < 0) {
            return null;
        }
        Instant time = time(line, open + 1, close);
        int at = close + 1;
        if (time == null || !line.startsWith(" \"", at)) {
            return null;
        }
        Quoted request = Quoted.read(line, at + 1);
        if (request == null) {
            return null;
        }
        at = request.end();
        if (at >= line.length() || line.charAt(at) != ' ') {
            return null;
        }
        int status = 0;
        int digits = 0;
        for (at++; at < line.length() && Character.isDigit(line.charAt(at)) && digits < 3; at++, digits++) {
            status = status * 10 + line.charAt(at) - '0';
        }
        if (digits != 3 || at < line.length() && line.charAt(at) != ' ') {
            return null;
        }
        String agent = "";
        // Referer and agent are the next two quoted fields, when the format has them.
        Quoted referer = next(line, at);
        Quoted ua = referer == null ? null : next(line, referer.end());
        if (ua != null) {
            agent = ua.text();
        }
        String r = request.text();
        int space = r.indexOf(' ');
        int end = space < 0 ? -1 : r.indexOf(' ', space + 1);
        String target = space < 0 ? "" : end < 0 ? r.substring(space + 1) : r.substring(space + 1, end);
        if (space <= 0 || target.isEmpty()) {
            return null; // "-" or a fragment of binary: not a request
        }
        return LogLine.of(time, r.substring(0, space), target, status, agent);
    }

    private static Quoted next(String line, int from) {
        int quote = line.indexOf('"', from);
        return quote < 0 ? null : Quoted.read(line, quote);
    }

    /** {@code 10/Oct/2026:13:55:36 +0000}, or null. */
    static Instant time(String s, int from, int to) {
        if (to - from != 26 || s.charAt(from + 2) != '/' || s.charAt(from + 6) != '/' || s.charAt(from + 11) != ':'
                || s.charAt(from + 20) != ' ') {
            return null;
        }
        int month = MONTHS.indexOf(s.substring(from + 3, from + 6));
        int day = number(s, from, 2);
        int year = number(s, from + 7, 4);
        int hour = number(s, from + 12, 2);
        int minute = number(s, from + 15, 2);
        int second = number(s, from + 18, 2);
        int zone = number(s, from + 22, 4);
        char sign = s.charAt(from + 21);
        if (month < 0 || month % 3 != 0 || day < 1 || day > 31 || year < 0 || hour > 23 || minute > 59 || second > 60
                || zone < 0 || sign != '+' && sign != '-') {
            return null;
        }
        int offset = (zone / 100 * 3600 + zone % 100 * 60) * (sign == '-' ? -1 : 1);
        try {
            return ZonedDateTime.of(year, month / 3 + 1, day, hour, minute, Math.min(second, 59), 0,
                    ZoneOffset.ofTotalSeconds(offset)).toInstant();
        } catch (java.time.DateTimeException e) {
            return null; // 31/Feb and the like
        }
    }

    private static int number(String s, int from, int length) {
        int n = 0;
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + c - '0';
        }
        return n;
    }

    /**
     * A field in double quotes. nginx writes an inner quote as {@code \x22}, Apache as {@code \"};
     * both write a backslash as {@code \\} and other odd bytes as {@code \xHH}. The text keeps
     * one char per byte, so a {@code \xC3\xA9} becomes the two bytes of "é".
     */
    record Quoted(String text, int end) {
        static Quoted read(String s, int quote) {
            if (quote >= s.length() || s.charAt(quote) != '"') {
                return null;
            }
            StringBuilder out = new StringBuilder();
            for (int i = quote + 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    return new Quoted(out.toString(), i + 1);
                }
                if (c == '\\' && i + 1 < s.length()) {
                    char e = s.charAt(i + 1);
                    int hi;
                    int lo;
                    if (e == 'x' && i + 3 < s.length() && (hi = Character.digit(s.charAt(i + 2), 16)) >= 0
                            && (lo = Character.digit(s.charAt(i + 3), 16)) >= 0) {
                        out.append((char) (hi << 4 | lo));
                        i += 3;
                        continue;
                    }
                    if (e == '"' || e == '\\') {
                        out.append(e);
                        i++;
                        continue;
                    }
                }
                out.append(c);
            }
            return null;
        }
    }
}
