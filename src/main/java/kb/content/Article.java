package kb.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import kb.diagnostic.SourceLocation;

/**
 * One help article: its front matter, typed, and its Markdown body, not yet rendered.
 *
 * @param markdown the body, kept packed: a large site holds every article's until its page is written
 * @param bodyLine the line of {@code source} where the Markdown body starts
 * @param faq anchors of FAQ questions listed at the end of the article
 * @param related article ids that replace the computed related articles
 */
public record Article(
        int id,
        SourceLocation idAt,
        String title,
        String summary,
        List<String> tags,
        List<Located<String>> networks,
        List<Located<String>> aliases,
        LocalDate updated,
        LocalDate reviewed,
        boolean draft,
        int weight,
        List<Located<String>> faq,
        List<Located<Integer>> related,
        String section,
        String slug,
        Path source,
        PackedText markdown,
        int bodyLine) {

    public Article {
        tags = List.copyOf(tags);
        networks = List.copyOf(networks);
        aliases = List.copyOf(aliases);
        faq = List.copyOf(faq);
        related = List.copyOf(related);
    }

    /** {@code section/slug}: the article's path on the site and in links between articles. */
    public String path() {
        return section + "/" + slug;
    }
}
