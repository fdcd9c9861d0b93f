package kb.content;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one slugger of kb: heading ids, FAQ anchors and suggested file names all come from here,
 * so a link checked at build time is the link the page really has.
 */
public final class Anchors {
    /** An id or alias inside {@code {#...}}, after its {@code #}: {@code [A-Za-z0-9][\w-]*}. */
    private static final Pattern PINNED_ID = Pattern.compile("[A-Za-z0-9][\\w-]*+");
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private Anchors() {
    }

    /** Heading text split from its pinned ids. */
    public record HeadingText(String text, String pinnedId, List<String> aliases) {
        public HeadingText {
            aliases = List.copyOf(aliases);
        }
    }

    /**
     * Splits {@code Reconnect {#step-1 #old}} into its text, its pinned id and its aliases: the
     * ids are in the last {@code {...}}, which ends the heading. Read by hand, not with a regular
     * expression: a repeated group recursed once per alias (20,000 of them overflowed the stack)
     * and a search from each space of a long heading made it quadratic.
     */
    public static HeadingText parse(String heading) {
        int end = heading.length();
        while (end > 0 && isSpace(heading.charAt(end - 1))) {
            end--;
        }
        int open = end >= 2 && heading.charAt(end - 1) == '}' ? heading.lastIndexOf('{', end - 2) : -1;
        List<String> ids = open < 0 ? null : pinnedIds(heading.substring(open + 1, end - 1));
        if (ids == null) {
            return new HeadingText(heading.strip(), null, List.of());
        }
        return new HeadingText(heading.substring(0, open).strip(), ids.get(0), ids.subList(1, ids.size()));
    }

    /** The ids of {@code #id #alias ...} (spaces allowed after, not before), or null if it is not that. */
    private static List<String> pinnedIds(String inside) {
        if (inside.isEmpty() || inside.charAt(0) != '#') {
            return null;
        }
        List<String> ids = new ArrayList<>();
        int i = 0;
        while (i < inside.length()) {
            if (inside.charAt(i) != '#') {
                return null;
            }
            int start = ++i;
            while (i < inside.length() && !isSpace(inside.charAt(i))) {
                i++;
            }
            String id = inside.substring(start, i);
            if (!PINNED_ID.matcher(id).matches()) {
                return null;
            }
            ids.add(id);
            while (i < inside.length() && isSpace(inside.charAt(i))) {
                i++;
            }
        }
        return ids;
    }

    /** What {@code \s} matches: ASCII whitespace. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * Lower-case ASCII words joined by hyphens: accents are dropped, everything else that is not a
     * letter or digit separates words. Stable across rebuilds because it depends on the text only.
     */
    public static String slug(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return slug;
    }

    /** Whether {@code id} is safe as a URL path segment or fragment: {@code [a-z0-9][a-z0-9-]*}. */
    public static boolean isValid(String id) {
        return VALID.matcher(id).matches();
    }
}
