package kb.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.content.Article;
import kb.content.Located;
import kb.content.Section;

/**
 * Digests of what a page is made from, for the build cache to find it unchanged without
 * building its model ({@link BuildCache#reuseInputs}): building every article page's model
 * only to digest it and find it the same was a third of a warm build's samples at 10,000
 * articles (JFR). An article page is made from two things: the site's structure, which every
 * page's sidebar, links and breadcrumbs show (each language's sections and articles in their
 * order, with the titles, summaries, dates and URLs a link shows; the FAQ's questions), digested
 * once here; and its own (front matter, Markdown by its document key, its related list, its
 * language switcher). What else it depends on (kb, the theme, kb.yaml, the data file) is in the
 * cache's key already. A title edit changes the structure, so every page falls back to its
 * model's digest, as before.
 */
final class PageInputs {
    private final String site;

    private PageInputs(String site) {
        this.site = site;
    }

    /** The structure of every language of {@code editions}: a page's switcher and stale-original note read the others. */
    static PageInputs of(Editions editions) {
        List<Object> all = new ArrayList<>();
        for (Editions.Edition e : editions.all()) {
            RenderedSite s = e.site();
            List<Object> sections = new ArrayList<>();
            for (Section section : s.content().sections()) {
                List<Object> articles = new ArrayList<>();
                for (Article a : section.articles()) {
                    articles.add(Arrays.asList(a.id(), a.title(), a.summary(), a.updated(), a.reviewed(), a.section(),
                            a.slug(), a.draft()));
                }
                sections.add(Arrays.asList(section.slug(), section.title(), section.description(), articles));
            }
            List<Object> questions = new ArrayList<>();
            for (RenderedQuestion q : s.questions()) {
                questions.add(Arrays.asList(q.group().slug(), q.group().title(), q.question().anchor(),
                        q.question().question()));
            }
            all.add(Arrays.asList(e.code(), e.prefix(), s.hasLifespans(), sections, questions,
                    s.articles().stream().map(ra -> ra.article().id()).toList()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("editions", all);
        return new PageInputs(digest("site", m));
    }

    /**
     * An article page's inputs, or null without its document's key.
     *
     * @param document the key of its Markdown as rendered (BuildCache#documentKey): its body and headings
     * @param related the ids its page lists as related
     * @param languages what the page's language switcher, alternates and stale-original note are made from
     */
    String article(Article a, String document, List<Integer> related, List<Object> languages) {
        if (document == null) {
            return null;
        }
        Map<String, Object> m = own(a, document);
        m.put("site", site);
        m.put("related shown", related);
        m.put("languages", languages);
        return digest("article", m);
    }

    /** An article's Markdown copy ({@code index.md}): its front matter and Markdown, not the site's structure. */
    String markdownCopy(Article a, String document) {
        return document == null ? null : digest("markdown copy", own(a, document));
    }

    /** An article's widget data file: its id, title, URL, section title and body. */
    String widgetArticle(Article a, String document, String sectionTitle) {
        if (document == null) {
            return null;
        }
        Map<String, Object> m = own(a, document);
        m.put("section title", sectionTitle);
        return digest("widget article", m);
    }

    /** A redirect page (short link or old path): the site's structure (its sidebar) and where it goes. */
    String redirect(String from, String target, String title, List<Map<String, Object>> choices) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site", site);
        m.put("from", from);
        m.put("target", target);
        m.put("title", title);
        m.put("choices", choices);
        return digest("redirect", m);
    }

    /** Everything of the article itself: its front matter, and its Markdown by the key it was rendered under. */
    private static Map<String, Object> own(Article a, String document) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("document", document);
        m.put("id", a.id());
        m.put("title", a.title());
        m.put("summary", a.summary());
        m.put("tags", a.tags());
        m.put("networks", values(a.networks()));
        m.put("aliases", values(a.aliases()));
        m.put("updated", a.updated());
        m.put("reviewed", a.reviewed());
        m.put("draft", a.draft());
        m.put("weight", a.weight());
        m.put("faq", values(a.faq()));
        m.put("related", values(a.related()));
        m.put("section", a.section());
        m.put("slug", a.slug());
        m.put("body line", a.bodyLine());
        return m;
    }

    private static List<Object> values(List<? extends Located<?>> located) {
        return located.stream().<Object>map(Located::value).toList();
    }

    private static String digest(String kind, Map<String, Object> m) {
        byte[] d = ModelDigest.of("inputs of " + kind, m);
        if (d == null) {
            throw new IllegalStateException("a page's inputs hold a value ModelDigest does not walk");
        }
        return HexFormat.of().formatHex(d);
    }
}
