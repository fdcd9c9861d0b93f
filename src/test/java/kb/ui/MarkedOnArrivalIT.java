package kb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kb.testing.Axe;
import kb.testing.BrowserTest;
import kb.testing.Reader;
import kb.testing.ShippedSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A search result opens with the words its query matched marked on the page, the linked section's
 * first match in view, and Escape or a button taking the marks away again, without moving
 * anything: over HTTP under a strict CSP and from disk.
 */
@BrowserTest
class MarkedOnArrivalIT {
    /** "expired" is not on the page: "expires" is, the same word to the search. */
    private static final String QUERY = "linkedin token expired";
    private static Path site;
    private static ShippedSite shipped;
    private static Reader reader;

    @BeforeAll
    static void start(ShippedSite s, Reader tab) {
        shipped = s;
        site = s.site();
        reader = tab;
    }

    @AfterEach
    void nothingWentWrong() {
        assertEquals(List.of(), reader.problems());
    }

    /** Searches in the header box, opens the first result with the keyboard; returns its href. */
    private static String openFirstResult(String start) {
        reader.open(start);
        reader.keys("/", QUERY);
        List<WebElement> options = reader.until(d -> {
            List<WebElement> o = reader.all("#kb-search-results [role=option]");
            return o.size() > 1 && reader.find("#kb-search-popup").isDisplayed() ? o : null;
        });
        String href = options.get(0).getDomProperty("href");
        reader.keys(Keys.ARROW_DOWN, Keys.ENTER);
        reader.until(d -> d.getCurrentUrl().equals(href));
        reader.waitForScripts();
        reader.until(d -> !reader.all("main mark").isEmpty() && !reader.all(".kb-marks").isEmpty());
        return href;
    }

    @SuppressWarnings("unchecked")
    private static List<String> marked() {
        return (List<String>) reader.js("return [...document.querySelectorAll('main mark')].map(m => m.textContent);");
    }

    /** Every element box in the main column, relative to the document, and the page's height. */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> boxes() {
        return (List<List<Object>>) reader.js("return [[document.documentElement.scrollHeight],"
                + " ...[...document.querySelectorAll('main *')].filter(e => e.tagName !== 'MARK').map(e => {"
                + " const r = e.getBoundingClientRect(); return [e.tagName, r.left, r.top + scrollY, r.width, r.height]; })];");
    }

    /**
     * The same boxes to within a tenth of a pixel: glyphs shaped on either side of a mark's edge
     * may move by 1/64 px, which no reader sees; a shift is a line or more.
     */
    private static void assertSameBoxes(List<List<Object>> expected, List<List<Object>> actual) {
        assertEquals(expected.size(), actual.size(), "the same elements");
        for (int i = 0; i < expected.size(); i++) {
            List<Object> e = expected.get(i);
            List<Object> a = actual.get(i);
            for (int k = 0; k < e.size(); k++) {
                if (e.get(k) instanceof Number n) {
                    assertEquals(n.doubleValue(), ((Number) a.get(k)).doubleValue(), 0.1, "box " + i + " " + e + " moved: " + a);
                } else {
                    assertEquals(e.get(k), a.get(k));
                }
            }
        }
    }

    /** Layout shifts since the page loaded that moved anything in the main column. */
    private static double shiftsInMain() {
        Object total = reader.jsAsync("const done = arguments[arguments.length - 1]; let sum = 0;"
                + " new PerformanceObserver(list => list.getEntries().forEach(e => {"
                + "   if (e.sources.some(s => s.node && (s.node.nodeType === 1 ? s.node : s.node.parentElement)?.closest('main'))) sum += e.value; }))"
                + " .observe({type: 'layout-shift', buffered: true}); setTimeout(() => done(sum), 200);");
        return ((Number) total).doubleValue();
    }

    @Test
    void theMatchedWordsAreMarkedTheSectionIsInViewAndEscapeClearsThem() {
        String href = openFirstResult(shipped.url(""));
        URI link = URI.create(href);
        assertEquals("h=" + QUERY, link.getQuery(), "the result link carries the query");
        String anchor = link.getFragment();
        assertTrue(anchor != null && !anchor.isEmpty(), "the best result here is a section: " + href);
        String text = (String) reader.js("return document.getElementById('main').textContent;");

        List<String> words = marked();
        // What the query's words stand for: their stems and the forms the search planned for them
        // (kb.terms, as the search itself plans the query), e.g. "expiry" for "expired".
        @SuppressWarnings("unchecked")
        Map<String, Object> stems = (Map<String, Object>) reader.jsAsync("const done = arguments[arguments.length - 1];"
                + " const a = window.kbAnalyzer, marks = arguments[1].map(w => a.analyze(w).join(' '));"
                + " window.kb.terms(arguments[0]).then(found => done({marks: marks,"
                + "   planned: found[0].filter(s => !s.filler).flatMap(s => s.alts.map(alt => alt.stem))}));", QUERY, words);
        List<String> planned = (List<String>) stems.get("planned");
        List<String> markStems = (List<String>) stems.get("marks");
        List<String> queryWords = List.of(QUERY.split(" "));
        for (int i = 0; i < words.size(); i++) {
            assertTrue(planned.contains(markStems.get(i)), "'" + words.get(i) + "' is no word of the query nor a form planned for one: " + planned);
        }
        assertTrue(words.stream().anyMatch(w -> !queryWords.contains(w.toLowerCase(Locale.ROOT)) && markStems.get(words.indexOf(w)).equals("expir")),
                "a form of 'expired' the page uses is marked too: " + words);

        // The linked section's first match is on screen, and no mark outside it comes first there.
        Boolean inView = (Boolean) reader.js("const start = document.getElementById(arguments[0]);"
                + " const level = /^H([1-6])$/.exec(start.tagName);"
                + " const end = level && [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]"
                + "   .find(h => (start.compareDocumentPosition(h) & 4) && +h.tagName[1] <= +level[1]);"
                + " const first = [...document.querySelectorAll('main mark')].find(m => level"
                + "   ? (start.compareDocumentPosition(m) & 4) && (!end || (end.compareDocumentPosition(m) & 2)) : start.contains(m));"
                + " if (!first) return false; const r = first.getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= innerHeight;", anchor);
        assertTrue(inView, "the first match in #" + anchor + " is in view");

        assertEquals(0.0, shiftsInMain(), "marking moved the text");
        assertEquals(List.of(), Axe.violations(reader), "the page with its marks and bar");
        List<List<Object>> markedBoxes = boxes();

        reader.keys(Keys.ESCAPE);
        reader.until(d -> reader.all("main mark").isEmpty());
        assertTrue(reader.all(".kb-marks").isEmpty(), "the bar goes with the marks");
        assertSameBoxes(markedBoxes, boxes());
        assertEquals(text, reader.js("return document.getElementById('main').textContent;"), "the text is what it was");
        URI after = URI.create(reader.driver.getCurrentUrl());
        assertEquals(null, after.getQuery(), "a reload would not mark again");
        assertEquals(anchor, after.getFragment());
    }

    @Test
    void marksWorkFromDiskAndTheButtonClearsThem() {
        String href = openFirstResult(site.resolve("index.html").toUri().toString());
        assertTrue(href.startsWith("file:") && href.contains("index.html?h="), href);
        assertFalse(marked().isEmpty());

        reader.find(".kb-marks button").click();
        reader.until(d -> reader.all("main mark").isEmpty() && reader.all(".kb-marks").isEmpty());
    }

    @Test
    void aShortLinkCarriesTheQueryToTheArticle() {
        reader.open(shipped.url("linkedin/token-expiration/"));
        String shortLink = reader.find(".short-link").getDomProperty("href");
        assertTrue(shortLink.contains("/a/"), shortLink);
        reader.open(shortLink + "?h=expired#how-long");
        reader.until(d -> d.getCurrentUrl().contains("/linkedin/token-expiration/?h=expired#how-long"));
        reader.waitForScripts();
        reader.until(d -> !reader.all("main mark").isEmpty());
        assertTrue(marked().stream().allMatch(w -> w.toLowerCase(Locale.ROOT).startsWith("expir")), marked().toString());
    }
}
