package kb.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kb.content.Article;
import kb.content.Language;
import kb.content.Section;
import kb.markdown.Heading;
import kb.output.UrlScheme;

/**
 * The languages of one site as the pages see them: each language's edition (the default at the
 * root, each other under {@code <code>/}), which pages each has, and the links between them that
 * every page carries (hreflang alternates, the language switcher, a stale translation's original).
 * A one-language site has one edition, and its pages carry none of these.
 */
final class Editions {
    /** One language's pages: {@code prefix} is {@code ""} for the default language, else {@code "<code>/"}. */
    record Edition(Language language, String prefix, RenderedSite site) {
        String code() {
            return language.code();
        }

        String baseUrl() {
            return site.content().config().baseUrl();
        }
    }

    private final List<Edition> all;
    /**
     * Language code to each page URL the edition has, to the ids on it a link may target. Only on
     * a multilingual site, which links its languages' pages: on a one-language site of 100,000
     * articles these sets were 60 MB of heap no page read.
     */
    private final Map<String, Map<String, Set<String>>> pages = new HashMap<>();
    /** Language code to the edition's articles by id, made once: per page, it made the work grow with the square of the site. */
    private final Map<String, Map<Integer, RenderedArticle>> byId = new HashMap<>();

    Editions(List<Edition> editions) {
        this.all = List.copyOf(editions);
        if (all.size() > 1) {
            for (Edition e : all) {
                pages.put(e.code(), pagesOf(e.site()));
                byId.put(e.code(), e.site().byId());
            }
        }
    }

    /** A one-language site: its one edition. */
    static Editions single(RenderedSite site) {
        var config = site.content().config();
        return new Editions(List.of(new Edition(config.defaultLanguage(), "", site)));
    }

    /** The same languages with the default's pages as {@code site} (a preview's update). */
    Editions with(RenderedSite site) {
        List<Edition> out = new ArrayList<>(all);
        out.set(0, new Edition(first().language(), "", site));
        return new Editions(out);
    }

    List<Edition> all() {
        return all;
    }

    Edition first() {
        return all.get(0);
    }

    Edition get(String code) {
        return all.stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow();
    }

    boolean multilingual() {
        return all.size() > 1;
    }

    boolean has(String code, String url) {
        return pages.get(code).containsKey(url);
    }

    /**
     * The language switcher of the page at {@code url} of language {@code code}: each language's
     * version of that page, else that language's home; with the ids both pages share, so a script
     * can carry the reader's #anchor across. Empty on a one-language site.
     */
    List<Map<String, Object>> switcher(String code, String url) {
        if (!multilingual()) {
            return List.of();
        }
        Edition from = get(code);
        Set<String> here = pages.get(code).getOrDefault(url, Set.of());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Edition to : all) {
            boolean same = has(to.code(), url);
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("code", to.code());
            l.put("name", to.language().nativeName());
            l.put("url", UrlScheme.relative(from.prefix() + url, to.prefix() + (same ? url : UrlScheme.HOME)));
            l.put("current", to == from);
            l.put("translated", same);
            l.put("anchors", !same ? "" : pages.get(to.code()).get(url).stream().filter(here::contains)
                    .sorted().collect(Collectors.joining(" ")));
            out.add(l);
        }
        return out;
    }

    /**
     * The {@code hreflang} alternates of the page at {@code url}: every language that has it, by
     * absolute URL, and {@code x-default} (the default language's). Empty on a one-language site.
     */
    List<Map<String, Object>> alternates(String url) {
        if (!multilingual()) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Edition e : all) {
            if (has(e.code(), url)) {
                out.add(Map.of("lang", e.code(), "href", e.baseUrl() + url));
            }
        }
        if (has(first().code(), url)) {
            out.add(Map.of("lang", "x-default", "href", first().baseUrl() + url));
        }
        return out;
    }

    /**
     * The article a short link at the site root may go to, in each language that has it, as links
     * from that short link: a script picks the reader's language among them.
     */
    List<Map<String, Object>> shortLinkChoices(int id) {
        if (!multilingual()) {
            return List.of();
        }
        String from = UrlScheme.shortLink(id);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Edition e : all) {
            RenderedArticle ra = byId.get(e.code()).get(id);
            if (ra != null) {
                out.add(Map.of("lang", e.code(), "url", UrlScheme.relative(from, e.prefix() + UrlScheme.article(ra.article()))));
            }
        }
        return out;
    }

    /**
     * The original of a translated article, when it changed after the translation (its
     * {@code updated} is later, or the translation has none): the page says so and links to it.
     * Null for an article of the default language and for a current translation.
     */
    Map<String, Object> staleOriginal(String code, Article translation) {
        Edition from = get(code);
        if (from == first()) {
            return null;
        }
        RenderedArticle original = byId.get(first().code()).get(translation.id());
        if (original == null || !isStale(translation, original.article())) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", original.article().title());
        m.put("url", UrlScheme.relative(from.prefix() + UrlScheme.article(translation), UrlScheme.article(original.article())));
        m.put("lang", first().code());
        m.put("language", first().language().nativeName());
        m.put("updatedIso", original.article().updated().toString());
        return m;
    }

    /** Whether the original changed after the translation was last updated. */
    static boolean isStale(Article translation, Article original) {
        return original.updated() != null && (translation.updated() == null || original.updated().isAfter(translation.updated()));
    }

    /** Every page URL of one edition, to the ids on it (headings of articles, questions of the FAQ). */
    private static Map<String, Set<String>> pagesOf(RenderedSite site) {
        Map<String, Set<String>> out = new HashMap<>();
        for (String url : List.of(UrlScheme.HOME, UrlScheme.SEARCH, UrlScheme.FAQ, UrlScheme.LIFESPANS)) {
            out.put(url, Set.of());
        }
        if (!site.hasLifespans()) {
            out.remove(UrlScheme.LIFESPANS);
        }
        for (Section s : site.content().sections()) {
            out.put(UrlScheme.section(s.slug()), Set.of());
        }
        for (RenderedArticle ra : site.articles()) {
            Set<String> ids = new LinkedHashSet<>();
            for (Heading h : ra.body().headings()) {
                ids.add(h.id());
            }
            out.put(UrlScheme.article(ra.article()), ids);
        }
        Set<String> faq = new LinkedHashSet<>();
        site.content().faq().forEach(g -> faq.add(g.slug()));
        site.questions().forEach(q -> faq.add(q.question().anchor()));
        out.put(UrlScheme.FAQ, faq);
        return out;
    }
}
