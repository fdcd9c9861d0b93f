package kb.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import kb.template.Templates;

/**
 * The build, as a recipe: load, render, check, index, write, swap. Any error stops it before
 * the swap, so the previous site stays exactly as it was.
 */
public final class SiteBuild {
    private final BuildOptions options;
    private final java.util.function.Consumer<String> progress;

    public SiteBuild(BuildOptions options) {
        this(options, phase -> { });
    }

    /** @param progress told each phase's name as it starts, for a progress line on a terminal */
    public SiteBuild(BuildOptions options, java.util.function.Consumer<String> progress) {
        this.progress = progress;
        this.options = options;
    }

    /** Builds the site into {@code --out}. @throws KbException with every problem found */
    public BuildReport run() {
        recoverInterruptedSwap();
        PhaseTimer timer = new PhaseTimer(progress);
        return write(prepare(timer), timer).report();
    }

    /** Writes a prepared site and swaps it in; a preview keeps what it returns for incremental updates. */
    Written write(Prepared prepared, PhaseTimer timer) {
        try (SiteWriter writer = SiteWriter.open(options.out())) {
            SearchIndex index = timer.time("search index", () -> SearchRecords.index(prepared.site(), writer));
            PageWriter pages = new PageWriter(prepared.site(), prepared.templates(), index, writer, options.preview());
            int count = timer.time("pages", pages::writeAll);
            long searchBytes = timer.time("browser export", () -> SearchRecords.export(index, writer));
            SiteSearch.stamp(writer, options.content());
            index.close();
            timer.time("swap", () -> commit(writer));
            if (!options.drafts() && !options.preview()) {
                recordPublished(prepared.site());
            }
            return new Written(report(prepared, count, writer.bytesWritten(), searchBytes, timer), pages.relatedShown());
        } catch (IOException e) {
            throw new KbException(Problem.error(SourceLocation.of(options.out()), "cannot write the site: " + e.getMessage()));
        } catch (UncheckedIOException e) {
            throw new KbException(Problem.error(SourceLocation.of(options.out()), "cannot write the site: " + e.getCause().getMessage()));
        }
    }

    /** Every validation of a build, writing nothing. @throws KbException with every problem found */
    public BuildReport check() {
        recoverInterruptedSwap();
        PhaseTimer timer = new PhaseTimer(progress);
        Prepared prepared = prepare(timer);
        return report(prepared, 0, 0, 0, timer);
    }

    /** Loads, renders and checks everything; throws before anything is written if a check fails. */
    Prepared prepare(PhaseTimer timer) {
        Problems problems = new Problems();
        Content content = timer.time("load", () -> new ContentLoader(options.content(), options.drafts()).load(problems));
        if (content.config() == null) {
            problems.throwIfErrors();
        }
        Content withBase = options.baseUrl() == null ? content
                : new Content(content.root(), content.config().withBaseUrl(options.baseUrl()), content.sections(), content.faq());
        Networks networks = NetworksReader.read(options.content().resolve("data").resolve("networks.yaml"), problems);
        Templates templates = timer.time("templates", () -> Templates.load(options.templates(), problems));
        ReferenceCheck.check(withBase, networks, LocalDate.now(), problems);
        kb.check.FactDrift.check(withBase, networks, problems);
        DataFacts facts = new DataFacts(networks, (n, url) -> TokenFactsBox.render(templates, n, url));
        RenderedSite site = timer.time("markdown", () -> new ContentRenderer(withBase, facts).render(withBase, networks, problems));
        timer.time("link check", () -> checkLinks(site, problems));
        problems.throwIfErrors();
        return new Prepared(site, templates, problems);
    }

    /** Every link and anchor, and (unless removals are accepted) every URL published before; a preview's updates too. */
    void checkLinks(RenderedSite site, Problems problems) {
        SiteLinkCheck.check(site, problems);
        if (!options.acceptRemovals()) {
            PublishedManifest.check(options.content(), SiteLinkCheck.targets(site), SiteLinkCheck.redirects(site), problems);
        }
    }

    /** Adds what this build published to content/published-urls.txt (the file writers commit). */
    private void recordPublished(RenderedSite site) {
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

    /** A build killed mid-swap left no site at --out: restore it first, even if this build then fails. */
    private void recoverInterruptedSwap() {
        try {
            SiteWriter.recover(options.out());
        } catch (IOException e) {
            throw new KbException(Problem.error(SourceLocation.of(options.out()), "cannot restore the site: " + e.getMessage()));
        }
    }

    private static void commit(SiteWriter writer) {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BuildReport report(Prepared p, int pages, long bytes, long searchBytes, PhaseTimer timer) {
        Content c = p.site().content();
        return new BuildReport((int) c.articles().count(), c.sections().size(), (int) c.questions().count(),
                p.site().networks().all().size(), pages, p.problems().warnings(), bytes, searchBytes, timer.phases());
    }

    /** A checked, rendered site and its theme, ready to write. */
    record Prepared(RenderedSite site, Templates templates, Problems problems) { }

    /** A written site: its report, and the related articles each article page lists (by id). */
    record Written(BuildReport report, java.util.Map<Integer, java.util.List<Integer>> related) { }
}
