package kb.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kb.check.FactDrift;
import kb.check.PublishedManifest;
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

    /** @param writes whether the run writes the site (build) or stops after the pages (check) */
    WholeSite(BuildOptions options, boolean writes, Runnable beforeSwap) {
        this.options = options;
        this.writes = writes;
        this.beforeSwap = beforeSwap;
    }

    @Override
    public void load(Problems problems) {
        Content loaded = new ContentLoader(options.content(), options.drafts()).load(problems);
        if (loaded.config() == null) {
            problems.throwIfErrors(); // no kb.yaml: nothing else can be read sensibly
        }
        content = options.baseUrl() == null ? loaded : loaded.withConfig(loaded.config().withBaseUrl(options.baseUrl()));
        networks = NetworksReader.read(options.content().resolve("data").resolve("networks.yaml"),
                content.config().languages().stream().map(kb.content.Language::code).toList(), problems);
        templates = Templates.load(options.templates(), problems);
        templates.strings().require(content.config().language(), SiteLanguage.at(options.content()), problems);
    }

    @Override
    public void render(Problems problems) {
        Words words = words();
        DataFacts facts = new DataFacts(networks, words.data(), (n, url) -> TokenFactsBox.render(templates, words, n, url));
        renderer = new ContentRenderer(content, facts, words);
        site = renderer.render(content, networks, problems);
    }

    @Override
    public void check(Problems problems) {
        ReferenceCheck.check(content, networks, LocalDate.now(), problems);
        FactDrift.check(content, networks, problems);
        checkLinks(options, site, problems);
    }

    /** Every link and anchor, and (unless removals are accepted) every URL published before. */
    static void checkLinks(BuildOptions options, RenderedSite site, Problems problems) {
        SiteLinkCheck.check(site, problems);
        if (!options.acceptRemovals()) {
            PublishedManifest.check(options.content(), SiteLinkCheck.targets(site), SiteLinkCheck.redirects(site), problems);
        }
    }

    @Override
    public void index() {
        if (!writes) {
            output = Output.held(null);
            index = SearchIndexer.buildInMemory(SearchRecords.of(site, words()), site.content().config().synonyms());
            return;
        }
        try {
            writer = SiteWriter.open(options.out());
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        output = Output.to(writer);
        index = SearchRecords.index(site, words(), writer);
    }

    @Override
    public void pages(Problems problems) {
        PageWriter pages = new PageWriter(site, templates, index, output, options.preview(), problems);
        pageCount = pages.writeAll();
        related = pages.relatedShown();
    }

    @Override
    public void write() {
        searchBytes = SearchRecords.export(index, writer);
        SiteSearch.stamp(writer, options.content());
        index.close();
        index = null;
    }

    @Override
    public void swap() {
        beforeSwap.run();
        try {
            writer.commit();
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        if (!options.drafts() && !options.preview()) {
            recordPublished();
        }
    }

    /** Throws the staging folder away unless it was swapped in, and closes the search index. */
    @Override
    public void close() {
        if (index != null) {
            index.close();
            index = null;
        }
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw cannotWrite(e);
            }
        }
    }

    /** Adds what this build published to content/published-urls.txt (the file writers commit). */
    private void recordPublished() {
        Path file = options.content().resolve(PublishedManifest.FILE);
        String text = PublishedManifest.updated(options.content(), SiteLinkCheck.targets(site), options.acceptRemovals());
        try {
            if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    KbException cannotWrite(IOException e) {
        return new KbException(Problem.error(SourceLocation.of(options.out()), "cannot write the site: " + e.getMessage()));
    }

    RenderedSite site() {
        return site;
    }

    Templates templates() {
        return templates;
    }

    /** The theme's words in the site's language. */
    Words words() {
        return new Words(templates.strings(), content.config().language());
    }

    ContentRenderer renderer() {
        return renderer;
    }

    /** What each article page lists as related, by article id. */
    Map<Integer, List<Integer>> related() {
        return related;
    }

    BuildReport report(Problems problems, PhaseTimer timer) {
        Content c = site.content();
        return new BuildReport((int) c.articles().count(), c.sections().size(), (int) c.questions().count(),
                site.networks().all().size(), writes ? pageCount : 0, problems.warnings(),
                writer == null ? 0 : writer.bytesWritten(), searchBytes, timer.phases());
    }
}
