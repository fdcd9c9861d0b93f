package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import kb.testing.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseErrorList;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page of the shipped site passes the basics a reader, a screen reader and a crawler
 * rely on: well-formed HTML5, a language, a unique title, a description, a canonical URL,
 * landmarks, a skip link that lands, labelled fields, unique ids; and the home page reaches
 * every article within two clicks. A new help center from {@code kb init} gets the same checks
 * (kb.maven.InitSitePageQualityIT), by overriding the site these checks look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class PageQualityIT {
    // Static: JUnit fills an instance @TempDir only before each test, after @BeforeAll has run.
    @TempDir
    static Path temp;
    Path site;
    Map<Path, Document> pages = new HashMap<>();

    /** Builds the site to check into {@code out}: here, the shipped content with the shipped theme. */
    protected void buildSite(Path out) throws Exception {
        TestSites.build(content(), out);
    }

    /** The content the site was built from, whose every article must be within two clicks of home. */
    protected Path content() {
        return TestSites.CONTENT;
    }

    /** Fewer pages than this means the build lost some. */
    protected int minimumPages() {
        return 30;
    }

    @BeforeAll
    void build() throws Exception {
        site = temp.resolve("site");
        buildSite(site);
        try (Stream<Path> files = Files.walk(site)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                if (!site.relativize(p).startsWith("a") && !isRedirect(p)) {
                    pages.put(p, Jsoup.parse(p.toFile(), "UTF-8"));
                }
            }
        }
        assertTrue(pages.size() >= minimumPages(), "pages found: " + pages.size());
    }

    private static boolean isRedirect(Path p) throws IOException {
        return Jsoup.parse(p.toFile(), "UTF-8").selectFirst("meta[http-equiv=refresh]") != null;
    }

    @Test
    void everyPageIsWellFormedHtml5() throws IOException {
        for (Path p : pages.keySet()) {
            Parser parser = Parser.htmlParser().setTrackErrors(50);
            Jsoup.parse(Files.readString(p), "", parser);
            ParseErrorList errors = parser.getErrors();
            assertTrue(errors.isEmpty(), site.relativize(p) + ": " + errors);
            assertTrue(Files.readString(p).startsWith("<!DOCTYPE html>"), site.relativize(p) + " doctype");
        }
    }

    @Test
    void everyPageHasLanguageTitleDescriptionCanonicalAndLandmarks() {
        Set<String> titles = new HashSet<>();
        for (Map.Entry<Path, Document> e : pages.entrySet()) {
            String where = site.relativize(e.getKey()).toString();
            Document d = e.getValue();
            assertFalse(d.selectFirst("html").attr("lang").isBlank(), where + " lang");
            assertTrue(titles.add(d.title()), where + " title is unique: " + d.title());
            assertFalse(d.select("meta[name=description]").attr("content").isBlank(), where + " description");
            assertTrue(d.select("link[rel=canonical]").attr("href").startsWith("https://help.example.com/"), where + " canonical");
            for (String landmark : List.of("header", "nav", "main", "footer")) {
                assertNotNull(d.selectFirst(landmark), where + " has <" + landmark + ">");
            }
            Element skip = d.selectFirst("a.skip-link");
            assertNotNull(skip, where + " skip link");
            assertNotNull(d.getElementById(skip.attr("href").substring(1)), where + " skip link target");
            assertEquals(1, d.select("h1").size(), where + " has one h1");
        }
    }

    @Test
    void idsAreUniqueAndFieldsAreLabelled() {
        for (Map.Entry<Path, Document> e : pages.entrySet()) {
            String where = site.relativize(e.getKey()).toString();
            Document d = e.getValue();
            Set<String> ids = new HashSet<>();
            for (Element el : d.select("[id]")) {
                assertTrue(ids.add(el.id()), where + " duplicate id " + el.id());
            }
            for (Element input : d.select("input:not([type=hidden]), select, textarea")) {
                boolean labelled = !input.attr("aria-label").isBlank() || !input.attr("aria-labelledby").isBlank()
                        || (!input.id().isEmpty() && d.selectFirst("label[for=" + input.id() + "]") != null);
                assertTrue(labelled, where + " unlabelled field " + input);
            }
            for (Element img : d.select("img")) {
                assertTrue(img.hasAttr("alt"), where + " image without alt " + img);
            }
        }
    }

    @Test
    void homeReachesEveryArticleWithinTwoClicks() throws IOException {
        Path home = site.resolve("index.html");
        Set<Path> oneClick = links(home);
        Set<Path> reached = new HashSet<>(oneClick);
        for (Path p : oneClick) {
            if (Files.isRegularFile(p) && p.toString().endsWith(".html")) {
                reached.addAll(links(p));
            }
        }
        List<Path> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(content().resolve("articles"))) {
            for (Path md : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                Path page = site.resolve(md.getParent().getFileName().toString())
                        .resolve(md.getFileName().toString().replace(".md", "")).resolve("index.html");
                if (!reached.contains(page)) {
                    missing.add(page);
                }
            }
        }
        assertTrue(missing.isEmpty(), "not within two clicks of home: " + missing);
    }

    private static Set<Path> links(Path page) throws IOException {
        Set<Path> out = new HashSet<>();
        for (Element a : Jsoup.parse(page.toFile(), "UTF-8").select("a[href]")) {
            String href = a.attr("href").replaceAll("#.*$", "");
            if (href.isEmpty() || href.contains(":")) {
                continue;
            }
            Path target = page.getParent().resolve(href).normalize();
            out.add(Files.isDirectory(target) ? target.resolve("index.html") : target);
        }
        return out;
    }
}
