package kb.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import kb.check.FactDrift;
import kb.check.PublishedTargets;
import kb.check.ReferenceCheck;
import kb.content.Article;
import kb.content.Content;
import kb.content.ContentLoader;
import kb.content.Located;
import kb.content.Section;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;
import kb.markdown.Heading;
import kb.output.SiteWriter;
import kb.output.UrlScheme;
import kb.search.BrowserExport;
import kb.search.SearchIndex;
import kb.search.SearchIndexer;
import kb.template.Templates;

/**
 * A build that remembers what it wrote, so a preview applies an edit to existing articles by
 * re-reading and re-rendering those files and rewriting only the pages that show them, on top
 * of the same steps as {@link SiteBuild} (load, Markdown, checks, {@link PageWriter}).
 *
 * <p>What is incremental: an edit to an existing article. Its page and Markdown copy are always
 * rewritten, its related articles computed again; when a field other pages show changes, also
 * those pages: title or weight, every page of its section (navigation, previous/next); title,
 * summary or date, the section page, home page and feeds; title, its short link, the pages that
 * list it as related, the FAQ page when it cites questions, the lifespans page when a network
 * links to it. Checks: the article's front matter, references across the site, its own links,
 * and, when its headings' ids change, every link of the site.
 *
 * <p>On a multilingual site, an edited article's translations are rewritten too when what they
 * show of it changes (its title and date in a stale notice, its heading ids for the language
 * switcher). What is not: a file under {@code content/<language>/}, templates, {@code kb.yaml}, {@code networks.yaml}, FAQ files, section settings,
 * an added, removed or renamed file, an article's id, aliases or draft status: each runs a full
 * build. The search records are indexed afresh by {@link #refreshSearch} (in memory, then the
 * browser export is written; the preview runs it on its own thread when edits pause), which also
 * rewrites the edited pages whose related articles the new index changes. Related lists of other
 * articles are only recomputed by a full build.
 *
 * <p>{@link #apply} and {@link #full} are for one thread; {@link #refreshSearch} may run on another.
 */
public final class IncrementalBuild implements AutoCloseable {
    private static final String MARKDOWN = ".md";
    private static final String MANIFEST = "manifest.js";

    private final BuildOptions options;
    private final Path content;
    private final Path templates;
    private final Path out;
    /** Article files changed since the last good state, in the loader's path form. */
    private final Set<Path> dirty = new LinkedHashSet<>();
    /** Articles rendered since the index was built, whose related list came from the index. */
    private final Set<Integer> relatedFromOldIndex = new HashSet<>();
    private State state;
    private String fullReason = "first build";
    private boolean searchStale;
    /** Counts page updates, so a search refresh knows whether it saw the latest. */
    private long generation;
    /** Counts full builds, so a search refresh started before one throws its result away. */
    private long epoch;

    public IncrementalBuild(BuildOptions options) {
        this.options = options;
        this.content = options.content().toAbsolutePath().normalize();
        this.templates = options.templates().toAbsolutePath().normalize();
        this.out = options.out().toAbsolutePath().normalize();
    }

    /**
     * What one build or update did.
     *
     * @param pages the site URLs (or files) rewritten; empty for a full build
     * @param report the full build's report, else null
     * @param phases milliseconds per step
     */
    public record Update(Kind kind, List<String> pages, long millis, String reason, BuildReport report,
            List<BuildReport.Phase> phases) {
        public Update {
            pages = List.copyOf(pages);
            phases = List.copyOf(phases);
        }

        /**
         * Nothing to do; some pages rewritten; the whole site rebuilt; the search index rebuilt
         * (with the pages whose related articles it changed).
         */
        public enum Kind { NONE, PAGES, FULL, SEARCH }

        static Update none(String reason) {
            return new Update(Kind.NONE, List.of(), 0, reason, null, List.of());
        }
    }

    /** The site as it was last built, with what an update needs to touch it. */
    private record State(RenderedSite site, Templates templates, Map<Integer, List<Integer>> related, SearchIndex index,
            ContentRenderer renderer, Set<Path> files, PublishedTargets targets, Editions editions,
            Map<String, Map<Integer, List<Integer>>> translatedRelated) {
        State with(RenderedSite site, Map<Integer, List<Integer>> related, PublishedTargets targets) {
            return new State(site, templates, related, index, renderer, files, targets, editions, translatedRelated);
        }

        State with(SearchIndex index) {
            return new State(site, templates, related, index, renderer, files, targets, editions, translatedRelated);
        }

        /** Every language's pages, the default's as last updated. */
        Editions current() {
            return editions.with(site);
        }

        /** A writer of the default language's pages, which link to the other languages' as a full build's do. */
        PageWriter writer(Output output, boolean preview, Problems problems) {
            Editions all = current();
            return new PageWriter(all, all.first().code(), templates, index, output, preview, problems,
                    java.util.concurrent.ConcurrentHashMap.newKeySet());
        }
    }

    /** An edit that the preview cannot apply page by page (an id or draft status changed): a full build follows. */
    private static final class FullBuildNeeded extends RuntimeException {
        FullBuildNeeded(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Builds the whole site, as {@code kb build} does, and remembers it. @throws KbException on errors */
    public synchronized Update full() {
        return full(fullReason != null ? fullReason : "full build");
    }

    /**
     * Applies changed files (any path under content/ or templates/; others are ignored): an
     * incremental update when only existing articles changed, else a full build. Throws, having
     * written nothing, when the content has errors; the edits stay pending until they are fixed.
     */
    public synchronized Update apply(Collection<Path> changed) {
        String reason = null;
        for (Path path : changed) {
            String why = classify(path.toAbsolutePath().normalize());
            reason = reason == null ? why : reason;
        }
        if (state == null || fullReason != null || reason != null) {
            return full(reason != null ? reason : fullReason != null ? fullReason : "first build");
        }
        if (dirty.isEmpty()) {
            return Update.none("no change");
        }
        try {
            return pages();
        } catch (FullBuildNeeded e) {
            return full(e.getMessage());
        } catch (RuntimeException e) {
            if (!(e instanceof KbException)) {
                fullReason = "the last update failed"; // the remembered state may be half updated: start afresh
            }
            throw e;
        }
    }

    /** Whether pages were updated since the search index and its browser export were written. */
    public synchronized boolean searchStale() {
        return searchStale;
    }

    /**
     * Indexes the current pages' search records afresh and writes the browser export (files
     * whose content-hashed name exists are kept), then rewrites the edited articles whose related
     * list the new index changes. The indexing runs outside the lock, so {@link #apply} is not
     * kept waiting; the result is dropped if a full build happened meanwhile.
     */
    public Update refreshSearch() {
        long start = System.nanoTime();
        RenderedSite site;
        Words words;
        long seenGeneration;
        long seenEpoch;
        synchronized (this) {
            if (!searchStale || state == null) {
                return Update.none("search is current");
            }
            site = state.site();
            words = new Words(state.templates().strings(), site.content().config().language());
            seenGeneration = generation;
            seenEpoch = epoch;
        }
        PhaseTimer timer = new PhaseTimer();
        SearchIndex index = timer.time("search index", () -> SearchIndexer.buildInMemory(SearchRecords.of(site, words),
                site.content().config().synonyms(), site.content().config().language()));
        Map<String, byte[]> export = new LinkedHashMap<>();
        timer.time("browser export", () -> new BrowserExport(index, export::put).write());
        synchronized (this) {
            if (state == null || epoch != seenEpoch) {
                index.close();
                return Update.none("a full build replaced the site meanwhile");
            }
            try (SiteWriter writer = SiteWriter.inPlace(out)) {
                timer.time("write", () -> writeExport(writer, export));
                SearchIndex old = state.index();
                state = state.with(index);
                old.close();
                searchStale = generation != seenGeneration;
                List<String> pages = timer.time("related", () -> rerenderRelated(writer));
                return new Update(Update.Kind.SEARCH, pages, millis(start), "search index", null, timer.phases());
            } catch (IOException | UncheckedIOException e) {
                fullReason = "the search index could not be updated";
                throw new KbException(Problem.error(SourceLocation.of(options.out()),
                        "cannot update the search data: " + e.getMessage()));
            }
        }
    }

    @Override
    public synchronized void close() {
        if (state != null) {
            state.index().close();
            state = null;
        }
    }

    private Update full(String reason) {
        long start = System.nanoTime();
        epoch++;
        try {
            PhaseTimer timer = new PhaseTimer();
            Set<Path> files = contentFiles();
            SiteWriter.recover(options.out());
            SiteWriter.Trash trash = SiteWriter.emptyTrash(options.out());
            BuildReport report;
            // The old site's index is let go just before the swap moves its files aside.
            try (WholeSite steps = new WholeSite(options, true, this::close)) {
                report = steps.report(Pipeline.run(steps, Phase.SWAP, timer), timer);
                RenderedSite site = steps.site();
                SearchIndex index = SearchIndex.open(out.resolve(SearchRecords.LUCENE), site.content().config().synonyms());
                state = new State(site, steps.templates(), steps.related(), index, steps.renderer(), files,
                        WholeSite.publishedTargets(steps.editions()), steps.editions(), steps.translatedRelated());
            }
            trash.await();
            dirty.clear();
            relatedFromOldIndex.clear();
            fullReason = null;
            searchStale = false;
            return new Update(Update.Kind.FULL, List.of(), millis(start), reason, report, report.phases());
        } catch (UncheckedIOException e) {
            fullReason = reason;
            throw new KbException(Problem.error(SourceLocation.of(options.out()), "cannot write the site: " + e.getMessage()));
        } catch (KbException e) {
            fullReason = reason;
            throw e;
        } catch (IOException e) {
            fullReason = reason;
            throw new KbException(Problem.error(SourceLocation.of(options.out()), "cannot open the search index: " + e.getMessage()));
        }
    }

    /** Null when the change can be applied incrementally (or ignored), else why a full build is needed. */
    private String classify(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (path.startsWith(out) || name.startsWith(".")) {
            return null; // our own output, or an editor's swap and backup files: the loader skips them too
        }
        if (path.startsWith(templates)) {
            return "templates changed";
        }
        if (!path.startsWith(content) || state == null) {
            return state == null ? "first build" : null;
        }
        boolean known = state.files().contains(path);
        boolean exists = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        if (!known && !exists) {
            return null; // a temporary file that came and went
        }
        Path rel = content.relativize(path);
        boolean article = rel.getNameCount() == 3 && rel.getName(0).toString().equals("articles") && name.endsWith(MARKDOWN);
        if (!article) {
            if (known && exists && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return null; // a folder's own timestamp: its files report their changes themselves
            }
            return rel + " changed";
        }
        if (!known) {
            return "an article was added: " + rel;
        }
        if (!exists) {
            return "an article was removed or renamed: " + rel;
        }
        dirty.add(options.content().resolve(rel.toString()));
        return null;
    }

    /** Runs the pipeline over the dirty articles and the pages that show them. */
    private Update pages() {
        long start = System.nanoTime();
        PhaseTimer timer = new PhaseTimer();
        EditedArticles edit = new EditedArticles();
        Pipeline.run(edit, Phase.SWAP, timer);
        dirty.clear();
        if (edit.edited.isEmpty()) { // drafts the preview does not show: checked, nothing to write
            return new Update(Update.Kind.NONE, List.of(), millis(start), "no page shows the changed file", null, timer.phases());
        }
        generation++;
        searchStale = true;
        return new Update(Update.Kind.PAGES, edit.urls, millis(start), "articles changed", null, timer.phases());
    }

    /**
     * The phases over an edit: the dirty articles are read and rendered again, checked (their
     * front matter, references across the site, typed facts, their links, every link of the site
     * when their headings' ids change), the pages that show them rendered in memory with the
     * theme's links checked, and only then written in place.
     */
    private final class EditedArticles implements Pipeline.Steps {
        private final RenderedSite before = state.site();
        private final Map<Path, RenderedArticle> old = new HashMap<>();
        private final Map<Path, Article> edited = new LinkedHashMap<>();
        private Content after;
        private List<RenderedArticle> fresh = List.of();
        private RenderedSite site;
        private PublishedTargets targets;
        private AffectedPages affected;
        private final Output.Held output = Output.held(out);
        private PageWriter pages;
        private List<String> urls = List.of();
        /** The translations' pages rewritten, under their language's folder. */
        private List<String> translations = List.of();

        EditedArticles() {
            before.articles().forEach(ra -> old.put(ra.article().source(), ra));
        }

        @Override
        public void load(Problems problems) {
            ContentLoader loader = new ContentLoader(options.content(), options.drafts());
            for (Path file : dirty) {
                Article now = loader.readArticle(file, problems);
                if (now == null) {
                    continue;
                }
                RenderedArticle was = old.get(file);
                boolean shown = options.drafts() || !now.draft();
                if ((was != null) != shown) {
                    throw new FullBuildNeeded("an article's draft status changed: " + file);
                }
                if (was != null && (was.article().id() != now.id()
                        || !values(was.article().aliases()).equals(values(now.aliases())))) {
                    throw new FullBuildNeeded("an article's id or aliases changed: " + file);
                }
                if (was != null) {
                    edited.put(file, now);
                }
            }
            after = withArticles(before.content(), edited);
        }

        @Override
        public void render(Problems problems) {
            fresh = edited.values().parallelStream().map(a -> state.renderer().article(a, problems)).toList();
            Map<Path, RenderedArticle> rendered = new HashMap<>(old);
            fresh.forEach(ra -> rendered.put(ra.article().source(), ra));
            site = new RenderedSite(after, before.networks(),
                    after.articles().map(a -> rendered.get(a.source())).toList(), before.questions());
        }

        @Override
        public void check(Problems problems) {
            if (edited.isEmpty()) {
                return;
            }
            ReferenceCheck.check(after, before.networks(), LocalDate.now(), problems);
            FactDrift.check(edited.values(), before.networks(), problems);
            boolean anchorsMoved = fresh.stream().anyMatch(ra -> !anchors(ra).equals(anchors(old.get(ra.article().source()))));
            if (anchorsMoved) { // another page may link to one of the old ids
                targets = WholeSite.publishedTargets(state.editions().with(site));
                WholeSite.checkLinks(options, site, problems, targets);
            } else {
                SiteLinkCheck.check(fresh, site.content().root(), state.targets(), problems);
                targets = state.targets();
            }
        }

        /** The search index stays the last one; {@link #refreshSearch} indexes the edits once they pause. */
        @Override
        public void index() {
        }

        @Override
        public void pages(Problems problems) {
            List<Article> was = edited.keySet().stream().map(f -> old.get(f).article()).toList();
            List<Article> now = List.copyOf(edited.values());
            affected = AffectedPages.of(site, state.related(), was, now);
            Editions editions = state.editions().with(site);
            pages = new PageWriter(editions, editions.first().code(), state.templates(), state.index(), output,
                    options.preview(), problems, java.util.concurrent.ConcurrentHashMap.newKeySet());
            Set<Integer> editedIds = new HashSet<>();
            now.forEach(a -> editedIds.add(a.id()));
            affected.articles().parallelStream().forEach(ra -> pages.article(ra,
                    editedIds.contains(ra.article().id()) ? null : state.related().get(ra.article().id())));
            if (!affected.articles().isEmpty()) {
                pages.widget(); // an article's data file and widget.js's data version, as a full build writes them
            }
            affected.sections().forEach(pages::section);
            affected.redirects().forEach(pages::redirects);
            if (affected.home()) {
                pages.home();
            }
            if (affected.faq()) {
                pages.faq();
            }
            if (affected.lifespans()) {
                pages.lifespans();
            }
            if (affected.feeds()) {
                pages.feeds();
            }
            affected.samples().forEach(pages::checkTemplateLinks);
            translations = translationsShowing(editions, was, now, problems);
        }

        /**
         * Rewrites the translations of edited articles whose pages show what changed: the
         * original's title or date (a stale notice) or its heading ids (the language switcher).
         */
        private List<String> translationsShowing(Editions editions, List<Article> was, List<Article> now, Problems problems) {
            List<String> urls = new ArrayList<>();
            for (Editions.Edition e : editions.all().subList(1, editions.all().size())) {
                PageWriter writer = new PageWriter(editions, e.code(), state.templates(), null, output, options.preview(),
                        problems, java.util.concurrent.ConcurrentHashMap.newKeySet());
                Map<Integer, RenderedArticle> translated = e.site().byId();
                for (int i = 0; i < now.size(); i++) {
                    Article before = was.get(i);
                    Article after = now.get(i);
                    RenderedArticle t = translated.get(after.id());
                    boolean shown = !before.title().equals(after.title()) || !java.util.Objects.equals(before.updated(), after.updated())
                            || !anchors(old.get(after.source())).equals(anchors(fresh.stream()
                                    .filter(ra -> ra.article().source().equals(after.source())).findFirst().orElseThrow()));
                    if (t != null && shown) {
                        writer.article(t, state.translatedRelated().getOrDefault(e.code(), Map.of()).getOrDefault(after.id(), List.of()));
                        urls.add(e.prefix() + UrlScheme.article(t.article()));
                    }
                }
            }
            return urls;
        }

        @Override
        public void write() {
            try (SiteWriter writer = SiteWriter.inPlace(out)) {
                output.writeTo(writer);
            } catch (IOException | UncheckedIOException e) {
                fullReason = "an update could not be written";
                throw new KbException(Problem.error(SourceLocation.of(options.out()), "cannot write the site: " + e.getMessage()));
            }
        }

        /** Nothing to swap: each page was replaced on its own, atomically (a reader sees the old or the new). */
        @Override
        public void swap() {
            if (edited.isEmpty()) {
                return;
            }
            Map<Integer, List<Integer>> related = new HashMap<>(state.related());
            related.putAll(pages.relatedShown());
            state = state.with(site, related, targets);
            edited.values().stream().filter(a -> a.related().isEmpty()).forEach(a -> relatedFromOldIndex.add(a.id()));
            urls = new ArrayList<>(affected.urls());
            urls.addAll(translations);
        }
    }

    /** After a re-index, rewrites the edited pages whose computed related list the new index changes. */
    private List<String> rerenderRelated(SiteWriter writer) {
        RenderedSite site = state.site();
        Map<Integer, RenderedArticle> byId = site.byId();
        List<RenderedArticle> stale = new ArrayList<>();
        for (int id : relatedFromOldIndex) {
            RenderedArticle ra = byId.get(id);
            if (ra != null && ra.article().related().isEmpty()) {
                List<Integer> now = state.index().related(id, ra.article().title() + "\n" + ra.body().plainText(),
                        PageWriter.RELATED).stream().filter(byId::containsKey).toList();
                if (!now.equals(state.related().get(id))) {
                    stale.add(ra);
                }
            }
        }
        relatedFromOldIndex.clear();
        if (stale.isEmpty()) {
            return List.of();
        }
        Problems problems = new Problems();
        PageWriter pages = state.writer(Output.to(writer), options.preview(), problems);
        stale.forEach(pages::article);
        problems.throwIfErrors();
        Map<Integer, List<Integer>> related = new HashMap<>(state.related());
        related.putAll(pages.relatedShown());
        state = state.with(site, related, state.targets());
        return stale.stream().map(ra -> UrlScheme.article(ra.article())).toList();
    }

    /** Writes the browser export in place: new or changed files, then the manifest; drops files it no longer lists. */
    private static void writeExport(SiteWriter writer, Map<String, byte[]> export) {
        Path folder = writer.resolve(SearchRecords.BROWSER + MANIFEST).getParent();
        export.forEach((file, bytes) -> {
            // Vocabulary files and shared postings are named by their content: one that exists
            // already holds these bytes. Term shards, record blocks and head files are named by
            // number and letters, so theirs are compared.
            boolean named = file.startsWith("t/") || file.startsWith("d/") || file.startsWith("h/");
            if (!file.equals(MANIFEST) && (!Files.isRegularFile(folder.resolve(file))
                    || named && !sameBytes(folder.resolve(file), bytes))) {
                writer.write(SearchRecords.BROWSER + file, bytes);
            }
        });
        writer.write(SearchRecords.BROWSER + MANIFEST, export.get(MANIFEST));
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String rel = folder.relativize(file).toString().replace('\\', '/');
                if (!export.containsKey(rel)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameBytes(Path file, byte[] bytes) {
        try {
            return java.util.Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException e) {
            return false;
        }
    }

    /** The content with edited articles in place of the old ones, each edited section in reading order again. */
    private static Content withArticles(Content content, Map<Path, Article> edited) {
        Set<String> touched = new HashSet<>();
        edited.values().forEach(a -> touched.add(a.section()));
        List<Section> sections = new ArrayList<>();
        for (Section s : content.sections()) {
            if (!touched.contains(s.slug())) {
                sections.add(s);
                continue;
            }
            List<Article> articles = new ArrayList<>(s.articles().stream().map(a -> edited.getOrDefault(a.source(), a)).toList());
            articles.sort(ContentLoader.READING_ORDER);
            sections.add(new Section(s.slug(), s.title(), s.description(), s.order(), articles));
        }
        return new Content(content.root(), content.config(), sections, content.faq(), content.translations());
    }

    private static Set<String> anchors(RenderedArticle ra) {
        Set<String> ids = new HashSet<>();
        for (Heading h : ra.body().headings()) {
            ids.add(h.id());
            ids.addAll(h.aliases());
        }
        return ids;
    }

    /** Every file and folder under content/, to tell an edit from an added or removed file. */
    private Set<Path> contentFiles() {
        if (!Files.isDirectory(content)) {
            return Set.of();
        }
        try (Stream<Path> all = Files.walk(content)) {
            return Set.copyOf(all.map(p -> p.toAbsolutePath().normalize()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> values(List<Located<T>> located) {
        return located.stream().map(Located::value).toList();
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
