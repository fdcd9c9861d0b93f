package kb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kb.testing.BrowserTest;
import kb.testing.Reader;
import kb.testing.ShippedSite;
import kb.testing.SiteServer;
import kb.testing.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The search box in the header of every page and the results page, on the shipped content:
 * served over HTTP under a strict CSP and opened from disk. Every test also fails on any script
 * error or CSP violation it caused.
 */
@BrowserTest
class SearchBoxIT {
    private static Path site;
    private static SiteServer server;
    private static Reader reader;

    @BeforeAll
    static void start(ShippedSite shipped, Reader tab) {
        site = shipped.site();
        server = shipped.server();
        reader = tab;
    }

    @AfterEach
    void nothingWentWrong() {
        assertEquals(List.of(), reader.problems());
    }

    private static List<WebElement> options() {
        return reader.all("#kb-search-results [role=option]");
    }

    private static boolean popupOpen() {
        return reader.find("#kb-search-popup").isDisplayed();
    }

    /** Focuses the header search box as a reader would (the "/" key) and types a query. */
    private static void search(String query) {
        reader.keys("/");
        assertEquals("kb-search-input", reader.activeId(), "/ focuses the search box");
        reader.keys(query);
    }

    private static List<WebElement> waitForOptions() {
        return reader.until(d -> options().size() > 1 && popupOpen() ? options() : null);
    }

    @Test
    void typingShowsMatchingResultsAtOnce() {
        reader.open(server.url(""));
        search("linkedin");
        List<WebElement> options = waitForOptions();

        WebElement input = reader.find("#kb-search-input");
        assertEquals("true", input.getAttribute("aria-expanded"));
        assertEquals(server.url(""), reader.driver.getCurrentUrl(), "results show without leaving the page");
        assertTrue(options.get(0).getText().toLowerCase(Locale.ROOT).contains("linkedin"), options.get(0).getText());
        for (WebElement option : options.subList(0, options.size() - 1)) {
            assertFalse(option.findElement(org.openqa.selenium.By.cssSelector(".option-title")).getText().isBlank());
            assertFalse(option.findElement(org.openqa.selenium.By.cssSelector(".option-context")).getText().isBlank(),
                    "each result says where it lives: " + option.getText());
            assertFalse(option.findElement(org.openqa.selenium.By.cssSelector(".option-excerpt")).getText().isBlank());
        }
        assertTrue(options.get(options.size() - 1).getText().startsWith("See all results"));
        List<WebElement> marks = reader.all("#kb-search-results mark");
        assertFalse(marks.isEmpty(), "matched words are highlighted");
        assertTrue(marks.stream().allMatch(m -> m.getAttribute("textContent").toLowerCase(Locale.ROOT).startsWith("linkedin")),
                "only the query's words are marked");
    }

    @Test
    void aNewQueryReplacesTheResultsOfTheOldOne() {
        reader.open(server.url(""));
        search("linkedin");
        reader.keys(Keys.BACK_SPACE.toString().repeat("linkedin".length()), "youtube");
        reader.until(d -> {
            List<WebElement> options = options();
            return !options.isEmpty() && options.get(0).getText().contains("YouTube");
        });
        assertFalse(options().get(0).getText().toLowerCase(Locale.ROOT).contains("linkedin"));
    }

    @Test
    void arrowsChooseAResultAndEnterOpensIt() {
        reader.open(server.url("getting-started/"));
        search("reconnect");
        List<WebElement> options = waitForOptions();
        WebElement input = reader.find("#kb-search-input");

        reader.keys(Keys.ARROW_DOWN);
        assertEquals(options.get(0).getAttribute("id"), input.getAttribute("aria-activedescendant"));
        assertEquals("true", options.get(0).getAttribute("aria-selected"));
        reader.keys(Keys.ARROW_DOWN);
        assertEquals(options.get(1).getAttribute("id"), input.getAttribute("aria-activedescendant"));
        assertEquals("false", options.get(0).getAttribute("aria-selected"));
        reader.keys(Keys.ARROW_UP);
        assertEquals(options.get(0).getAttribute("id"), input.getAttribute("aria-activedescendant"));
        assertEquals("kb-search-input", reader.activeId(), "focus stays in the box while choosing");

        String target = options.get(0).getDomProperty("href");
        reader.keys(Keys.ENTER);
        reader.until(d -> d.getCurrentUrl().equals(target));
        reader.waitForScripts();
    }

    @Test
    void escapeAndAClickElsewhereCloseTheResults() {
        reader.open(server.url(""));
        search("facebook");
        waitForOptions();

        reader.keys(Keys.ESCAPE);
        assertFalse(popupOpen());
        WebElement input = reader.find("#kb-search-input");
        assertEquals("false", input.getAttribute("aria-expanded"));
        assertEquals("facebook", input.getDomProperty("value"), "Escape keeps what was typed");
        assertNull(input.getAttribute("aria-activedescendant"));

        reader.keys(Keys.ARROW_DOWN);
        reader.until(d -> popupOpen());
        reader.find(".site-footer").click();
        reader.until(d -> !popupOpen());
    }

    @Test
    void enterWithoutAChoiceOpensTheShareableResultsPage() {
        reader.open(server.url("faq/"));
        search("linkedin");
        reader.keys(Keys.ENTER);
        reader.until(d -> d.getCurrentUrl().equals(server.url("search/?q=linkedin")));
        reader.waitForScripts();
        reader.until(d -> reader.all("#search-page-results > li").size() > 1);
    }

    @Test
    void resultsPageListsEveryResultWithTheArticlesSectionsUnderIt() {
        reader.open(server.url("search/?q=linkedin"));
        List<WebElement> results = reader.until(d -> {
            List<WebElement> r = reader.all("#search-page-results > li");
            return r.size() > 3 ? r : null;
        });

        assertTrue(results.size() <= 50);
        assertEquals("linkedin", reader.find("#search-page-input").getDomProperty("value"));
        assertTrue(reader.find("#search-page-summary").getText().matches("\\d+ results? for .*"), reader.find("#search-page-summary").getText());
        assertEquals("linkedin", reader.find("#search-page-summary q").getText());
        assertTrue(reader.driver.getTitle().startsWith("“linkedin”"), reader.driver.getTitle());
        List<WebElement> sectionLinks = reader.all(".result-sections a");
        assertFalse(sectionLinks.isEmpty(), "an article lists its matching sections");
        assertTrue(sectionLinks.stream().allMatch(a -> a.getDomProperty("href").contains("#")));

        // "/" is only a shortcut outside text fields: here it is typed.
        reader.find("#search-page-input").click();
        reader.keys(Keys.END, " a/b");
        assertEquals("search-page-input", reader.activeId());
        assertEquals("linkedin a/b", reader.find("#search-page-input").getDomProperty("value"));

        String first = results.get(0).findElement(org.openqa.selenium.By.cssSelector("h2 a")).getDomProperty("href");
        results.get(0).findElement(org.openqa.selenium.By.cssSelector("h2 a")).click();
        reader.until(d -> d.getCurrentUrl().equals(first));
        reader.waitForScripts();
    }

    @Test
    void resultsPageWorksWithoutJavaScriptAsAPlainForm() throws IOException {
        Document header = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        Element form = header.selectFirst("form[role=search]");
        assertEquals("get", form.attr("method"));
        assertEquals("search/", form.attr("action"));
        assertEquals("q", form.selectFirst("input[role=combobox]").attr("name"));

        Document page = Jsoup.parse(site.resolve("search/index.html").toFile(), "UTF-8");
        Element pageForm = page.selectFirst("main form");
        assertEquals("get", pageForm.attr("method"));
        assertEquals("q", pageForm.selectFirst("input[type=search]").attr("name"));
    }

    @Test
    void aQuestionTypedInFullShowsItsAnswerInline() throws IOException {
        Document faq = Jsoup.parse(site.resolve("faq/index.html").toFile(), "UTF-8");
        List<Element> firstOfEachGroup = faq.select(".faq-group").stream()
                .map(g -> g.selectFirst("details.faq-item")).limit(3).toList();
        reader.open(server.url(""));
        for (Element item : firstOfEachGroup) {
            String question = item.selectFirst(".faq-q").text();
            String answerStart = item.selectFirst(".faq-answer p").text().substring(0, 40);
            reader.js("document.getElementById('kb-search-input').value = '';");
            search(question);
            WebElement answer = reader.until(d -> {
                List<WebElement> options = options();
                return !options.isEmpty() && options.get(0).getAttribute("class").contains("instant-answer")
                        && options.get(0).getText().contains(question) ? options.get(0) : null;
            });
            assertTrue(answer.findElement(org.openqa.selenium.By.cssSelector(".instant-text")).getText().startsWith(answerStart),
                    question + " shows its answer: " + answer.getText());
            java.net.URI href = java.net.URI.create(answer.getDomProperty("href"));
            assertEquals(server.url("faq/#" + item.id()), href.getScheme() + "://" + href.getRawAuthority() + href.getRawPath() + "#" + href.getFragment());
            assertEquals("h=" + reader.find("#kb-search-input").getDomProperty("value").trim(), href.getQuery(),
                    "the link carries the query, to mark it on arrival");
            reader.keys(Keys.ESCAPE);
        }
    }

    @Test
    void noResultsOffersTheFaqAndSupport() {
        reader.open(server.url("linkedin/"));
        search("qqxzvq");
        WebElement empty = reader.until(d -> reader.find("#kb-search-empty").isDisplayed() ? reader.find("#kb-search-empty") : null);
        assertTrue(empty.getText().contains("No results for"), empty.getText());
        assertTrue(empty.findElements(org.openqa.selenium.By.cssSelector("a")).stream()
                .anyMatch(a -> a.getDomProperty("href").equals(server.url("faq/"))), "offers the FAQ");
        assertTrue(empty.findElements(org.openqa.selenium.By.cssSelector("a[href^='mailto:']")).size() == 1, "offers the support email");
        assertTrue(reader.find("#kb-search-status").getAttribute("textContent").startsWith("No results"));
    }

    @Test
    void searchWorksOnTheSiteOpenedFromDisk() {
        reader.open(site.resolve("index.html").toUri().toString());
        search("linkedin");
        List<WebElement> options = waitForOptions();
        String href = options.get(0).getDomProperty("href");
        assertTrue(href.startsWith("file:") && href.contains("/index.html"), href);

        reader.keys(Keys.ARROW_DOWN, Keys.ENTER);
        reader.until(d -> d.getCurrentUrl().equals(href));
        reader.waitForScripts();
        assertFalse(reader.find("h1").getText().isBlank());
    }

    @Test
    void textFromContentIsShownAsTextNeverRunAsMarkup(@TempDir Path hostile) throws IOException {
        Path content = TestSites.minimal(hostile.resolve("content"), Map.of("evil.md", """
                ---
                id: 1
                title: '<img src=x onerror="window.kbPwned=1">Hostile title'
                summary: '</script><script>window.kbPwned=2</script> hostile summary'
                ---
                A hostile article body.
                """));
        Path out = hostile.resolve("site");
        TestSites.build(content, out);
        try (SiteServer evil = SiteServer.serve(out)) {
            reader.open(evil.url(""));
            search("hostile");
            WebElement first = reader.until(d -> options().isEmpty() ? null : options().get(0));
            assertTrue(first.getText().contains("<img src=x"), first.getText());
            assertTrue(reader.all("#kb-search-popup img, #kb-search-popup script").isEmpty());

            reader.open(evil.url("search/?q=hostile"));
            reader.until(d -> !reader.all("#search-page-results > li").isEmpty());
            assertTrue(reader.all("#search-page-results img, #search-page-results script").isEmpty());
            assertNull(reader.js("return window.kbPwned;"));
        }
    }

    /** Types "fa", waits {@code arguments[0]} ms, types "fac": [results, search files "fac" loaded]. */
    private static final String FA_PAUSE_FAC = """
            const pause = arguments[0], done = arguments[arguments.length - 1];
            const loads = () => performance.getEntriesByType('resource').filter(e => e.name.includes('/search/data/')).length;
            (async () => {
              await kb.search('fa', {limit: 10});
              await new Promise(r => setTimeout(r, pause));
              const before = loads();
              const hits = await kb.search('fac', {limit: 10});
              done([hits.length, loads() - before]);
            })();""";

    /**
     * Typing pauses between keys; in them the client gets the reader's likely next key ready, so
     * that key needs no download. Typed without a pause, the same key has to download its data.
     */
    @Test
    void aReaderWhoPausesGetsTheNextLetterWithoutADownload() {
        reader.open(server.url(""));
        List<?> paused = (List<?>) reader.jsAsync(FA_PAUSE_FAC, 600);
        reader.open(server.url(""));
        List<?> hurried = (List<?>) reader.jsAsync(FA_PAUSE_FAC, 0);

        assertTrue(((Number) paused.get(0)).intValue() > 0, "'fac' finds the Facebook pages");
        assertEquals(0, ((Number) paused.get(1)).intValue(), "after a pause, 'fac' downloads nothing");
        assertEquals(paused.get(0), hurried.get(0));
        assertTrue(((Number) hurried.get(1)).intValue() > 0, "typed on at once, 'fac' has its data to download");
    }

    /** A reader whose browser asks to save data (Save-Data) gets no download made on a guess. */
    @Test
    void aReaderSavingDataGetsNothingLoadedOnAGuess() {
        Object script = reader.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "Object.defineProperty(navigator, 'connection', {value: {saveData: true}, configurable: true});"))
                .get("identifier");
        try {
            reader.open(server.url(""));
            List<?> paused = (List<?>) reader.jsAsync(FA_PAUSE_FAC, 600);
            assertTrue(((Number) paused.get(0)).intValue() > 0, "'fac' still finds the Facebook pages");
            assertTrue(((Number) paused.get(1)).intValue() > 0, "'fac' loads its own data when typed, not before");
        } finally {
            reader.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
        }
    }
}
