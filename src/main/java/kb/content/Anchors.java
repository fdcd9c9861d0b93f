package kb.content;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one slugger of kb: heading ids, FAQ anchors and suggested file names all come from here,
 * so a link checked at build time is the link the page really has.
 */
public final class Anchors {
    /** {@code {#id}} or {@code {#id #old-id ...}} at the end of a heading pins its id and aliases. */
    private static final Pattern PINNED = Pattern.compile("\\s*\\{(#[A-Za-z0-9][\\w-]*(?:\\s+#[A-Za-z0-9][\\w-]*)*)\\s*}\\s*$");
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private Anchors() {
    }

    /** Heading text split from its pinned ids. */
    public record HeadingText(String text, String pinnedId, List<String> aliases) {
        public HeadingText {
            aliases = List.copyOf(aliases);
        }
    }

    /** Splits {@code Reconnect {#step-1 #old}} into its text, its pinned id and its aliases. */
    public static HeadingText parse(String heading) {
        Matcher m = PINNED.matcher(heading);
        if (!m.find()) {
            return new HeadingText(heading.strip(), null, List.of());
        }
        List<String> ids = new ArrayList<>();
        for (String part : m.group(1).trim().split("\\s+")) {
            ids.add(part.substring(1));
        }
        return new HeadingText(heading.substring(0, m.start()).strip(), ids.get(0), ids.subList(1, ids.size()));
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
