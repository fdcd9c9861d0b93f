package kb.content;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything loaded from {@code content/}, validated and ordered: what the rest of the build
 * renders. The network data is loaded by {@code kb.data} beside it.
 *
 * <p>On a multilingual site this is the default language's content, and {@code translations}
 * holds each other language's, by code in the order of kb.yaml: its root is
 * {@code content/<code>/}, its config {@link SiteConfig#edition} of this one, and it holds only
 * what is translated, each article and question under its original's id and anchor.
 */
public record Content(Path root, SiteConfig config, List<Section> sections, List<FaqGroup> faq,
        Map<String, Content> translations) {
    public Content {
        sections = List.copyOf(sections);
        faq = List.copyOf(faq);
        translations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(translations));
    }

    /** One language's content (or a one-language site's). */
    public Content(Path root, SiteConfig config, List<Section> sections, List<FaqGroup> faq) {
        this(root, config, sections, faq, Map.of());
    }

    /** Every published article, sections in order, articles in order within each. */
    public Stream<Article> articles() {
        return sections.stream().flatMap(s -> s.articles().stream());
    }

    public Stream<FaqQuestion> questions() {
        return faq.stream().flatMap(g -> g.questions().stream());
    }

    /** The same content under other settings (another base URL): each translation's settings follow. */
    public Content withConfig(SiteConfig newConfig) {
        Map<String, Content> out = new LinkedHashMap<>();
        for (Language l : newConfig.languages()) {
            Content t = translations.get(l.code());
            if (t != null) {
                out.put(l.code(), new Content(t.root(), newConfig.edition(l), t.sections(), t.faq()));
            }
        }
        return new Content(root, newConfig, sections, faq, out);
    }

    /** Each language's content, the default (this) first. */
    public List<Content> editions() {
        return Stream.concat(Stream.of(this), translations.values().stream()).toList();
    }
}
