package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kb.diagnostic.KbException;
import kb.search.Hit;
import kb.testing.FixtureSites;
import kb.testing.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multilingual fixture (English, and Spanish for part of it) built: each language its own
 * edition, the default at the root and Spanish under es/, linked both ways as readers and search
 * engines follow them.
 */
class MultilingualSiteTest {
    private static final String BASE = "https://help.small.example/docs/";
    private static final String TRANSLATED = "getting-started/how-it-works/";
    private static final String UNTRANSLATED = "troubleshooting/reconnect/";

    @TempDir
    static Path dir;
    static Path content;
    static Path site;
    static BuildReport report;

    @BeforeAll
    static void build() {
        content = FixtureSites.copy("multilingual", dir.resolve("content"));
        site = dir.resolve("site");
        report = TestSites.build(content, site);
    }

    private static Document page(String url) throws IOException {
        Path file = site.resolve(url.isEmpty() || url.endsWith("/") ? url + "index.html" : url);
        assertTrue(Files.isRegularFile(file), "missing " + url);
        return Jsoup.parse(Files.readString(file), BASE + url);
    }

    /** hreflang to absolute href, as a search engine reads a page's head. */
    private static Map<String, String> alternates(Document doc) {
        Map<String, String> out = new TreeMap<>();
        doc.select("head link[rel=alternate][hreflang]").forEach(l -> out.put(l.attr("hreflang"), l.attr("href")));
        return out;
    }

    /** The switcher's links, language code to where each leads. */
    private static Map<String, String> switcher(Document doc) {
        Element nav = doc.selectFirst("nav.language-switcher[aria-label]");
        assertNotNull(nav, "no language switcher on " + doc.location());
        Map<String, String> out = new TreeMap<>();
        nav.select("a").forEach(a -> out.put(a.attr("hreflang"), a.absUrl("href")));
        return out;
    }

    @Test
    void eachLanguageIsServedInItsOwnLanguageAtItsOwnRoot() throws IOException {
        Document home = page("");
        Document es = page("es/");
        assertEquals("en", home.selectFirst("html").attr("lang"));
        assertEquals("Small Help", home.title());
        assertEquals("es", es.selectFirst("html").attr("lang"));
        assertEquals("ltr", es.selectFirst("html").attr("dir"));
        assertEquals("Ayuda Pequeña", es.title());
        assertEquals(BASE + "es/", es.selectFirst("link[rel=canonical]").attr("href"));
        Document article = page("es/" + TRANSLATED);
        assertEquals("Cómo funcionan las conexiones", article.selectFirst("main h1").text());
        assertEquals(BASE + "es/getting-started/", article.select("nav.breadcrumbs a").get(1).absUrl("href"),
                "links stay inside the Spanish edition");
        assertEquals(BASE + "es/assets/kb.css", article.selectFirst("link[rel=stylesheet]").absUrl("href"));
        assertFalse(Files.exists(site.resolve("es/" + UNTRANSLATED)), "an untranslated article has no Spanish page");
        assertEquals(List.of(BASE + "es/getting-started/tokens/", BASE + UNTRANSLATED + "#step-2", BASE + "es/faq/#token-length"),
                article.select(".article-body a[href]:not([href^=#])").eachAttr("abs:href"),
                "a link to an untranslated article goes to the original");
        assertFalse(Files.exists(site.resolve("es/troubleshooting/")), "nor a section with no translated article");
    }

    @Test
    void pagesNameEveryLanguageVersionByAbsoluteUrlBothWays() throws IOException {
        Map<String, String> both = Map.of("en", BASE + TRANSLATED, "es", BASE + "es/" + TRANSLATED, "x-default", BASE + TRANSLATED);
        assertEquals(new TreeMap<>(both), alternates(page(TRANSLATED)));
        assertEquals(new TreeMap<>(both), alternates(page("es/" + TRANSLATED)), "reciprocal");
        assertEquals(new TreeMap<>(Map.of("en", BASE + UNTRANSLATED, "x-default", BASE + UNTRANSLATED)),
                alternates(page(UNTRANSLATED)), "no Spanish alternate where there is no Spanish page");
        assertEquals(new TreeMap<>(Map.of("en", BASE + "faq/", "es", BASE + "es/faq/", "x-default", BASE + "faq/")),
                alternates(page("es/faq/")));
    }

    @Test
    void theSwitcherLandsOnTheSamePageElseThatLanguagesHome() throws IOException {
        assertEquals(Map.of("en", BASE + TRANSLATED, "es", BASE + "es/" + TRANSLATED), switcher(page(TRANSLATED)));
        assertEquals(Map.of("en", BASE + TRANSLATED, "es", BASE + "es/" + TRANSLATED), switcher(page("es/" + TRANSLATED)));
        assertEquals(Map.of("en", BASE + UNTRANSLATED, "es", BASE + "es/"), switcher(page(UNTRANSLATED)));
        assertEquals(Map.of("en", BASE + "lifespans/", "es", BASE + "es/lifespans/"), switcher(page("es/lifespans/")));
        Element current = page("es/").selectFirst("nav.language-switcher a[aria-current]");
        assertEquals("Español", current.text());
        assertEquals("es", current.attr("lang"));
    }

    @Test
    void theSwitcherOffersToKeepOnlyTheSectionsBothVersionsPin() throws IOException {
        Element toSpanish = page(TRANSLATED).selectFirst("nav.language-switcher a[hreflang=es]");
        assertEquals(List.of("stops", "token"), List.of(toSpanish.attr("data-kb-anchors").split(" ")),
                "'english-only' has no Spanish section to land on");
        Element toEnglishFaq = page("es/faq/").selectFirst("nav.language-switcher a[hreflang=en]");
        assertTrue(List.of(toEnglishFaq.attr("data-kb-anchors").split(" ")).contains("token-length"));
    }

    @Test
    void theSitemapListsEveryLanguageWithItsAlternates() throws IOException {
        Document xml = Jsoup.parse(Files.readString(site.resolve("sitemap.xml")), "", Parser.xmlParser());
        Map<String, Element> urls = new TreeMap<>();
        xml.select("url").forEach(u -> urls.put(u.selectFirst("loc").text(), u));
        assertTrue(urls.containsKey(BASE + "es/"), urls.keySet().toString());
        assertTrue(urls.containsKey(BASE + UNTRANSLATED));
        assertFalse(urls.containsKey(BASE + "es/" + UNTRANSLATED));
        Map<String, String> links = new TreeMap<>();
        urls.get(BASE + "es/" + TRANSLATED).select("*|link").forEach(l -> links.put(l.attr("hreflang"), l.attr("href")));
        assertEquals(new TreeMap<>(Map.of("en", BASE + TRANSLATED, "es", BASE + "es/" + TRANSLATED, "x-default", BASE + TRANSLATED)),
                links);
        assertFalse(Files.exists(site.resolve("es/sitemap.xml")), "one sitemap for the whole site");
    }

    @Test
    void shortLinksGoToTheReadersLanguageAtTheRootAndToTheirOwnUnderALanguage() throws IOException {
        Document root = page("a/1/");
        assertEquals("0; url=../../" + TRANSLATED, root.selectFirst("meta[http-equiv=refresh]").attr("content"),
                "without JavaScript: the default language");
        Map<String, String> choices = new TreeMap<>();
        root.select("link[rel=alternate][hreflang]").forEach(l -> choices.put(l.attr("hreflang"), l.absUrl("href")));
        assertEquals(Map.of("en", BASE + TRANSLATED, "es", BASE + "es/" + TRANSLATED), choices);
        Document es = page("es/a/1/");
        assertEquals(BASE + "es/" + TRANSLATED, es.selectFirst("#kb-redirect-target").absUrl("href"));
        assertTrue(page("a/3/").select("link[rel=alternate][hreflang=es]").isEmpty(), "no Spanish choice without a translation");
    }

    @Test
    void checkWarnsOfMissingAndStaleTranslationsAtTheirLines() {
        List<String> warnings = report.warnings().stream()
                .map(p -> p.where().file().toString().replace(content + "/", "") + ":" + p.where().line() + ":"
                        + p.where().column() + ": " + p.message())
                .filter(w -> w.contains("translation")).toList();
        assertEquals(List.of(
                "articles/troubleshooting/reconnect.md:1:1: no es translation (add content/es/articles/troubleshooting/reconnect.md)",
                "es/articles/getting-started/tokens.md:5:10: the es translation is older than its original, updated 2026-05-01"
                        + " (translation: 2026-02-01): bring it up to date, then set its updated date"), warnings);
    }

    @Test
    void aStaleTranslationSaysSoAndLinksToItsOriginal() throws IOException {
        Element notice = page("es/getting-started/tokens/").selectFirst("main .stale-translation");
        assertNotNull(notice);
        Element original = notice.selectFirst("a");
        assertEquals(BASE + "getting-started/tokens/", original.absUrl("href"));
        assertEquals("Tokens at a glance", original.text());
        assertNull(page("es/" + TRANSLATED).selectFirst(".stale-translation"), "a current translation has no notice");
        assertNull(page("getting-started/tokens/").selectFirst(".stale-translation"));
    }

    @Test
    void feedsCopiesSearchDataAndTheManifestCoverEveryLanguage() throws IOException {
        assertTrue(Files.readString(site.resolve("es/llms.txt")).contains("(" + BASE + "es/" + TRANSLATED + "index.md)"));
        Document feed = Jsoup.parse(Files.readString(site.resolve("es/feed.xml")), "", Parser.xmlParser());
        assertEquals("Ayuda Pequeña", feed.selectFirst("feed > title").text());
        assertTrue(Files.readString(site.resolve("es/" + TRANSLATED + "index.md")).startsWith("# Cómo funcionan las conexiones"));
        assertTrue(Files.isDirectory(site.resolve("es/.kb/lucene")));
        assertTrue(Files.isDirectory(site.resolve("es/search/data")));
        List<String> published = Files.readAllLines(content.resolve("published-urls.txt"));
        assertTrue(published.contains("/es/" + TRANSLATED + "#token"), "the Spanish pages are published URLs too");
        assertTrue(published.contains("/" + TRANSLATED + "#english-only"));
        JsonNode es = new ObjectMapper().readTree(site.resolve("es/api/networks.json").toFile());
        assertEquals("Las páginas se desconectan con el perfil.", es.findValue("notes").asText(), "the data file's Spanish text");
    }

    @Test
    void searchOpensTheIndexOfTheLanguageAsked() {
        BuildOptions options = new BuildOptions(content, TestSites.TEMPLATES, site, null, false, false, false);
        SiteSearch.Opened es = SiteSearch.open(options, "es");
        try (var index = es.index()) {
            assertTrue(es.fromSite(), "the Spanish index the build left in es/.kb/lucene");
            assertEquals(BASE + "es/", es.baseUrl());
            List<Hit> hits = index.search("renuevan", 5, false);
            assertEquals(TRANSLATED.replace("how-it-works", "tokens"), hits.get(0).url());
        }
        assertThrows(SiteSearch.UnknownLanguage.class, () -> SiteSearch.open(options, "fr"));
    }

    @Test
    void aPreviewEditOfAnOriginalRewritesTheTranslationThatShowsIt() throws IOException {
        Path edited = FixtureSites.copy("multilingual", dir.resolve("edited"));
        Path out = dir.resolve("edited-site");
        try (IncrementalBuild build = new IncrementalBuild(
                new BuildOptions(edited, TestSites.TEMPLATES, out, null, false, true, false))) {
            build.full();
            Path original = edited.resolve("articles/getting-started/tokens.md");
            Files.writeString(original, Files.readString(original).replace("title: Tokens at a glance", "title: Tokens in brief"));
            IncrementalBuild.Update update = build.apply(List.of(original));
            assertEquals(IncrementalBuild.Update.Kind.PAGES, update.kind());
            assertTrue(update.pages().contains("es/getting-started/tokens/"), update.pages().toString());
            Document es = Jsoup.parse(Files.readString(out.resolve("es/getting-started/tokens/index.html")));
            assertEquals("Tokens in brief", es.selectFirst(".stale-translation a").text());
            assertEquals("Español", Jsoup.parse(Files.readString(out.resolve("getting-started/tokens/index.html")))
                    .selectFirst("nav.language-switcher a[hreflang=es]").text(), "the rewritten page keeps its switcher");
        }
    }

    @Test
    void aBrokenTranslationFailsTheBuildAndKeepsTheSite() throws IOException {
        Path broken = FixtureSites.copy("multilingual", dir.resolve("broken"));
        Path linking = broken.resolve("es/articles/getting-started/how-it-works.md");
        Files.writeString(linking, Files.readString(linking).replace("reconnect.md#step-2", "reconnect.md#paso-2"));
        Files.writeString(broken.resolve("es/articles/getting-started/tokens.md"), "---\nid: 9\ntitle: Otro\n---\n\nTexto.\n");
        Files.writeString(broken.resolve("es/articles/getting-started/lost.md"), "---\ntitle: Perdido\n---\n\nTexto.\n");
        KbException e = assertThrows(KbException.class, () -> TestSites.build(broken, dir.resolve("broken-site")));
        List<String> errors = e.problems().stream().filter(p -> p.isError())
                .map(p -> p.where().toString().replace(broken + "/", "")).toList();
        assertEquals(List.of("es/articles/getting-started/how-it-works.md:15:36", "es/articles/getting-started/lost.md:1:1",
                "es/articles/getting-started/tokens.md:2:5"), errors,
                "an anchor the untranslated original lacks, the orphan at its file, the other id at its value; nothing else");
        assertFalse(Files.exists(dir.resolve("broken-site")));
    }
}
