package kb.pipeline;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kb.check.FactDrift;
import kb.check.PublishedManifest;
import kb.check.PublishedTargets;
import kb.check.ReferenceCheck;
import kb.content.Content;
import kb.content.ContentLoader;
import kb.data.DataFacts;
import kb.data.Networks;
import kb.data.NetworksReader;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;
import kb.output.SiteWriter;
import kb.search.SearchIndex;
import kb.search.SearchIndexer;
import kb.template.Templates;

/**
 * The phases over the whole site: what {@code kb build} and {@code kb check} run, and a preview's
 * full build. A run that writes puts its pages in a staging folder beside {@code --out} and swaps
 * it in at the end; one that does not (check) keeps them in memory and throws them away.
 */
final class WholeSite implements Pipeline.Steps, AutoCloseable {
    private final BuildOptions options;
    private final boolean writes;
    /** Run just before the swap: a preview lets go of the old site's search index there. */
    private final Runnable beforeSwap;
    private Content content;
    private Networks networks;
    private Templates templates;
    private ContentRenderer renderer;
    private RenderedSite site;
    private SiteWriter writer;
    private Output output;
    private SearchIndex index;
    private int pageCount;
    private long searchBytes;
    private Map<Integer, List<Integer>> related = Map.of();
    /** Each language other than the default, in kb.yaml's order: its rendered content and search index. */
    private final List<Translation> translations = new java.util.ArrayList<>();
    private Editions editions;
    /** What the previous build left to reuse, and what this one leaves for the next. */
    private BuildCache cache;
    private final Map<String, Map<Integer, List<Integer>>> translatedRelated = new java.util.HashMap<>();
    /**
     * content/published-urls.txt as this build will leave it, made while the link check has every
     * page and anchor listed: made again at the end, that list came on top of everything the
     * build still held (a 100,000-article build under -Xmx1g ran out there). Deflated; null: not recorded.
     */
    private byte[] manifest;

    /** One language other than the default: its edition of the site, and its search index once built. */
    private static final class Translation {
        final Editions.Edition edition;
        SearchIndex index;

        Translation(Editions.Edition edition) {
            this.edition = edition;
        }
    }

    /** @param writes whether the run writes the site (build) or stops after the pages (check) */
    WholeSite(BuildOptions options, boolean writes, Runnable beforeSwap) {
        this.options = options;
        this.writes = writes;
        this.beforeSwap = beforeSwap;
    }

    @Override
    public void load(Problems problems) {
        // Only a build that writes the site keeps a cache: it is swapped in with the site it
        // describes. Read on a thread of its own while the content is read: it needs none of it.
        boolean cached = writes && options.cache() && !options.preview();
        ArticleCache articles = cached ? ArticleCache.open(options.content(), options.out()) : null;
        java.util.concurrent.FutureTask<BuildCache> opening = cached
                ? new java.util.concurrent.FutureTask<>(() -> BuildCache.open(options, articles)) : null;
        if (opening != null) {
            Thread t = new Thread(opening, "kb-cache-open");
            t.setDaemon(true); // a build that fails before it needs the cache does not wait for it
            t.start();
        }
        Content loaded = new ContentLoader(options.content(), options.drafts(),
                articles == null ? kb.content.ArticleMemo.NONE : articles).load(problems);
        if (loaded.config() == null) {
            problems.throwIfErrors(); // no kb.yaml: nothing else can be read sensibly
        }
        content = options.baseUrl() == null ? loaded : loaded.withConfig(loaded.config().withBaseUrl(options.baseUrl()));
        networks = NetworksReader.read(options.content().resolve("data").resolve("networks.yaml"),
                content.config().languages().stream().map(kb.content.Language::code).toList(), problems);
        templates = Templates.load(options.templates(), problems);
        for (kb.content.Language language : content.config().languages()) {
            templates.strings().require(language.code(), language.at(), problems);
        }
        cache = opening != null ? opened(opening) : BuildCache.off(options.content());
    }

    private static BuildCache opened(java.util.concurrent.FutureTask<BuildCache> opening) {
        try {
            return opening.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the build cache", e);
        }
    }

    @Override
    public void render(Problems problems) {
        Words words = words();
        DataFacts facts = new DataFacts(networks, words.data(), (n, url) -> TokenFactsBox.render(templates, words, n, url));
        renderer = new ContentRenderer(content, null, facts, words, cache);
        site = renderer.render(content, networks, problems);
        List<Editions.Edition> all = new java.util.ArrayList<>(List.of(new Editions.Edition(content.config().defaultLanguage(), "", site)));
        for (kb.content.Language l : content.config().languages().subList(1, content.config().languages().size())) {
            Content translated = content.translations().get(l.code());
            Networks localized = networks.in(l.code());
            Words its = words(l.code());
            DataFacts own = new DataFacts(localized, its.data(), (n, url) -> TokenFactsBox.render(templates, its, n, url));
            RenderedSite rendered = new ContentRenderer(translated, content, own, its, cache).render(translated, localized, problems);
            Editions.Edition e = new Editions.Edition(l, l.code() + "/", rendered);
            translations.add(new Translation(e));
            all.add(e);
        }
        editions = new Editions(all);
    }

    @Override
    public void check(Problems problems) {
        ReferenceCheck.check(content, networks, LocalDate.now(), problems);
        FactDrift.check(content, networks, problems, cache::factsCheckedBefore, cache::factsClean);
        translations.forEach(t -> SiteLinkCheck.check(t.edition.site(), site, problems));
        PublishedTargets published = publishedTargets();
        if (PublishedManifest.current(options.content(), published)) {
            // Nothing published disappears, and the manifest stays as it is.
            SiteLinkCheck.check(site, problems);
        } else {
            checkLinks(options, site, problems, published);
            if (writes && !options.drafts() && !options.preview()) {
                manifest = PublishedManifest.updated(options.content(), published, options.acceptRemovals());
            }
        }
        TranslationStatus.check(editions, problems);
    }

    /** Every link and anchor, and (unless removals are accepted) every URL published before. */
    static void checkLinks(BuildOptions options, RenderedSite site, Problems problems) {
        checkLinks(options, site, problems, SiteLinkCheck.targets(site));
    }

    /** Every link and anchor of the default language, and every URL published before in any language. */
    static void checkLinks(BuildOptions options, RenderedSite site, Problems problems, PublishedTargets published) {
        SiteLinkCheck.check(site, problems);
        if (!options.acceptRemovals()) {
            PublishedManifest.check(options.content(), published, SiteLinkCheck.redirects(site), problems);
        }
    }

    /** What every language publishes: the default's pages, then each other language's under its folder. */
    private PublishedTargets publishedTargets() {
        return publishedTargets(editions);
    }

    /** What every language of {@code editions} publishes, each under its folder. */
    static PublishedTargets publishedTargets(Editions editions) {
        PublishedTargets targets = new PublishedTargets();
        editions.all().forEach(e -> SiteLinkCheck.targets(e.site(), e.prefix(), targets));
        return targets;
    }

    @Override
    public void index() {
        if (!writes) {
            output = Output.held(null);
            index = SearchRecords.inMemory(site, words());
            translations.forEach(t -> t.index = SearchRecords.inMemory(t.edition.site(), words(t.edition.code())));
            return;
        }
        try {
            // A site whose pages the cache describes is updated in place: only what changed is written.
            writer = cache.keepsPages() ? SiteWriter.update(options.out()) : SiteWriter.open(options.out());
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        output = Output.to(writer);
        cache.stage(writer);
        index = SearchRecords.index(site, words(), writer, "", cache.analyses(), cache.previousIndex(""),
                a -> cache.documentKey(a.source()));
        index.relatedFrom(cache.related(""));
        cache.indexed("", index);
        translations.forEach(t -> {
            t.index = SearchRecords.index(t.edition.site(), words(t.edition.code()), writer, t.edition.prefix(),
                    cache.analyses(), cache.previousIndex(t.edition.prefix()), a -> cache.documentKey(a.source()));
            t.index.relatedFrom(cache.related(t.edition.prefix()));
            cache.indexed(t.edition.prefix(), t.index);
        });
    }

    @Override
    public void pages(Problems problems) {
        java.util.Set<kb.diagnostic.Problem> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        PageWriter pages = new PageWriter(editions, editions.first().code(), templates, index, output, options.preview(),
                problems, seen, cache);
        List<PageWriter> writers = new java.util.ArrayList<>(List.of(pages));
        translations.forEach(t -> writers.add(new PageWriter(editions, t.edition.code(), templates, t.index, output,
                options.preview(), problems, seen, cache)));
        pageCount = writers.stream().mapToInt(PageWriter::writePages).sum();
        cache.paged();
        // Only now: each language's switcher links to pages of the languages written after it.
        writers.forEach(PageWriter::checkTemplateLinks);
        related = pages.relatedShown();
        for (int i = 0; i < translations.size(); i++) {
            translatedRelated.put(translations.get(i).edition.code(), writers.get(i + 1).relatedShown());
        }
    }

    @Override
    public void write() {
        searchBytes = SearchRecords.export(index, writer, "", cache);
        for (Translation t : translations) {
            searchBytes += SearchRecords.export(t.index, writer, t.edition.prefix(), cache);
        }
        // The content files' digests of the site being replaced are the build cache's to trust.
        SiteSearch.stamp(writer, options.content(), cache.on() ? options.out() : null);
        cache.keepRelated("", index.relatedMemo());
        translations.forEach(t -> cache.keepRelated(t.edition.prefix(), t.index.relatedMemo()));
        cache.save(writer);
        closeIndexes();
    }

    private void closeIndexes() {
        if (index != null) {
            index.close();
            index = null;
        }
        for (Translation t : translations) {
            if (t.index != null) {
                t.index.close();
                t.index = null;
            }
        }
    }

    @Override
    public void swap() {
        beforeSwap.run();
        try {
            writer.commit();
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        if (manifest != null) {
            PublishedManifest.record(options.content(), manifest);
        }
    }

    /** Throws the staging folder away unless it was swapped in, and closes the search index. */
    @Override
    public void close() {
        closeIndexes();
        if (cache != null) {
            cache.close();
        }
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw cannotWrite(e);
            }
        }
    }

    KbException cannotWrite(IOException e) {
        return new KbException(Problem.error(SourceLocation.of(options.out()), "cannot write the site: " + e.getMessage()));
    }

    RenderedSite site() {
        return site;
    }

    /** One language's rendered content, by code. */
    RenderedSite site(String language) {
        return editions.get(language).site();
    }

    Templates templates() {
        return templates;
    }

    /** The theme's words in the site's (default) language. */
    Words words() {
        return new Words(templates.strings(), content.config().language());
    }

    /** The theme's words in one of the site's languages. */
    Words words(String language) {
        return new Words(templates.strings(), language);
    }

    ContentRenderer renderer() {
        return renderer;
    }

    Editions editions() {
        return editions;
    }

    /** What each translated article page lists as related, by language code, then article id. */
    Map<String, Map<Integer, List<Integer>>> translatedRelated() {
        return Map.copyOf(translatedRelated);
    }

    /** What each article page lists as related, by article id. */
    Map<Integer, List<Integer>> related() {
        return related;
    }

    BuildReport report(Problems problems, PhaseTimer timer) {
        Content c = site.content();
        return new BuildReport((int) c.articles().count(), c.sections().size(), (int) c.questions().count(),
                site.networks().all().size(), writes ? pageCount : 0, problems.warnings(),
                writer == null ? 0 : writer.bytesWritten(), searchBytes, timer.phases(),
                cache == null ? BuildReport.Reuse.NONE : cache.reused());
    }
}
