package kb.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kb.content.Article;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;

/**
 * Which articles each language lacks and which translations fell behind their original, as
 * warnings {@code kb check} and every build print. Dates come from the {@code updated} front
 * matter only, never the file's time, so two builds of the same content warn alike.
 */
final class TranslationStatus {
    private TranslationStatus() {
    }

    static void check(Editions editions, Problems problems) {
        Editions.Edition first = editions.first();
        for (Editions.Edition e : editions.all()) {
            if (e == first) {
                continue;
            }
            Map<Integer, Article> translated = e.site().articles().stream().map(RenderedArticle::article)
                    .collect(Collectors.toMap(Article::id, a -> a, (a, b) -> a));
            for (RenderedArticle ra : first.site().articles()) {
                Article original = ra.article();
                Article t = translated.get(original.id());
                if (t == null) {
                    problems.warning(new SourceLocation(original.source(), 1, 1), "no " + e.code() + " translation"
                            + " (add content/" + e.code() + "/articles/" + original.path() + ".md)");
                } else if (Editions.isStale(t, original)) {
                    problems.warning(updatedAt(t), "the " + e.code() + " translation is older than its original, updated "
                            + original.updated() + (t.updated() == null ? "" : " (translation: " + t.updated() + ")")
                            + ": bring it up to date, then set its updated date");
                }
            }
        }
    }

    /**
     * The value of the translation's {@code updated:} line, or its first line when it has none.
     * Looked up here, for the few stale translations, rather than carried by every article.
     */
    private static SourceLocation updatedAt(Article t) {
        try {
            List<String> lines = Files.readAllLines(t.source(), StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size() && !lines.get(i).strip().equals("---"); i++) {
                String line = lines.get(i);
                if (line.startsWith("updated:")) {
                    int col = "updated:".length();
                    while (col < line.length() && line.charAt(col) == ' ') {
                        col++;
                    }
                    return new SourceLocation(t.source(), i + 1, col + 1);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // read at load time a moment ago; if it is gone now, its first line is the place to name
        }
        return new SourceLocation(t.source(), 1, 1);
    }
}
