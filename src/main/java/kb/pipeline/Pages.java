package kb.pipeline;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kb.content.Article;
import kb.content.Section;
import kb.insights.EventFormat;
import kb.content.SiteConfig;
import kb.data.Network;
import kb.markdown.Heading;
import kb.output.UrlScheme;
import kb.template.ArticleLinkModel;
import kb.template.ArticleModel;
import kb.template.FaqLinkModel;
import kb.template.LinkModel;
import kb.template.NavSectionModel;
import kb.template.NetworkModel;
import kb.template.SectionCardModel;
import kb.template.SectionModel;
import kb.template.SupportModel;
import kb.template.TocEntryModel;
import kb.template.PageModel;
import kb.template.SiteModel;

/**
 * Builds the model each template sees. Every URL in a model is relative to the page it is on,
 * so the site works from any host path and straight from disk.
 */
final class Pages {
    /** Articles of the open section listed in the sidebar; the section page lists them all. */
    static final int NAV_WINDOW = 30;

    private final RenderedSite site;
    private final SiteConfig config;
    private final Map<Integer, RenderedArticle> byId;
    private final Map<String, List<RenderedArticle>> citedBy;
    /**
     * Each article's place in its section, by URL: looked up, not searched for, on every article
     * page (searching the section made a build's work grow with its square: 5,000-article
     * sections at 100,000 articles).
     */
    private final Map<String, Integer> positions = new HashMap<>();
    private final boolean preview;
    private final Editions editions;
    /** The language of these pages: which edition of {@link #editions} they are. */
    private final String language;

    /** The theme's words and the dates in the pages' language. */
    private final Words words;
    /**
     * The same on every page, so made once: its format is JSON written by a new Jackson
     * ObjectMapper, which per page was 3% of a build's CPU.
     */
    private final Map<String, Object> insights;

    /** The pages of one language's edition of a (possibly) multilingual site. */
    Pages(Editions editions, String language, Map<String, List<RenderedArticle>> citedBy, boolean preview, Words words) {
        this.words = words;
        this.editions = editions;
        this.language = language;
        RenderedSite site = editions.get(language).site();
        this.site = site;
        this.config = site.content().config();
        this.byId = site.byId();
        this.citedBy = citedBy;
        this.preview = preview;
        this.insights = insightsModel();
        for (Section s : site.content().sections()) {
            for (int i = 0; i < s.articles().size(); i++) {
                positions.put(UrlScheme.article(s.articles().get(i)), i);
            }
        }
    }

    /** Where {@code a} stands among its section's articles, or -1 when it is in none. */
    int position(Article a) {
        return positions.getOrDefault(UrlScheme.article(a), -1);
    }

    /** The keys every template may use. */
    Map<String, Object> common(String url, String title, String description, String kind) {
        Map<String, Object> m = new HashMap<>();
        m.put("site", new SiteModel(config.name(), config.description(), config.baseUrl(), config.language(),
                supportModel()));
        // The language switcher and hreflang alternates; a 404 page answers any path, so it has neither.
        boolean anywhere = kind.equals("404") || kind.equals("redirect") || kind.equals("widget-demo");
        m.put("languages", anywhere ? List.of() : editions.switcher(language, url));
        m.put("alternates", anywhere ? List.of() : editions.alternates(url));
        m.put("root", kind.equals("404") ? basePath() : UrlScheme.root(url));
        m.put("page", new PageModel(title, description == null || description.isBlank() ? config.description() : description,
                url, config.baseUrl() + url, kind,
                kind.equals("404") || kind.equals("search") || kind.equals("redirect") || kind.equals("widget-demo")));
        m.put("nav", nav(url, null));
        m.put("breadcrumbs", List.of());
        m.put("preview", preview);
        m.put("jsonld", List.of());
        m.put("insights", insights);
        m.put("lifespansPage", site.hasLifespans());
        return m;
    }

    /**
     * What the theme needs to send events (kb.insights.EventFormat), or null when there are none:
     * with {@code insights: off}, and in the preview, where a writer's own clicks are no reader's.
     */
    private Map<String, Object> insightsModel() {
        if (!config.insights() || preview) {
            return null;
        }
        return Map.of(
                "path", EventFormat.PATH,
                "format", EventFormat.forBrowser(),
                "yes", EventFormat.YES,
                "no", EventFormat.NO,
                "reasons", EventFormat.Reason.codes());
    }

    Map<String, Object> home() {
        Map<String, Object> m = common(UrlScheme.HOME, config.name(), config.description(), "home");
        m.put("sections", site.content().sections().stream().map(s -> new SectionCardModel(s.title(), s.description(),
                UrlScheme.section(s.slug()), s.articles().size(),
                s.articles().stream().limit(5).map(a -> link(UrlScheme.HOME, a)).toList())).toList());
        m.put("featured", config.featured().stream().filter(byId::containsKey)
                .map(id -> link(UrlScheme.HOME, byId.get(id).article())).toList());
        return m;
    }

    Map<String, Object> section(Section s) {
        String url = UrlScheme.section(s.slug());
        Map<String, Object> m = common(url, s.title(), s.description(), "section");
        m.put("nav", nav(url, s.slug()));
        m.put("breadcrumbs", List.of(homeCrumb(url)));
        m.put("section", new SectionModel(s.title(), s.description(), s.articles().stream().map(a -> link(url, a)).toList()));
        m.put("jsonld", List.of(breadcrumbList(List.of(Map.entry(words.text("nav.home"), ""), Map.entry(s.title(), url)))));
        return m;
    }

    Map<String, Object> article(RenderedArticle ra, Section s, Article prev, Article next, List<Article> related) {
        Article a = ra.article();
        String url = UrlScheme.article(a);
        Map<String, Object> m = common(url, a.title(), a.summary(), "article");
        m.put("nav", nav(url, s.slug()));
        m.put("breadcrumbs", List.of(homeCrumb(url), crumb(url, s.title(), UrlScheme.section(s.slug()))));
        Map<String, Object> stale = editions.staleOriginal(language, a);
        if (stale != null) {
            stale = new HashMap<>(stale);
            stale.put("updated", words.date(LocalDate.parse((String) stale.get("updatedIso"))));
        }
        m.put("article", new ArticleModel(a.id(), a.title(), a.summary(), ra.body().html(),
                ra.body().headings().stream().filter(h -> h.level() == 2 || h.level() == 3).map(Pages::toc).toList(),
                shown(a.updated()), a.updated() == null ? "" : a.updated().toString(), shown(a.reviewed()),
                config.baseUrl() + UrlScheme.shortLink(a.id()), UrlScheme.relative(url, UrlScheme.shortLink(a.id())), "index.md",
                prev == null ? null : link(url, prev), next == null ? null : link(url, next),
                related.stream().map(r -> link(url, r)).toList(), a.faq().stream().map(q -> faqLink(url, q.value())).toList(),
                a.tags(), a.draft(), s.title(), stale));
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "Article");
        ld.put("headline", a.title());
        ld.put("description", a.summary());
        if (a.updated() != null) {
            ld.put("dateModified", a.updated().toString());
        }
        ld.put("url", config.baseUrl() + url);
        ld.put("mainEntityOfPage", config.baseUrl() + url);
        ld.put("publisher", Map.of("@type", "Organization", "name", config.name()));
        m.put("jsonld", List.of(ld, breadcrumbList(List.of(Map.entry(words.text("nav.home"), ""),
                Map.entry(s.title(), UrlScheme.section(s.slug())), Map.entry(a.title(), url)))));
        return m;
    }

    Map<String, Object> faq(List<Map<String, Object>> groups, Map<String, Object> faqPageLd) {
        Map<String, Object> m = common(UrlScheme.FAQ, null, null, "faq"); // faq.peb names the page
        m.put("breadcrumbs", List.of(homeCrumb(UrlScheme.FAQ)));
        m.put("groups", groups);
        m.put("jsonld", List.of(faqPageLd));
        return m;
    }

    Map<String, Object> lifespans(List<Network> networks) {
        String url = UrlScheme.LIFESPANS;
        Map<String, Object> m = common(url, null, null, "lifespans"); // lifespans.peb names the page
        m.put("breadcrumbs", List.of(homeCrumb(url)));
        m.put("networks", networks.stream().map(n -> networkModel(url, n)).toList());
        // The calculator and the filter read this (as JSON in the page), so the data file drives them too.
        m.put("calculator", networks.stream().map(n -> kb.data.NetworksExport.forBrowser(n,
                articleOf(n) == null ? null : UrlScheme.relative(url, UrlScheme.article(articleOf(n))), words.data())).toList());
        return m;
    }

    /** A page with nothing but its kind; {@code title} null when its template names it (search, 404). */
    Map<String, Object> simple(String url, String title, String kind) {
        Map<String, Object> m = common(url, title, null, kind);
        if (!kind.equals("404")) {
            m.put("breadcrumbs", List.of(homeCrumb(url)));
        }
        return m;
    }

    /** The demo page: a made-up product page embedding the widget, as a customer's app would. */
    Map<String, Object> widgetDemo(String url, String script) {
        Map<String, Object> m = common(url, words.text("demo.title"), words.text("demo.description"), "widget-demo");
        m.put("widgetScript", UrlScheme.relative(url, script));
        m.put("snippetUrl", config.baseUrl() + script);
        m.put("label", config.widget().label() != null ? config.widget().label() : words.text("widget.help"));
        // An article to open at one of its sections: the first featured one that has sections.
        java.util.stream.Stream.concat(config.featured().stream().filter(byId::containsKey).map(byId::get),
                        site.articles().stream())
                .filter(ra -> ra.body().headings().stream().anyMatch(h -> h.level() == 2))
                .findFirst().ifPresent(ra -> {
                    Heading h = ra.body().headings().stream().filter(x -> x.level() == 2).findFirst().orElseThrow();
                    m.put("example", Map.of("id", ra.article().id(), "title", ra.article().title(),
                            "anchor", h.id(), "heading", h.text()));
                });
        m.putIfAbsent("example", null);
        return m;
    }

    Map<String, Object> redirect(String from, String toUrl, String title) {
        return redirect(from, toUrl, title, List.of());
    }

    /** @param choices the target in each language ({@code lang}, {@code url}): a script picks the reader's */
    Map<String, Object> redirect(String from, String toUrl, String title, List<Map<String, Object>> choices) {
        Map<String, Object> m = common(from, title, null, "redirect");
        m.put("choices", choices);
        m.put("target", UrlScheme.relative(from, toUrl));
        m.put("targetAbsolute", config.baseUrl() + toUrl);
        return m;
    }

    NetworkModel networkModel(String fromUrl, Network n) {
        Article article = articleOf(n);
        return new NetworkModel(n.id(), n.name(), n.otherNames(), n.lifespanText(words.data()),
                n.lifespanDays() == null ? "" : String.valueOf(n.lifespanDays()), String.valueOf(n.sortDays()),
                n.renewal().name().toLowerCase(Locale.ROOT).replace('_', '-'), n.inactivityText(words.data()),
                n.inactivityDays() == null ? "" : String.valueOf(n.inactivityDays()), n.activity(), n.roleName(),
                n.role() == null ? "" : n.role().scope().spelling(), n.notes(), shown(n.verified()),
                n.verified() == null ? "" : n.verified().toString(), String.join(" ", n.searchNames()),
                article == null ? null : link(fromUrl, article));
    }

    private Article articleOf(Network n) {
        return n.article() == null ? null : site.content().articles()
                .filter(a -> (a.path() + ".md").equals(n.article().value())).findFirst().orElse(null);
    }

    private List<NavSectionModel> nav(String fromUrl, String currentSection) {
        String currentArticle = fromUrl;
        List<NavSectionModel> out = new ArrayList<>();
        for (Section s : site.content().sections()) {
            String url = UrlScheme.section(s.slug());
            boolean open = s.slug().equals(currentSection);
            // Only the open section lists its articles, and at most NAV_WINDOW of them around the
            // current one: listing them all made every page grow with its section, and the whole
            // site with the square of its size (18 GB of output at 50,000 articles).
            List<Article> shown = !open ? List.of() : window(s.articles(), positions.getOrDefault(currentArticle, 0));
            out.add(new NavSectionModel(s.title(), UrlScheme.relative(fromUrl, url), open, url.equals(fromUrl),
                    shown.stream().map(a -> link(fromUrl, a).current(UrlScheme.article(a).equals(currentArticle))).toList(),
                    s.articles().size(), open ? s.articles().size() - shown.size() : 0));
        }
        return out;
    }

    /** The section's articles nearest the one at {@code at} (the first ones on the section page). */
    private static List<Article> window(List<Article> articles, int at) {
        if (articles.size() <= NAV_WINDOW) {
            return articles;
        }
        int from = Math.max(0, Math.min(at - NAV_WINDOW / 2, articles.size() - NAV_WINDOW));
        return articles.subList(from, from + NAV_WINDOW);
    }

    private ArticleLinkModel link(String fromUrl, Article a) {
        return new ArticleLinkModel(a.title(), UrlScheme.relative(fromUrl, UrlScheme.article(a)), a.summary(),
                shown(a.updated()), a.id(), false);
    }

    private FaqLinkModel faqLink(String fromUrl, String anchor) {
        String question = site.questions().stream().filter(q -> q.question().anchor().equals(anchor))
                .map(q -> q.question().question()).findFirst().orElse(anchor);
        return new FaqLinkModel(question, UrlScheme.relative(fromUrl, UrlScheme.FAQ) + "#" + anchor);
    }

    List<ArticleLinkModel> citingArticles(String fromUrl, String anchor) {
        return citedBy.getOrDefault(anchor, List.of()).stream().map(ra -> link(fromUrl, ra.article())).toList();
    }

    /** The first crumb of every trail: the home page, in the edition's words. */
    private LinkModel homeCrumb(String fromUrl) {
        return crumb(fromUrl, words.text("nav.home"), UrlScheme.HOME);
    }

    private static LinkModel crumb(String fromUrl, String title, String url) {
        return new LinkModel(title, UrlScheme.relative(fromUrl, url));
    }

    private Map<String, Object> breadcrumbList(List<Map.Entry<String, String>> trail) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < trail.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("@type", "ListItem");
            item.put("position", i + 1);
            item.put("name", trail.get(i).getKey());
            item.put("item", config.baseUrl() + trail.get(i).getValue());
            items.add(item);
        }
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "BreadcrumbList");
        ld.put("itemListElement", items);
        return ld;
    }

    private static TocEntryModel toc(Heading h) {
        return new TocEntryModel(h.level(), h.text(), h.id());
    }

    /** The contacts of kb.yaml, as the footer and the widget show them. */
    SupportModel supportModel() {
        String phone = config.support().phone();
        return new SupportModel(config.support().email(), phone,
                phone == null ? null : "tel:+" + phone.replaceAll("[^0-9]", ""), config.support().chat());
    }

    private String basePath() {
        String path = URI.create(config.baseUrl()).getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** A date as the site's language writes it ("December 6, 2026", "6 de diciembre de 2026"). */
    private String shown(LocalDate date) {
        return words.date(date);
    }
}
