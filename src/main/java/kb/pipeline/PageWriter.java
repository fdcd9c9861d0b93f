package kb.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kb.content.Article;
import kb.content.Located;
import kb.check.TemplateLinkCheck;
import kb.content.Section;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.diagnostic.SourceLocation;
import kb.widget.WidgetArticle;
import kb.widget.WidgetFiles;
import kb.diagnostic.Problems;
import kb.data.DataFacts;
import kb.data.NetworksExport;
import kb.insights.EventFormat;
import kb.markdown.MarkdownRenderer;
import kb.output.Feeds;
import kb.output.UrlScheme;
import kb.search.SearchIndex;
import kb.template.Templates;
import org.jsoup.Jsoup;

/**
 * Renders pages through the theme into an {@link Output}, with the site's other files: the
 * {@link Phase#PAGES} phase. A template error is collected (once, however many pages it breaks),
 * so every broken template is reported in one run.
 */
final class PageWriter {
    static final int RELATED = 4;
    /** The widget's script and stylesheet in the theme's assets; the build writes them with the widget (widget()). */
    static final String WIDGET_SOURCE = "js/kb-widget.js";
    static final String WIDGET_STYLE = "kb-widget.css";

    private final RenderedSite site;
    private final Templates templates;
    private final SearchIndex index;
    /** Where this language's files go: the output itself, or its {@code <code>/} folder. */
    private final Output writer;
    /** The whole output, for the theme's link check: a language switcher links across languages. */
    private final Output whole;
    private final Editions editions;
    private final Editions.Edition edition;
    private final Problems problems;
    /** Template errors seen, so one mistake breaking every article page (in every language) is reported once. */
    private final java.util.Set<Problem> seen;
    private final Pages pages;
    private final Map<Integer, RenderedArticle> byId;
    private final Map<String, Section> sections = new HashMap<>();
    /** Article id to the ids its page lists as related: a preview re-renders those pages when a title changes. */
    private final Map<Integer, List<Integer>> relatedShown = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    /** The theme's words in the site's language. */
    private final Words words;
    /** Pages the previous build wrote from the same model, reused rather than rendered again. */
    private final BuildCache cache;
    /** What pages are made from, to find them unchanged before making their models; null without a cache. */
    private final PageInputs inputs;

    PageWriter(RenderedSite site, Templates templates, SearchIndex index, Output writer, boolean preview,
            Problems problems) {
        this(Editions.single(site), site.content().config().language(), templates, index, writer, preview, problems,
                ConcurrentHashMap.newKeySet());
    }

    /**
     * The pages of one language of {@code editions}, written under its folder of {@code output}.
     *
     * @param seen the template errors reported so far, shared by the languages' writers
     */
    PageWriter(Editions editions, String language, Templates templates, SearchIndex index, Output output, boolean preview,
            Problems problems, java.util.Set<Problem> seen) {
        this(editions, language, templates, index, output, preview, problems, seen, null);
    }

    /** @param cache the build cache, or null: every page rendered */
    PageWriter(Editions editions, String language, Templates templates, SearchIndex index, Output output, boolean preview,
            Problems problems, java.util.Set<Problem> seen, BuildCache cache) {
        this.cache = cache;
        this.inputs = cache == null || !cache.on() ? null : PageInputs.of(editions);
        this.editions = editions;
        this.edition = editions.get(language);
        this.site = edition.site();
        this.problems = problems;
        this.templates = templates;
        this.index = index;
        this.whole = output;
        this.writer = Output.under(output, edition.prefix());
        this.seen = seen;
        this.words = new Words(templates.strings(), language);
        this.pages = new Pages(editions, language, citedBy(site), preview, words);
        this.byId = site.byId();
        site.content().sections().forEach(s -> sections.put(s.slug(), s));
    }

    /** Writes everything and checks the theme's links; returns the number of HTML pages. */
    int writeAll() {
        int written = writePages();
        checkTemplateLinks();
        return written;
    }

    /**
     * Writes everything of this language; returns the number of HTML pages. The site-wide files
     * (404 page, robots.txt, the sitemap of every language, the widget) come with the default language.
     */
    int writePages() {
        boolean main = edition == editions.first();
        home();
        site.content().sections().forEach(this::section);
        site.articles().parallelStream().forEach(this::article);
        faq();
        if (site.hasLifespans()) {
            lifespans();
        }
        page(UrlScheme.SEARCH, "search", pages.simple(UrlScheme.SEARCH, null, "search"));
        if (main) {
            file("404.html", "404", pages.simple("404.html", null, "404"), null);
        }
        redirects();
        data();
        feeds();
        assets();
        if (main) {
            widget();
        }
        eventEndpoint();
        return count.get();
    }

    /**
     * Checks the theme's own links on one page of each kind: the templates are the same for every
     * page of a kind, so one sample finds their broken links without parsing thousands of pages.
     */
    void checkTemplateLinks() {
        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("home", UrlScheme.HOME);
        site.content().sections().stream().findFirst().ifPresent(s -> samples.put("section", UrlScheme.section(s.slug())));
        site.articles().stream().findFirst().ifPresent(a -> {
            samples.put("article", UrlScheme.article(a.article()));
            samples.put("redirect", UrlScheme.shortLink(a.article().id()));
        });
        samples.put("faq", UrlScheme.FAQ);
        if (site.hasLifespans()) {
            samples.put("lifespans", UrlScheme.LIFESPANS);
        }
        samples.put("search", UrlScheme.SEARCH);
        samples.forEach(this::checkTemplateLinks);
    }

    /** Checks the theme's links on the page at {@code url}, rendered from {@code template}. */
    void checkTemplateLinks(String template, String url) {
        if (!seen.isEmpty()) {
            return; // a page is missing because a template failed: that error is the one to fix first
        }
        TemplateLinkCheck.check(whole, edition.prefix() + UrlScheme.file(url), templates.source(template), problems);
    }

    // The steps below are one page (or one group of pages) each, so a preview can rewrite
    // only the pages an edit touches (see IncrementalBuild).

    void home() {
        page(UrlScheme.HOME, "home", pages.home());
    }

    void section(Section s) {
        page(UrlScheme.section(s.slug()), "section", pages.section(s));
    }

    void lifespans() {
        page(UrlScheme.LIFESPANS, "lifespans", pages.lifespans(site.networks().all()));
    }

    /** An article's page and its Markdown copy. */
    void article(RenderedArticle ra) {
        article(ra, null);
    }

    /**
     * An article's page and its Markdown copy, listing {@code relatedIds} as related (a preview
     * re-rendering a page for its navigation passes what the page listed before), or, when null,
     * the related articles of its front matter or the search index.
     */
    void article(RenderedArticle ra, List<Integer> relatedIds) {
        try {
            writeArticle(ra, relatedIds);
        } catch (KbException | java.io.UncheckedIOException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new KbException(Problem.internal(SourceLocation.of(ra.article().source()), "writing the page of this article", e));
        }
    }

    private void writeArticle(RenderedArticle ra, List<Integer> relatedIds) {
        Article a = ra.article();
        Section s = sections.get(a.section());
        int at = pages.position(a);
        Article prev = at > 0 ? s.articles().get(at - 1) : null;
        Article next = at < s.articles().size() - 1 ? s.articles().get(at + 1) : null;
        String document = inputs == null ? null : cache.documentKey(a.source());
        // The rendered document's key and the title fix the text: it is not made for a list taken as it was.
        List<Integer> ids = relatedIds != null ? relatedIds : a.related().isEmpty()
                ? index.related(a.id(), document == null ? null : document + "\n" + a.title(),
                        () -> a.title() + "\n" + ra.body().plainText(), RELATED)
                : a.related().stream().map(Located::value).toList();
        List<Article> related = ids.stream().filter(byId::containsKey).map(id -> byId.get(id).article()).toList();
        List<Integer> shown = related.stream().map(Article::id).toList();
        relatedShown.put(a.id(), shown);
        String url = UrlScheme.article(a);
        page(url, "article", inputs == null ? null : inputs.article(a, document, shown, languages(a, url)),
                () -> pages.article(ra, s, prev, next, related));
        markdownCopy(a, url + "index.md", inputs == null ? null : inputs.markdownCopy(a, document));
    }

    /** What an article page's language switcher, alternates and note of a newer original are made from. */
    private List<Object> languages(Article a, String url) {
        return java.util.Arrays.asList(editions.switcher(edition.code(), url), editions.alternates(url),
                editions.staleOriginal(edition.code(), a));
    }

    /** An article's Markdown copy: the previous build's file when made from the same {@code copyInputs}. */
    private void markdownCopy(Article a, String path, String copyInputs) {
        BuildCache.Kept kept = copyInputs == null ? null : cache.reuseInputs(edition.prefix() + path, copyInputs, false);
        if (kept != null) {
            writer.reuse(kept.file(), path, kept.length());
            return;
        }
        byte[] bytes = markdownCopy(a).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        writer.write(path, bytes);
        if (copyInputs != null) {
            cache.keep(edition.prefix() + path, null, bytes, copyInputs);
        }
    }

    /** What each article page written so far lists as related, by article id. */
    Map<Integer, List<Integer>> relatedShown() {
        return Map.copyOf(relatedShown);
    }

    void faq() {
        List<Map<String, Object>> groups = new ArrayList<>();
        List<Map<String, Object>> entities = new ArrayList<>();
        for (var group : site.content().faq()) {
            List<Map<String, Object>> questions = new ArrayList<>();
            site.questions().stream().filter(q -> q.group() == group).forEach(q -> {
                Map<String, Object> qm = new HashMap<>();
                qm.put("question", q.question().question());
                qm.put("anchor", q.question().anchor());
                qm.put("aliases", q.question().aliases());
                qm.put("html", q.answer().html());
                qm.put("articles", pages.citingArticles(UrlScheme.FAQ, q.question().anchor()));
                questions.add(qm);
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("@type", "Answer");
                answer.put("text", Jsoup.parseBodyFragment(q.answer().html()).body().text());
                Map<String, Object> entity = new LinkedHashMap<>();
                entity.put("@type", "Question");
                entity.put("name", q.question().question());
                entity.put("acceptedAnswer", answer);
                entities.add(entity);
            });
            groups.add(Map.of("title", group.title(), "id", group.slug(), "questions", questions));
        }
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "FAQPage");
        ld.put("mainEntity", entities);
        page(UrlScheme.FAQ, "faq", pages.faq(groups, ld));
    }

    private void redirects() {
        // On every core, as the article pages: one after the other, a thousand short links kept
        // the second core idle for a third of a second (mostly folders made on disk).
        site.articles().parallelStream().forEach(ra -> redirects(ra.article()));
    }

    /** The short link and the old paths of an article. */
    void redirects(Article a) {
        String target = UrlScheme.article(a);
        String shortLink = UrlScheme.shortLink(a.id());
        // At the site root, a short link goes to the reader's language when the article has it.
        List<Map<String, Object>> choices = edition == editions.first() ? editions.shortLinkChoices(a.id()) : List.of();
        page(shortLink, "redirect", inputs == null ? null : inputs.redirect(shortLink, target, a.title(), choices),
                () -> pages.redirect(shortLink, target, a.title(), choices));
        for (Located<String> alias : a.aliases()) {
            String from = alias.value() + "/";
            page(from, "redirect", inputs == null ? null : inputs.redirect(from, target, a.title(), List.of()),
                    () -> pages.redirect(from, target, a.title()));
        }
    }

    private void data() {
        String base = site.content().config().baseUrl();
        Map<String, String> articleUrls = new HashMap<>();
        site.articles().forEach(ra -> articleUrls.put(ra.article().path() + ".md", base + UrlScheme.article(ra.article())));
        java.util.function.Function<kb.data.Network, String> articleUrl =
                n -> n.article() == null ? null : articleUrls.get(n.article().value());
        writer.write("api/networks.json", NetworksExport.json(site.networks(), base, articleUrl, words.data()));
        if (site.hasLifespans()) {
            writer.write("lifespans/lifespans.csv", NetworksExport.csv(site.networks(), articleUrl, words.data()));
        }
    }

    void feeds() {
        var config = site.content().config();
        List<Feeds.Entry> articles = site.articles().stream()
                .map(ra -> new Feeds.Entry(UrlScheme.article(ra.article()), ra.article().title(), ra.article().summary(),
                        ra.article().updated()))
                .toList();
        List<Feeds.Entry> all = new ArrayList<>();
        all.add(new Feeds.Entry(UrlScheme.HOME, config.name(), config.description(), null));
        site.content().sections().forEach(s -> all.add(new Feeds.Entry(UrlScheme.section(s.slug()), s.title(), "", null)));
        all.addAll(articles);
        all.add(new Feeds.Entry(UrlScheme.FAQ, words.text("faq.title"), "", null));
        if (site.hasLifespans()) {
            all.add(new Feeds.Entry(UrlScheme.LIFESPANS, words.text("lifespans.title"), "", null));
        }
        if (edition == editions.first()) {
            writer.write("sitemap.xml", editions.multilingual() ? sitemap() : Feeds.sitemap(config.baseUrl(), all));
            writer.write("robots.txt", Feeds.robots(config.baseUrl()));
        }
        List<Feeds.Entry> recent = articles.stream()
                .sorted(Comparator.comparing((Feeds.Entry e) -> e.updated() == null ? java.time.LocalDate.MIN : e.updated())
                        .reversed().thenComparing(Feeds.Entry::url))
                .limit(50).toList();
        writer.write("feed.xml", Feeds.atom(config.baseUrl(), config.name(), recent));
        writer.write("llms.txt", Feeds.llms(config.baseUrl(), config.name(), config.description(),
                words.text("llms.articles"), articles));
    }

    /**
     * One sitemap for every language: each page of each language, with the {@code xhtml:link}
     * alternates search engines read to serve a reader the page in their language.
     */
    private String sitemap() {
        List<Feeds.Url> urls = new ArrayList<>();
        for (Editions.Edition e : editions.all()) {
            RenderedSite s = e.site();
            List<Feeds.Entry> pagesOf = new ArrayList<>();
            pagesOf.add(new Feeds.Entry(UrlScheme.HOME, "", "", null));
            s.content().sections().forEach(sec -> pagesOf.add(new Feeds.Entry(UrlScheme.section(sec.slug()), "", "", null)));
            s.articles().forEach(ra -> pagesOf.add(new Feeds.Entry(UrlScheme.article(ra.article()), "", "",
                    ra.article().updated())));
            pagesOf.add(new Feeds.Entry(UrlScheme.FAQ, "", "", null));
            if (s.hasLifespans()) {
                pagesOf.add(new Feeds.Entry(UrlScheme.LIFESPANS, "", "", null));
            }
            for (Feeds.Entry p : pagesOf) {
                urls.add(new Feeds.Url(e.baseUrl() + p.url(), p.updated(), editions.alternates(p.url()).stream()
                        .map(a -> new Feeds.Alternate((String) a.get("lang"), (String) a.get("href"))).toList()));
            }
        }
        return Feeds.sitemap(urls);
    }

    /** The theme's icon for clients that ask the site root for it. */
    private static final String FAVICON = "assets/favicon.ico";

    /** The theme's assets: kb.jar's, each replaced by a local file of the same name. */
    private void assets() {
        // insights: off means no event code in the site at all, not merely code left unused.
        boolean events = site.content().config().insights();
        templates.theme().files("assets").forEach((name, file) -> {
            if (!name.equals("assets/" + WIDGET_SOURCE) && !name.equals("assets/" + WIDGET_STYLE)
                    && (events || !name.equals(EventFormat.MODULE))) {
                writer.copy(file, name); // the widget's two are written with the widget (widget())
            }
        });
        // Pages declare assets/favicon.svg, but feed readers, crawlers and old browsers ask the
        // site root for /favicon.ico whatever a page says: answer them rather than log a 404.
        templates.theme().find(FAVICON).ifPresent(icon -> writer.copy(icon, "favicon.ico"));
    }

    /**
     * An empty file where events go, so hosts that only serve files (a bucket, GitHub Pages)
     * answer them with 200 instead of logging each one as a missing page too.
     */
    private void eventEndpoint() {
        if (site.content().config().insights()) {
            writer.write(EventFormat.PATH, "");
        }
    }

    /**
     * The embeddable widget: {@code widget.js} with the site's settings, each article's body as
     * a data file, and the demo page. Nothing when {@code widget: false}.
     */
    void widget() {
        var config = site.content().config();
        if (!config.widget().enabled()) {
            return;
        }
        Path source = templates.theme().find("assets/" + WIDGET_SOURCE)
                .orElse(templates.theme().local().resolve("assets/" + WIDGET_SOURCE));
        String script = themeFile(source);
        String stylesheet = themeFile(templates.theme().find("assets/" + WIDGET_STYLE)
                .orElse(templates.theme().local().resolve("assets/" + WIDGET_STYLE)));
        // Each article made (its body unpacked) as its file is made, not all of them first.
        List<Integer> ids = site.articles().stream().map(ra -> ra.article().id()).toList();
        Map<String, String> support = new HashMap<>();
        kb.template.SupportModel contacts = pages.supportModel();
        support.put("email", contacts.email());
        support.put("phone", contacts.phone());
        support.put("phoneHref", contacts.phoneHref());
        support.put("chat", contacts.chat());
        try {
            new WidgetFiles(writer::write, cache == null || !cache.on() ? null : this::widgetArticleFile).write(script, stylesheet, config.widget(), config.name(), support,
                    words.strings().forScripts(words.language(), List.of(kb.template.Strings.WIDGET_SCRIPT)),
                    words.language(), kb.template.Strings.direction(words.language()), ids,
                    i -> widgetArticle(site.articles().get(i)));
        } catch (IllegalArgumentException e) {
            throw new KbException(Problem.error(SourceLocation.of(source), e.getMessage(),
                    "put " + WidgetFiles.SETTINGS_MARK + " where the script reads its settings"));
        }
        page(WidgetFiles.DEMO, "widget-demo", pages.widgetDemo(WidgetFiles.DEMO, WidgetFiles.SCRIPT));
    }

    /**
     * An article's widget data file: the previous site's, when it was made from an equal article
     * (the file is a function of it and of kb's code, which the cache's key covers). Converting
     * every body for the widget was 8.5% of a warm build's samples at 10,000 articles (JFR).
     */
    private long widgetArticleFile(String path, int id, java.util.function.Supplier<WidgetArticle> article,
            java.util.function.Supplier<byte[]> make) {
        String key = edition.prefix() + path;
        RenderedArticle ra = byId.get(id);
        String own = ra == null ? null : inputs.widgetArticle(ra.article(), cache.documentKey(ra.article().source()),
                sections.get(ra.article().section()).title());
        BuildCache.Kept previous = cache.reuseInputs(key, own, false);
        String digest = previous != null ? null : cache.digest(WIDGET_ARTICLE, Map.of("article", article.get()));
        if (previous == null) {
            previous = cache.reuseFile(key, digest, own);
        }
        if (previous != null) {
            writer.reuse(previous.file(), path, previous.length());
            return WidgetFiles.summary(previous.length(), previous.crc());
        }
        byte[] bytes = make.get();
        writer.write(path, bytes);
        cache.keep(key, digest, bytes, own);
        return WidgetFiles.summary(bytes);
    }

    /** What the digest of a widget data file's article is tagged with, as a page's is with its template. */
    private static final String WIDGET_ARTICLE = "widget article";

    private WidgetArticle widgetArticle(RenderedArticle ra) {
        return new WidgetArticle(ra.article().id(), ra.article().title(), UrlScheme.article(ra.article()),
                sections.get(ra.article().section()).title(), ra.body().html());
    }

    private static String themeFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new KbException(Problem.error(SourceLocation.of(file), "cannot read the widget's " + file.getFileName()
                    + ": " + e.getMessage(), "turn the widget off with 'widget: false' in kb.yaml, or restore the file"));
        }
    }

    private String markdownCopy(Article a) {
        StringBuilder sb = new StringBuilder("# ").append(a.title()).append("\n\n");
        if (!a.summary().isBlank()) {
            sb.append("> ").append(a.summary()).append("\n\n");
        }
        String url = UrlScheme.article(a);
        DataFacts facts = new DataFacts(site.networks(), words.data(),
                (n, pageUrl) -> TokenFactsBox.markdown(templates, words, n, pageUrl))
                .forPage(url);
        return sb.append(MarkdownRenderer.withFactsAsText(a.markdown().text().strip(), facts)).append('\n').toString();
    }

    private void page(String url, String template, Map<String, Object> model) {
        file(UrlScheme.file(url), template, model, null);
    }

    /**
     * The page at {@code url}: the previous build's when it was made from the same {@code
     * pageInputs} (see PageInputs), so its model is never built; else as {@link #file} makes it.
     */
    private void page(String url, String template, String pageInputs, java.util.function.Supplier<Map<String, Object>> model) {
        String path = UrlScheme.file(url);
        BuildCache.Kept kept = pageInputs == null ? null : cache.reuseInputs(edition.prefix() + path, pageInputs, true);
        if (kept != null) {
            writer.reuse(kept.file(), path, kept.length());
            count.incrementAndGet();
            return;
        }
        file(path, template, model.get(), pageInputs);
    }

    /** @param pageInputs what the page is made from, recorded for the next build (null: nothing) */
    private void file(String path, String template, Map<String, Object> model, String pageInputs) {
        try {
            String digest = cache == null ? null : cache.digest(template, model);
            BuildCache.Kept previous = digest == null ? null : cache.reuse(edition.prefix() + path, digest, pageInputs);
            if (previous != null) {
                writer.reuse(previous.file(), path, previous.length());
            } else {
                byte[] bytes = templates.render(template, model).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                writer.write(path, bytes);
                if (cache != null) {
                    cache.keep(edition.prefix() + path, digest, bytes, pageInputs);
                }
            }
            count.incrementAndGet();
        } catch (KbException e) {
            e.problems().stream().filter(seen::add).forEach(problems::add);
        }
    }

    private static Map<String, List<RenderedArticle>> citedBy(RenderedSite site) {
        Map<String, List<RenderedArticle>> out = new HashMap<>();
        for (RenderedArticle ra : site.articles()) {
            for (Located<String> q : ra.article().faq()) {
                out.computeIfAbsent(q.value(), k -> new ArrayList<>()).add(ra);
            }
        }
        return out;
    }
}
