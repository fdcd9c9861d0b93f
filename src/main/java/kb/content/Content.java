package kb.content;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything loaded from {@code content/}, validated and ordered: what the rest of the build
 * renders. The network data is loaded by {@code kb.data} beside it.
 */
public record Content(Path root, SiteConfig config, List<Section> sections, List<FaqGroup> faq) {
    public Content {
        sections = List.copyOf(sections);
        faq = List.copyOf(faq);
    }

    /** Every published article, sections in order, articles in order within each. */
    public Stream<Article> articles() {
        return sections.stream().flatMap(s -> s.articles().stream());
    }

    public Stream<FaqQuestion> questions() {
        return faq.stream().flatMap(g -> g.questions().stream());
    }
}
