package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import kb.markdown.RenderedMarkdown;
import kb.markdown.TextSection;
import kb.testing.FixtureSites;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that reuses the build cache in {@code site/.kb/cache/} makes the very site a build
 * without it makes, whatever changed in between, and a cache that is missing, damaged or made
 * by another kb is never trusted. Each test builds the fixture, changes something, builds again
 * with the cache ("warm"), and compares the result byte for byte with a build of the same
 * content into an empty folder ("cold"); the {@code .kb/} folders aside, as in {@link ReproducibleBuildTest}.
 */
class BuildCacheTest {
    @TempDir
    Path dir;

    private Path content;
    private Path templates;
    private Path site;

    /** The fixture and the shipped theme, built once: the site whose cache the next build reads. */
    private BuildReport first() {
        content = FixtureSites.copy("small-site", dir.resolve("content"));
        templates = FixtureSites.copyTree(Path.of("templates"), dir.resolve("templates"));
        site = dir.resolve("site");
        BuildReport report = build(site, true);
        assertTrue(Files.isRegularFile(site.resolve(BuildCache.MARKDOWN)), "the first build leaves a cache");
        assertEquals(0, report.reused().pagesReused() + report.reused().documentsReused(), "nothing to reuse yet");
        return report;
    }

    /** The shipped help center (two languages) and theme, built once, as {@link #first} builds the fixture. */
    private void firstShipped() {
        content = FixtureSites.copyTree(Path.of("content"), dir.resolve("content"));
        templates = FixtureSites.copyTree(Path.of("templates"), dir.resolve("templates"));
        site = dir.resolve("site");
        build(site, true);
    }

    private BuildReport build(Path out, boolean cache) {
        // Removals accepted: removing and renaming an article are among the changes tested.
        return new SiteBuild(new BuildOptions(content, templates, out, null, false, false, true, cache)).run();
    }

    /** Builds warm over the first site, then cold elsewhere, asserts they are the same site, and returns the warm report. */
    private BuildReport warmEqualsCold() {
        BuildReport warm = build(site, true);
        Path cold = dir.resolve("cold");
        build(cold, false);
        List<String> coldFiles = withoutKb(cold);
        assertTrue(coldFiles.size() > 20, coldFiles.toString());
        assertEquals("", FixtureSites.diff(coldFiles, withoutKb(site)),
                "the warm build's site differs from the cold build's");
        assertTrue(Files.notExists(cold.resolve(BuildCache.FOLDER)), "--no-cache leaves no cache");
        return warm;
    }

    /** Every file of a site but those under a {@code .kb/} folder (each language has one). */
    private static List<String> withoutKb(Path site) {
        return FixtureSites.hashes(site).stream().filter(h -> !h.startsWith(".kb/") && !h.contains("/.kb/")).toList();
    }

    private String articleText(String url) throws IOException {
        return Jsoup.parse(Files.readString(site.resolve(url + "index.html"))).select("main article").text();
    }

    private void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " has " + from);
        Files.writeString(file, text.replace(from, to));
    }

    /** The summary's site size is the site's, whether its files came from the cache or not: the cache's own files are not the site. */
    @Test
    void aWarmBuildReportsTheSameSiteSizeAsAColdOne() {
        first();
        BuildReport warm = build(site, true);
        assertTrue(warm.reused().documentsReused() > 0, "the Markdown came from the cache");
        BuildReport cold = build(dir.resolve("cold"), false);
        assertEquals(cold.outputBytes(), warm.outputBytes(),
                () -> "files that differ:\n" + FixtureSites.diff(withoutKb(dir.resolve("cold")), withoutKb(site)));
    }

    /**
     * The summary's site size is what the site serves: every file but kb's own under a
     * {@code .kb/} folder, whose stamp is shorter when a content file was written just before
     * the build, so counting it made the same site's size vary.
     */
    @Test
    void theReportedSizeIsTheServedFilesSize() throws IOException {
        BuildReport cold = first();
        BuildReport warm = build(site, true);
        long served;
        try (var files = Files.walk(site)) {
            served = files.filter(Files::isRegularFile).filter(f -> !site.relativize(f).toString().replace('\\', '/').matches("(.*/)?\\.kb/.*"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
        assertEquals(served, cold.outputBytes());
        assertEquals(served, warm.outputBytes());
    }

    /**
     * The initials of a phrase the pages name twice are indexed unless some record holds them as
     * a word; a warm build reads only the records an edit changed for initials no record held,
     * and the others only when the record that held one changed.
     */
    @Test
    void initialsAreLeftOutOnceAnEditMakesThemAWordAndBackWhenItGoes() throws IOException {
        first();
        Files.writeString(content.resolve("articles/getting-started/tokens.md"),
                "\n## Profit and loss\n\nWhat tokens cost.\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(content.resolve("articles/troubleshooting/reconnect.md"),
                "\n## Profit and loss\n\nWhat reconnecting costs.\n", java.nio.file.StandardOpenOption.APPEND);
        warmEqualsCold();
        Path article = content.resolve("articles/getting-started/how-it-works.md");
        edit(article, "rests on a token", "rests on a token, as the PL figures show");
        warmEqualsCold();
        edit(article, "as the PL figures show", "as the yearly figures show");
        warmEqualsCold();
    }

    /** A build in a new process takes each search record's analysed text from the cache, and indexes what the text gives. */
    @Test
    void searchRecordsAnalysedBeforeAreNotAnalysedAgain() throws IOException {
        BuildReport cold = first();
        assertEquals(0, cold.reused().analysesReused());
        edit(content.resolve("articles/getting-started/how-it-works.md"), "rests on a token", "rests on one token");
        BuildReport warm = warmEqualsCold();
        assertTrue(warm.reused().analyses() > 10, "records and related texts: " + warm.reused());
        // The edited article's records (found by the key its body renders under, which the edit
        // changed) and its related-articles text are analysed again; the rest are not.
        int records = records(content.resolve("articles/getting-started/how-it-works.md"));
        assertEquals(warm.reused().analyses() - records - 1, warm.reused().analysesReused(), warm.reused().toString());
    }

    /** The search records of an article: its own and one per section heading. */
    private static int records(Path article) throws IOException {
        return 1 + (int) Files.readAllLines(article).stream().filter(l -> l.startsWith("## ") || l.startsWith("### ")).count();
    }

    @Test
    void nothingChangedReusesEverything() {
        first();
        BuildReport warm = warmEqualsCold();
        assertEquals(warm.reused().documents(), warm.reused().documentsReused());
        assertEquals(warm.reused().pages(), warm.reused().pagesReused());
        assertTrue(warm.reused().pages() > 10, warm.reused().toString());
        assertEquals(warm.reused().related(), warm.reused().relatedReused());
        assertTrue(warm.reused().related() > 0, warm.reused().toString());
        assertEquals(warm.reused().searchDocuments(), warm.reused().searchDocumentsReused(), "every search document is taken");
        assertTrue(warm.reused().searchDocuments() > 10, warm.reused().toString());
    }

    /** The search index takes the documents of the records an edit did not touch from the index in the site it replaces. */
    @Test
    void anEditIndexesItsRecordsAndTakesTheOthersDocuments() throws IOException {
        first();
        edit(content.resolve("articles/getting-started/how-it-works.md"), "rests on a token", "rests on one token");
        BuildReport warm = warmEqualsCold();
        BuildReport.Reuse reused = warm.reused();
        int records = records(content.resolve("articles/getting-started/how-it-works.md"));
        assertEquals(reused.searchDocuments() - records, reused.searchDocumentsReused(), reused.toString());
        // The next build takes them from this build's index in turn.
        edit(content.resolve("articles/getting-started/tokens.md"), "renews them.", "renews them for good.");
        BuildReport next = warmEqualsCold();
        assertEquals(next.reused().searchDocuments() - records(content.resolve("articles/getting-started/tokens.md")),
                next.reused().searchDocumentsReused(), next.reused().toString());
    }

    /** A search index in the site whose files fail Lucene's checksums is not taken from: every record is indexed. */
    @Test
    void aDamagedSearchIndexIsNotTakenFrom() throws IOException {
        first();
        Path largest;
        try (var files = Files.list(site.resolve(SearchRecords.LUCENE))) {
            largest = files.max(java.util.Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(largest);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(largest, bytes);
        BuildReport warm = warmEqualsCold();
        assertEquals(0, warm.reused().searchDocumentsReused(), warm.reused().toString());
        assertTrue(warm.reused().pagesReused() > 0, "the rest of the cache is taken: " + warm.reused());
    }

    @Test
    void oneArticleEdited() throws IOException {
        first();
        edit(content.resolve("articles/getting-started/tokens.md"), "renews them.", "renews them for good.");
        BuildReport warm = warmEqualsCold();
        assertTrue(articleText("getting-started/tokens/").contains("renews them for good."));
        assertEquals(warm.reused().documents() - 1, warm.reused().documentsReused(), "only the edited article renders");
        assertTrue(warm.reused().pagesReused() > 0 && warm.reused().pagesReused() < warm.reused().pages(),
                warm.reused().toString());
    }

    /** An article's file is taken as the build before read it while its bytes are the same: an edited one is read again. */
    @Test
    void articlesAreTakenByTheirFilesBytes() throws IOException {
        first();
        BuildReport same = build(site, true);
        assertEquals(same.reused().articles(), same.reused().articlesReused(), same.reused().toString());
        assertTrue(same.reused().articles() >= 4, same.reused().toString());
        edit(content.resolve("articles/getting-started/tokens.md"), "title: ", "title: Renewed ");
        BuildReport warm = warmEqualsCold();
        assertEquals(warm.reused().articles() - 1, warm.reused().articlesReused(), "only the edited file is read");
        assertTrue(title("getting-started/tokens/").startsWith("Renewed "), title("getting-started/tokens/"));
    }

    /**
     * The kept articles reach the pages when the cache is trusted (so the tests of a damaged file
     * can fail): a title changed in the file, checksum made anew, is what the page shows.
     */
    @Test
    void aWellFormedArticlesFileIsTrusted() throws IOException {
        first();
        poisonBytes(site.resolve(ArticleCache.FILE), "How connections work", "HOW CONNECTIONS WORK");
        BuildReport warm = build(site, true);
        assertEquals(warm.reused().articles(), warm.reused().articlesReused());
        assertEquals("HOW CONNECTIONS WORK", title("getting-started/how-it-works/"));
    }

    @Test
    void aDamagedArticlesFileIsIgnored() throws IOException {
        first();
        Path articles = site.resolve(ArticleCache.FILE);
        byte[] bytes = Files.readAllBytes(articles);
        int at = indexOf(bytes, "How connections work".getBytes(StandardCharsets.UTF_8));
        bytes[at] = 'h'; // one byte, checksum left as it was
        Files.write(articles, bytes);
        BuildReport warm = warmEqualsCold();
        assertEquals(0, warm.reused().articlesReused(), warm.reused().toString());
        assertEquals("How connections work", title("getting-started/how-it-works/"));
    }

    private String title(String url) throws IOException {
        return Jsoup.parse(Files.readString(site.resolve(url + "index.html"))).select("main article h1").text();
    }

    /** The rendered documents and the analysed texts: each whole file kept, what was made since written beside it. */
    @Test
    void anEditKeepsTheWholeFilesAndWritesOnlyWhatWasMadeSince() throws IOException {
        first();
        Map<String, String> beside = Map.of(BuildCache.MARKDOWN, BuildCache.MARKDOWN_ADDED, AnalysesFile.WHOLE, AnalysesFile.ADDED,
                ArticleCache.FILE, ArticleCache.ADDED);
        Map<String, byte[]> whole = new java.util.HashMap<>();
        for (String file : beside.keySet()) {
            whole.put(file, Files.readAllBytes(site.resolve(file)));
        }
        edit(content.resolve("articles/getting-started/tokens.md"), "renews them.", "renews them for good.");
        warmEqualsCold();
        for (String file : beside.keySet()) {
            assertTrue(java.util.Arrays.equals(whole.get(file), Files.readAllBytes(site.resolve(file))), file + " is kept as it was");
            assertTrue(Files.size(site.resolve(beside.get(file))) < whole.get(file).length / 4, "the edit's entries are beside " + file);
        }
        // A second edit reads both files: the first edit's document and texts are taken from the added ones.
        Path article = content.resolve("articles/getting-started/how-it-works.md");
        edit(article, "rests on a token", "rests on one token");
        BuildReport warm = warmEqualsCold();
        assertEquals(warm.reused().documents() - 1, warm.reused().documentsReused(), "only the second edit renders");
        assertEquals(warm.reused().analyses() - records(article) - 1, warm.reused().analysesReused(), warm.reused().toString());
        assertEquals(warm.reused().articles() - 1, warm.reused().articlesReused(), "only the second edit's file is read");
        assertTrue(articleText("getting-started/tokens/").contains("renews them for good."));
    }

    /** A damaged file of articles read since the whole one: its articles are read from their files again, the others taken. */
    @Test
    void aDamagedFileOfAddedArticlesIsIgnoredAlone() throws IOException {
        BuildReport warm = buildWithTheEditsAddedFileDamaged(ArticleCache.ADDED);
        assertEquals(warm.reused().articles() - 1, warm.reused().articlesReused(), "the edited article is read again");
    }

    /**
     * One article edited and built, then one byte of the edit's entry in the {@code added} file
     * changed (its checksum left as it was), then built again: the warm site must equal a cold one.
     */
    private BuildReport buildWithTheEditsAddedFileDamaged(String added) throws IOException {
        first();
        edit(content.resolve("articles/getting-started/tokens.md"), "renews them.", "renews them for good.");
        build(site, true);
        Path file = site.resolve(added);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(file, bytes);
        BuildReport warm = warmEqualsCold();
        assertTrue(articleText("getting-started/tokens/").contains("renews them for good."));
        return warm;
    }

    /** Dates every file of the site an hour back: settled, its time and inode vouch for its bytes (BuildCache#stat). */
    private void settle() throws IOException {
        kb.testing.FixtureSites.backdate(site, Files::isRegularFile, 3600);
    }

    @Test
    void anEditKeepsThePagesFileAndWritesOnlyWhatChanged() throws IOException {
        first();
        settle();
        build(site, true); // records each file's time, an hour old: every entry changes, the file is written whole
        byte[] whole = Files.readAllBytes(site.resolve(PagesFile.WHOLE));
        edit(content.resolve("articles/getting-started/tokens.md"), "renews them.", "renews them for good.");
        warmEqualsCold();
        assertTrue(java.util.Arrays.equals(whole, Files.readAllBytes(site.resolve(PagesFile.WHOLE))),
                "the file of every page is kept as it was");
        assertTrue(Files.size(site.resolve(PagesFile.CHANGED)) < whole.length / 4, "the changed pages are written beside it");
        // A second edit reads both: the first edit's page is found as that build wrote it.
        Files.delete(site.resolve("getting-started/how-it-works/index.html"));
        BuildReport warm = warmEqualsCold();
        assertEquals(warm.reused().pages() - 1, warm.reused().pagesReused(), "the deleted page alone is made again");
    }

    @Test
    void aDamagedFileOfAddedDocumentsIsIgnoredAlone() throws IOException {
        BuildReport warm = buildWithTheEditsAddedFileDamaged(BuildCache.MARKDOWN_ADDED); // the document is kept deflated
        assertEquals(warm.reused().documents() - 1, warm.reused().documentsReused(), "the edited article renders again");
    }

    @Test
    void articleTitleEditedChangesItsNeighbours() throws IOException {
        first();
        edit(content.resolve("articles/getting-started/tokens.md"), "title: Tokens at a glance", "title: Tokens in brief");
        warmEqualsCold();
        // The previous/next link, the sidebar and the home page's featured list name it anew.
        assertTrue(Jsoup.parse(Files.readString(site.resolve("index.html"))).text().contains("Tokens in brief"));
    }

    @Test
    void articleAdded() throws IOException {
        first();
        Files.writeString(content.resolve("articles/getting-started/scopes.md"),
                "---\nid: 7\ntitle: Scopes\nsummary: What a token may do.\n---\n\nA scope limits a token.\n");
        warmEqualsCold();
        assertTrue(articleText("getting-started/scopes/").contains("A scope limits a token."));
    }

    @Test
    void articleRemoved() throws IOException {
        first();
        Path scopes = Files.writeString(content.resolve("articles/getting-started/scopes.md"),
                "---\nid: 7\ntitle: Scopes\nsummary: What a token may do.\n---\n\nA scope limits a token.\n");
        build(site, true);
        Files.delete(scopes);
        warmEqualsCold();
        assertTrue(Files.notExists(site.resolve("getting-started/scopes/index.html")));
    }

    @Test
    void articleRenamed() throws IOException {
        first();
        Files.move(content.resolve("articles/getting-started/tokens.md"),
                content.resolve("articles/getting-started/token-basics.md"));
        warmEqualsCold();
        assertTrue(articleText("getting-started/token-basics/").contains("reconnecting renews them"));
    }

    @Test
    void shippedHelpCenterInTwoLanguages() throws IOException {
        firstShipped();
        edit(content.resolve("es/articles/account-changes/lost-admin-or-page-access.md"),
                "**a través de una persona**", "**a través de una sola persona**");
        BuildReport warm = warmEqualsCold();
        assertEquals(warm.reused().documents() - 1, warm.reused().documentsReused(), "only the edited article renders");
        assertTrue(articleText("es/account-changes/lost-admin-or-page-access/").contains("a través de una sola persona"));
        // Both languages' indexes take their documents: all but the edited article's few.
        assertTrue(warm.reused().searchDocumentsReused() > warm.reused().searchDocuments() - 10, warm.reused().toString());
    }

    /**
     * An edit whose page keeps its inputs would be taken whole: each change below alters pages
     * other than the edited article's, and every build in the chain reads the cache the one
     * before it left (pages taken by their inputs, by their model, or made again).
     */
    @Test
    void aChainOfEditsOfEachKind() throws IOException {
        first();
        edit(content.resolve("articles/getting-started/tokens.md"), "renews them.", "renews them for good.");
        BuildReport body = warmEqualsCold();
        assertEquals(body.reused().pages() - 1, body.reused().pagesReused(), "a body edit changes its page alone: " + body.reused());
        edit(content.resolve("articles/getting-started/tokens.md"), "title: Tokens at a glance", "title: Tokens in brief");
        warmEqualsCold();
        // Its neighbour's next link, the sidebar of every page of its section.
        edit(content.resolve("articles/getting-started/tokens.md"), "weight: 2", "weight: 0");
        warmEqualsCold();
        String listed = Jsoup.parse(Files.readString(site.resolve("getting-started/index.html"))).select("main").text();
        assertTrue(listed.indexOf("Tokens in brief") < listed.indexOf("How connections work"), listed);
        edit(content.resolve("articles/troubleshooting/reconnect.md"), "Sign in.", "Sign in again.");
        BuildReport again = warmEqualsCold();
        assertTrue(again.reused().pagesReused() >= again.reused().pages() - 2, "pages are taken by their inputs again: "
                + again.reused());
    }

    /**
     * A heading's id edited in one language changes the other language's page of the article:
     * its language switcher lists the ids both pages share (data-kb-anchors).
     */
    @Test
    void aHeadingIdEditedInOneLanguageChangesTheOthersSwitcher() throws IOException {
        firstShipped();
        String page = "account-changes/lost-admin-or-page-access/index.html";
        assertTrue(switcherAnchors(page).contains("fix"), switcherAnchors(page));
        edit(content.resolve("es/articles/account-changes/lost-admin-or-page-access.md"), "## Cómo solucionarlo {#fix}",
                "## Cómo solucionarlo {#arreglo}");
        warmEqualsCold();
        assertTrue(!switcherAnchors(page).contains("fix") && switcherAnchors(page).contains("cause"), switcherAnchors(page));
    }

    private String switcherAnchors(String page) throws IOException {
        return Jsoup.parse(Files.readString(site.resolve(page))).select("a[hreflang=es][data-kb-anchors]").attr("data-kb-anchors");
    }

    /** An original updated after its translation: the translated page says so, though nothing of it changed. */
    @Test
    void anOriginalUpdatedAfterItsTranslation() throws IOException {
        firstShipped();
        String translated = Files.readString(site.resolve("es/account-changes/lost-admin-or-page-access/index.html"));
        edit(content.resolve("articles/account-changes/lost-admin-or-page-access.md"), "updated: 2026-12-06", "updated: 2026-12-07");
        warmEqualsCold();
        assertTrue(!translated.equals(Files.readString(site.resolve("es/account-changes/lost-admin-or-page-access/index.html"))),
                "the translation's page names the newer original");
    }

    @Test
    void templateChanged() throws IOException {
        first();
        edit(templates.resolve("article.peb"), "<article class=\"article\">", "<article class=\"article changed\">");
        BuildReport warm = warmEqualsCold();
        assertEquals(0, warm.reused().pagesReused(), "a theme change renders every page again");
        assertTrue(Jsoup.parse(Files.readString(site.resolve("getting-started/tokens/index.html")))
                .selectFirst("article.changed") != null);
    }

    @Test
    void themeWordsChanged() throws IOException {
        first();
        edit(templates.resolve("i18n/en.yaml"), "nav.home: Home", "nav.home: Start");
        warmEqualsCold();
    }

    @Test
    void settingsChanged() throws IOException {
        first();
        edit(content.resolve("kb.yaml"), "name: Small Help", "name: Smaller Help");
        BuildReport warm = warmEqualsCold();
        assertEquals(0, warm.reused().documentsReused() + warm.reused().pagesReused() + warm.reused().analysesReused()
                + warm.reused().searchDocumentsReused());
    }

    @Test
    void dataFileChanged() throws IOException {
        first();
        edit(content.resolve("data/networks.yaml"), "lifespan_days: 365", "lifespan_days: 180");
        warmEqualsCold();
        assertTrue(articleText("getting-started/how-it-works/").contains("180 days"));
    }

    /**
     * An article checked clean for typed lifespans is not checked again while its text and the
     * data stay the same, and is once the data names what it says: "Zorbo" was no network.
     */
    @Test
    void aClaimTheDataNowContradictsIsFoundInAWarmBuild() throws IOException {
        first();
        Path article = content.resolve("articles/getting-started/how-it-works.md");
        Files.writeString(article, Files.readString(article) + "\nZorbo tokens last 30 days.\n");
        assertTrue(build(site, true).reused().factsReused() > 0, "the other articles were checked before");
        BuildReport again = build(site, true);
        assertTrue(again.reused().factsReused() > 1, "the edited article too, now: " + again.reused());
        Files.writeString(content.resolve("data/networks.yaml"), Files.readString(content.resolve("data/networks.yaml"))
                + "  - id: zorbo\n    name: Zorbo\n    lifespan_days: 60\n");
        kb.diagnostic.KbException e = org.junit.jupiter.api.Assertions.assertThrows(kb.diagnostic.KbException.class,
                () -> build(site, true));
        assertTrue(e.problems().stream().anyMatch(p -> p.where().file().endsWith("how-it-works.md")
                && p.message().contains("30")), e.problems().toString());
    }

    @Test
    void faqChanged() throws IOException {
        first();
        edit(content.resolve("faq/general.md"), "Yes.", "Yes, two or more.");
        BuildReport warm = warmEqualsCold();
        assertTrue(Jsoup.parse(Files.readString(site.resolve("faq/index.html"))).text().contains("Yes, two or more."));
        assertTrue(warm.reused().documentsReused() > 0, "the articles' Markdown is reused");
    }

    @Test
    void cacheFromAnotherKbIsIgnored() throws IOException {
        first();
        // A cache whose every entry would be wrong, but well formed, with a good checksum: made
        // by another version of kb, it must not be read.
        poison(site.resolve(BuildCache.MARKDOWN), "rests on a token", "RESTS ON A TOKEN");
        rekey(site.resolve(BuildCache.MARKDOWN), "kb " + kb.Version.current() + " ", "kb 0.0.1-another ");
        rekey(site.resolve(BuildCache.PAGES), "kb " + kb.Version.current() + " ", "kb 0.0.1-another ");
        rekey(site.resolve(BuildCache.ANALYSES), "kb " + kb.Version.current() + " ", "kb 0.0.1-another ");
        rekey(site.resolve(ArticleCache.FILE), "kb " + kb.Version.current() + " ", "kb 0.0.1-another ");
        BuildReport warm = warmEqualsCold();
        assertEquals(0, warm.reused().documentsReused() + warm.reused().pagesReused() + warm.reused().analysesReused()
                + warm.reused().articlesReused());
    }

    /**
     * The poison of the tests around it reaches the pages when the cache is trusted: those tests
     * can fail. The page itself is gone, so it is made again from the (poisoned) Markdown: left in
     * place, it would be taken as it is, its inputs unchanged.
     */
    @Test
    void aWellFormedCacheIsTrusted() throws IOException {
        first();
        poison(site.resolve(BuildCache.MARKDOWN), "rests on a token", "RESTS ON A TOKEN");
        Files.delete(site.resolve("getting-started/how-it-works/index.html"));
        build(site, true);
        assertTrue(articleText("getting-started/how-it-works/").contains("RESTS ON A TOKEN"));
    }

    @Test
    void missingCacheBuildsCold() throws IOException {
        first();
        for (String file : List.of(BuildCache.MARKDOWN, BuildCache.PAGES, BuildCache.ANALYSES, BuildCache.RELATED,
                BuildCache.ACRONYMS, ArticleCache.FILE)) {
            Files.delete(site.resolve(file));
        }
        BuildReport warm = warmEqualsCold();
        assertEquals(0, warm.reused().documentsReused() + warm.reused().pagesReused() + warm.reused().analysesReused()
                + warm.reused().articlesReused());
        assertTrue(Files.isRegularFile(site.resolve(BuildCache.MARKDOWN)), "and leaves a new cache");
    }

    @Test
    void truncatedCacheIsIgnored() throws IOException {
        first();
        poison(site.resolve(BuildCache.MARKDOWN), "rests on a token", "RESTS ON A TOKEN");
        for (String file : List.of(BuildCache.MARKDOWN, BuildCache.PAGES, BuildCache.ANALYSES, BuildCache.RELATED,
                BuildCache.ACRONYMS, ArticleCache.FILE)) {
            byte[] bytes = Files.readAllBytes(site.resolve(file));
            Files.write(site.resolve(file), java.util.Arrays.copyOf(bytes, bytes.length - 9));
        }
        BuildReport warm = warmEqualsCold();
        assertEquals(0, warm.reused().documentsReused() + warm.reused().pagesReused() + warm.reused().analysesReused()
                + warm.reused().articlesReused());
    }

    @Test
    void corruptCacheIsIgnored() throws IOException {
        first();
        Path markdown = site.resolve(BuildCache.MARKDOWN);
        byte[] bytes = Files.readAllBytes(markdown);
        bytes[bytes.length / 2] ^= 0x20; // one byte, checksum left as it was
        Files.write(markdown, bytes);
        Path pages = site.resolve(BuildCache.PAGES);
        byte[] page = Files.readAllBytes(pages);
        page[page.length / 2] ^= 0x20;
        Files.write(pages, page);
        Path analyses = site.resolve(BuildCache.ANALYSES);
        byte[] analysed = Files.readAllBytes(analyses);
        analysed[analysed.length * 2 / 3] ^= 0x01;
        Files.write(analyses, analysed);
        BuildReport warm = warmEqualsCold();
        assertEquals(0, warm.reused().documentsReused() + warm.reused().pagesReused() + warm.reused().analysesReused());
    }

    @Test
    void garbageCacheIsIgnored() throws IOException {
        first();
        Files.write(site.resolve(BuildCache.MARKDOWN), new byte[] {'k', 'b', '-', 0, (byte) 0xff, 0x7f, 0x7f, 0x7f});
        Files.writeString(site.resolve(BuildCache.PAGES), "");
        Files.write(site.resolve(BuildCache.ANALYSES), new byte[] {'k', 'b', '-', 'c', 'a', 'c', 'h', 'e', '\n', 0, 0, 0, 1});
        warmEqualsCold();
    }

    @Test
    void aPageChangedInTheSiteIsRenderedAgain() throws IOException {
        first();
        // Same length, other bytes: someone edited the built page by hand.
        edit(site.resolve("getting-started/tokens/index.html"), "Tokens expire", "Tokens EXPIRE");
        BuildReport warm = warmEqualsCold();
        assertEquals(warm.reused().pages() - 1, warm.reused().pagesReused());
    }

    /**
     * A kept file whose time and inode the cache recorded is taken without reading it back; an
     * edit, even of the same length, gives it another time, so it is read and made again.
     */
    @Test
    void aPageChangedLongAfterItsBuildIsRenderedAgain() throws IOException {
        first();
        settle();
        build(site, true); // records each file's time, an hour old: settled
        edit(site.resolve("getting-started/tokens/index.html"), "Tokens expire", "Tokens EXPIRE");
        edit(site.resolve("widget/a/3.js"), "\"format\":1", "\"format\":7");
        // Edited ten minutes ago, long settled: only its time tells it from the file checked.
        for (String f : List.of("getting-started/tokens/index.html", "widget/a/3.js")) {
            Files.setLastModifiedTime(site.resolve(f), java.nio.file.attribute.FileTime.from(
                    java.time.Instant.now().minusSeconds(600)));
        }
        BuildReport warm = warmEqualsCold();
        assertEquals(warm.reused().pages() - 1, warm.reused().pagesReused());
    }

    /** The widget's data file of an article an edit left alone is the previous site's file, not made again. */
    @Test
    void widgetFilesOfUntouchedArticlesAreTakenFromThePreviousSite() throws IOException {
        first();
        Path untouched = site.resolve("widget/a/3.js");
        Object before = Files.getAttribute(untouched, "unix:ino");
        String editedBefore = Files.readString(site.resolve("widget/a/2.js"));
        edit(content.resolve("articles/getting-started/tokens.md"), "renews them.", "renews them for good.");
        warmEqualsCold();
        assertEquals(before, Files.getAttribute(untouched, "unix:ino"), "a hard link to the previous site's file");
        String edited = Files.readString(site.resolve("widget/a/2.js"));
        assertTrue(!edited.equals(editedBefore) && edited.contains("renews them for good."), edited);
    }

    @Test
    void aWidgetFileChangedInTheSiteIsMadeAgain() throws IOException {
        first();
        // Same length, other bytes: someone edited the built data file by hand.
        edit(site.resolve("widget/a/3.js"), "\"format\":1", "\"format\":7");
        warmEqualsCold();
    }

    /**
     * The browser search's record blocks whose documents an edit did not touch are the previous
     * site's files (hard links); the block of the edited article is made again.
     */
    @Test
    void searchBlocksOfUntouchedRecordsAreTakenFromThePreviousSite() throws IOException {
        first();
        Map<Path, Object> before = new java.util.TreeMap<>();
        Path edited = null;
        try (var files = Files.list(site.resolve(SearchRecords.BROWSER + "d"))) {
            for (Path f : files.toList()) {
                before.put(site.relativize(f), Files.getAttribute(f, "unix:ino"));
                edited = Files.readString(f).contains("renews them") ? site.relativize(f) : edited;
            }
        }
        assertTrue(edited != null && before.size() >= 2, before.toString());
        edit(content.resolve("articles/getting-started/tokens.md"), "renews them.", "renews them for good.");
        warmEqualsCold();
        for (Map.Entry<Path, Object> e : before.entrySet()) {
            Object now = Files.getAttribute(site.resolve(e.getKey()), "unix:ino");
            if (e.getKey().equals(edited)) {
                assertTrue(Files.readString(site.resolve(edited)).contains("renews them for good."), edited.toString());
            } else {
                assertEquals(e.getValue(), now, e.getKey() + ": a hard link to the previous site's file");
            }
        }
    }

    /** Every browser search file of a folder ({@code t}, {@code h}) of the site: its path and inode. */
    private Map<Path, Object> inodes(String folder) throws IOException {
        Map<Path, Object> out = new java.util.TreeMap<>();
        try (var files = Files.list(site.resolve(SearchRecords.BROWSER + folder))) {
            for (Path f : files.toList()) {
                out.put(site.relativize(f), Files.getAttribute(f, "unix:ino"));
            }
        }
        return out;
    }

    /**
     * The browser search's term shards, vocabulary and head files that an edit did not change are
     * the previous site's files, found by their JSON's checksums without hashing or writing them
     * again; those the edit changed are made.
     */
    @Test
    void termShardsAndHeadFilesAnEditDidNotChangeAreTakenFromThePreviousSite() throws IOException {
        firstShipped(); // the fixture's words fit one shard
        Map<Path, Object> before = new java.util.TreeMap<>();
        for (String folder : List.of("t", "v", "h")) {
            before.putAll(inodes(folder));
        }
        build(site, true);
        for (Map.Entry<Path, Object> e : before.entrySet()) {
            assertEquals(e.getValue(), Files.getAttribute(site.resolve(e.getKey()), "unix:ino"), e.getKey() + ": nothing changed, kept");
        }
        Path article = content.resolve("articles/getting-started/how-to-reconnect.md");
        Files.writeString(article, Files.readString(article) + "\nZorblatt tokens never expire.\n");
        warmEqualsCold();
        int kept = 0;
        int made = 0;
        for (String folder : List.of("t", "v", "h")) {
            for (Map.Entry<Path, Object> e : inodes(folder).entrySet()) {
                if (e.getValue().equals(before.get(e.getKey()))) {
                    kept++;
                } else {
                    made++;
                    assertTrue(!folder.equals("v") || !before.containsKey(e.getKey()),
                            e.getKey() + ": a file named after its hash is made only with new content");
                }
            }
        }
        assertTrue(kept > 0 && made > 0, kept + " kept, " + made + " made");
        try (var shards = Files.list(site.resolve(SearchRecords.BROWSER + "t"))) {
            assertTrue(shards.anyMatch(f -> {
                try {
                    return Files.readString(f).contains("zorblatt")
                            && !Files.getAttribute(f, "unix:ino").equals(before.get(site.relativize(f)));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }), "the new word's shard is new");
        }
    }

    @Test
    void aTermShardChangedInTheSiteIsMadeAgain() throws IOException {
        first();
        // Same length, other bytes: a term shard changed after the build; its name still says its hash.
        Path shard = inodes("t").keySet().iterator().next();
        String text = Files.readString(site.resolve(shard));
        Files.writeString(site.resolve(shard), text.replace("kbSearchData(\"t/", "kbSearchData(\"T/"));
        assertTrue(!text.equals(Files.readString(site.resolve(shard))));
        warmEqualsCold();
    }

    @Test
    void aSearchBlockChangedInTheSiteIsMadeAgain() throws IOException {
        first();
        // Same length, other bytes: the block's file was changed after the build.
        Path block = site.resolve(SearchRecords.BROWSER + "d/0.js");
        String text = Files.readString(block);
        int at = text.indexOf("kbSearchData(\"d/0.js\"");
        assertEquals(0, at, text);
        Files.writeString(block, text.replace("kbSearchData(\"d/0.js\"", "kbSearchData(\"d/9.js\""));
        warmEqualsCold();
    }

    /**
     * Related lists are kept from the build before only where a search would find them again: an
     * edit that gives one article another's words changes the other's list, which the warm build
     * shows as the cold one does.
     */
    @Test
    void anEditChangesTheRelatedListsOfOtherArticles() throws IOException {
        first();
        List<String> before = related("getting-started/tokens/");
        edit(content.resolve("articles/troubleshooting/reconnect.md"), "Sign in.", "Sign in. Reconnecting renews the tokens.");
        BuildReport warm = warmEqualsCold();
        assertTrue(warm.reused().relatedReused() < warm.reused().related(), "the lists the edit touches are searched again: "
                + warm.reused());
        List<String> after = related("getting-started/tokens/");
        assertTrue(!after.equals(before) && after.contains("Reconnect an account"), before + " then " + after);
    }

    /**
     * An article's related list is found from its title and body: the cache finds the body's
     * words by the key of its rendered document and the title, so a title edit alone is searched
     * again, as a build without the cache searches it.
     */
    @Test
    void aTitleEditAloneChangesTheArticlesOwnRelatedList() throws IOException {
        first();
        List<String> before = related("getting-started/tokens/");
        edit(content.resolve("articles/getting-started/tokens.md"), "title: Tokens at a glance",
                "title: Open settings and sign in again to reconnect an account");
        warmEqualsCold();
        List<String> after = related("getting-started/tokens/");
        assertTrue(!after.equals(before) && after.get(0).equals("Reconnect an account"), before + " then " + after);
    }

    private List<String> related(String url) throws IOException {
        return Jsoup.parse(Files.readString(site.resolve(url + "index.html"))).select("aside.related a").eachText();
    }

    @Test
    void noCacheOptionReadsNoCache() throws IOException {
        first();
        poison(site.resolve(BuildCache.MARKDOWN), "rests on a token", "RESTS ON A TOKEN");
        BuildReport report = build(site, false);
        assertEquals(0, report.reused().documents() + report.reused().pages());
        assertTrue(articleText("getting-started/how-it-works/").contains("rests on a token"));
        assertTrue(Files.notExists(site.resolve(BuildCache.FOLDER)));
    }

    /**
     * Replaces {@code from} with {@code to} in every rendered document of a Markdown cache file
     * that holds it, written anew under the same key with a good checksum: well formed, wrong.
     */
    private static void poison(Path file, String from, String to) throws IOException {
        String key = keyOf(file);
        Map<String, RenderedMarkdown> documents = new java.util.HashMap<>(BuildCache.readMarkdown(file, key));
        int[] poisoned = {0};
        documents.replaceAll((k, m) -> {
            if (!m.html().contains(from)) {
                return m;
            }
            poisoned[0]++;
            return new RenderedMarkdown(m.html().replace(from, to), m.headings(), m.sections().stream()
                    .map(s -> new TextSection(s.heading(), s.anchor(), s.level(), s.text().replace(from, to))).toList(),
                    m.links());
        });
        assertTrue(poisoned[0] > 0, "no document holds " + from);
        BuildCache.writeMarkdown(file, key, documents);
    }

    /** Replaces bytes of equal length in a cache file and writes its checksum anew: well formed, wrong. */
    private static void poisonBytes(Path file, String from, String to) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] put = to.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, from.getBytes(StandardCharsets.UTF_8));
        assertEquals(from.getBytes(StandardCharsets.UTF_8).length, put.length);
        System.arraycopy(put, 0, bytes, at, put.length);
        Files.write(file, withChecksum(java.util.Arrays.copyOf(bytes, bytes.length - Long.BYTES)));
    }

    private static int indexOf(byte[] bytes, byte[] find) {
        outer:
        for (int i = 0; i + find.length <= bytes.length; i++) {
            for (int j = 0; j < find.length; j++) {
                if (bytes[i + j] != find[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not in the cache file: " + new String(find, StandardCharsets.UTF_8));
    }

    /** The key in a cache file's header (magic, format, key). */
    private static String keyOf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int headerStart = "kb-cache\n".length() + Integer.BYTES;
        int keyLength = ByteBuffer.wrap(bytes).getInt(headerStart);
        return new String(bytes, headerStart + Integer.BYTES, keyLength, StandardCharsets.UTF_8);
    }

    /** Rewrites the key in a cache file's header (magic, format, key) with a good checksum. */
    private static void rekey(Path file, String from, String to) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int headerStart = "kb-cache\n".length() + Integer.BYTES;
        int keyLength = in.getInt(headerStart);
        String key = new String(bytes, headerStart + Integer.BYTES, keyLength, StandardCharsets.UTF_8);
        assertTrue(key.startsWith(from), key);
        byte[] newKey = (to + key.substring(from.length())).getBytes(StandardCharsets.UTF_8);
        int rest = headerStart + Integer.BYTES + keyLength;
        ByteBuffer out = ByteBuffer.allocate(bytes.length - keyLength + newKey.length - Long.BYTES);
        out.put(bytes, 0, headerStart).putInt(newKey.length).put(newKey).put(bytes, rest, bytes.length - Long.BYTES - rest);
        Files.write(file, withChecksum(out.array()));
    }

    private static byte[] withChecksum(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return ByteBuffer.allocate(body.length + Long.BYTES).put(body).putLong(crc.getValue()).array();
    }
}
