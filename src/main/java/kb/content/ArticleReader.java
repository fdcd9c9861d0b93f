package kb.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kb.diagnostic.KbException;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;

/** Reads one article file into an {@link Article}, reporting every front matter mistake. */
final class ArticleReader {
    static final Set<String> KEYS = Set.of("id", "title", "summary", "tags", "networks", "aliases",
            "updated", "reviewed", "draft", "weight", "faq", "related");
    private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)?");

    private ArticleReader() {
    }

    /** The article, or null when it had errors (they are in {@code problems}). */
    static Article read(Path file, String section, String slug, Problems problems) {
        return read(new ArticleMemo.Place(file, section, slug, true), ArticleMemo.NONE, problems);
    }

    /**
     * The article at {@code place}, taken from {@code memo} when its file's bytes were read before,
     * or null when it had errors (they are in {@code problems}). A translation's id is 0 here when
     * it gives none.
     */
    static Article read(ArticleMemo.Place place, ArticleMemo memo, Problems problems) {
        byte[] bytes;
        try {
            bytes = SourceText.bytes(place.file());
        } catch (KbException e) {
            problems.addAll(e.problems());
            return null;
        }
        Article known = memo.find(place, bytes);
        if (known != null) {
            return known;
        }
        Problems own = new Problems();
        Article read = parse(place.file(), place.section(), place.slug(), place.needsId(), bytes, own);
        problems.addAll(own.all());
        if (read != null && own.all().isEmpty()) {
            memo.keep(place, bytes, read);
        }
        return read;
    }

    private static Article parse(Path file, String section, String slug, boolean needsId, byte[] bytes, Problems problems) {
        FrontMatter fm;
        try {
            fm = FrontMatter.split(SourceText.of(file, bytes));
        } catch (KbException e) {
            problems.addAll(e.problems());
            return null;
        }
        if (!(fm.yaml() instanceof YamlNode.Mapping)) {
            // Reported once: every "missing title" and "missing id" after it would say the same thing.
            problems.error(fm.yaml().at(), "article front matter must be a mapping of keys to values, found "
                    + fm.yaml().kind(), "write one 'key: value' per line, like title: Reconnect LinkedIn");
            return null;
        }
        Problems own = new Problems();
        Fields f = new Fields(fm.yaml(), "article front matter", KEYS, own);
        String title = f.requiredText("title");
        Integer id = f.integer("id").orElse(null);
        if (id == null && !f.has("id") && needsId) {
            own.error(new SourceLocation(file, 1, 1), "missing required 'id'",
                    "add 'id: N' with a number no other article uses; `kb new` picks one");
        } else if (id != null && id <= 0) {
            own.error(f.at("id"), "'id' must be a positive number, found " + id);
        }
        List<Located<String>> aliases = f.texts("aliases");
        for (Located<String> alias : aliases) {
            String clean = trimSlashes(alias.value());
            if (!ALIAS.matcher(clean).matches()) {
                own.error(alias.at(), "alias '" + alias.value() + "' is not a site path like 'section/old-slug'",
                        "use lower-case letters, digits and hyphens; no '..', schemes or backslashes");
            }
        }
        Article article = new Article(
                id == null ? 0 : id,
                f.at("id"),
                title,
                f.text("summary").orElse(""),
                f.texts("tags").stream().map(Located::value).toList(),
                f.texts("networks"),
                aliases.stream().map(a -> new Located<>(trimSlashes(a.value()), a.at())).toList(),
                f.date("updated").orElse(null),
                f.date("reviewed").orElse(null),
                f.bool("draft", false),
                f.integer("weight").orElse(0),
                f.texts("faq"),
                f.integers("related"),
                section,
                slug,
                file,
                PackedText.of(fm.body()),
                fm.bodyLine());
        problems.addAll(own.all());
        return own.hasErrors() ? null : article;
    }

    /**
     * The alias without slashes at either end. By hand: {@code /+$} tried at each slash of a long
     * run of them scans the whole run again, quadratic in a front matter value of any length.
     */
    private static String trimSlashes(String alias) {
        int start = 0;
        int end = alias.length();
        while (start < end && alias.charAt(start) == '/') {
            start++;
        }
        while (end > start && alias.charAt(end - 1) == '/') {
            end--;
        }
        return alias.substring(start, end);
    }
}
