package kb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kb.testing.BrowserTest;
import kb.testing.Reader;
import kb.testing.ShippedSite;
import kb.testing.SiteServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The FAQ page of the shipped content: a link to one question opens it and brings it into view,
 * Expand all / Collapse all, and the filter that narrows the list with the site's own search.
 * Without JavaScript it is a plain list whose answers are all in the page.
 */
@BrowserTest
class FaqPageIT {
    private static Path site;
    private static Document faq;
    private static SiteServer server;
    private static Reader reader;

    @BeforeAll
    static void start(ShippedSite shipped, Reader tab) throws IOException {
        site = shipped.site();
        server = shipped.server();
        reader = tab;
        faq = Jsoup.parse(site.resolve("faq/index.html").toFile(), "UTF-8");
    }

    @AfterEach
    void nothingWentWrong() {
        assertEquals(List.of(), reader.problems());
    }

    private static List<String> openIds() {
        return reader.all("details.faq-item[open]").stream().map(e -> e.getAttribute("id")).toList();
    }

    private static List<String> shownIds() {
        return reader.all("details.faq-item").stream().filter(WebElement::isDisplayed).map(e -> e.getAttribute("id")).toList();
    }

    private static boolean inView(String id) {
        return (Boolean) reader.js("""
                const r = document.getElementById(arguments[0]).getBoundingClientRect();
                return r.top >= 0 && r.top < innerHeight - 40;""", id);
    }

    @Test
    void anAddressWithAQuestionsAnchorOpensThatAnswerInView() {
        Element last = faq.select("details.faq-item").last();
        reader.open(server.url("faq/#" + last.id()));
        reader.until(d -> openIds().equals(List.of(last.id())));
        assertTrue(inView(last.id()), "the opened question is on screen");
        assertTrue(reader.find("#" + last.id() + " .faq-answer").isDisplayed());
    }

    @Test
    void followingALinkToAnotherQuestionOpensIt() {
        List<Element> items = faq.select("details.faq-item");
        reader.open(server.url("faq/"));
        assertEquals(List.of(), openIds(), "all questions start closed");
        String id = items.get(items.size() / 2).id();
        reader.js("location.hash = arguments[0];", id);
        reader.until(d -> openIds().contains(id));
        assertTrue(inView(id));

        // A second click on a link to the anchor already in the address fires no hashchange.
        reader.js("document.getElementById(arguments[0]).open = false; window.scrollTo(0, 0);", id);
        reader.js("""
                const a = document.createElement('a');
                a.href = '#' + arguments[0];
                a.textContent = 'again';
                document.querySelector('main').prepend(a);
                a.click();""", id);
        reader.until(d -> openIds().contains(id) && inView(id));
    }

    @Test
    void anArticlesRelatedQuestionLinkOpensThatQuestion() throws IOException {
        Path article;
        try (Stream<Path> files = Files.walk(site)) {
            article = files.filter(p -> p.endsWith("index.html")).filter(p -> {
                try {
                    return Jsoup.parse(p.toFile(), "UTF-8").selectFirst(".related-faq a") != null;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).findFirst().orElseThrow();
        }
        String path = site.relativize(article.getParent()).toString().replace('\\', '/') + "/";
        reader.open(server.url(path));
        WebElement link = reader.find(".related-faq a");
        String id = link.getAttribute("href").substring(link.getAttribute("href").indexOf('#') + 1);
        link.click();
        reader.until(d -> d.getCurrentUrl().endsWith("faq/#" + id));
        reader.waitForScripts();
        reader.until(d -> openIds().equals(List.of(id)));
        assertTrue(inView(id));
    }

    @Test
    void expandAllAndCollapseAll() {
        reader.open(server.url("faq/"));
        reader.find(".faq-expand").click();
        assertEquals(faq.select("details.faq-item").size(), openIds().size());
        reader.find(".faq-collapse").click();
        assertEquals(List.of(), openIds());
    }

    @Test
    void theFilterKeepsTheQuestionsTheSiteSearchFindsInPageOrder() {
        int total = faq.select("details.faq-item").size();
        reader.open(server.url("faq/"));
        WebElement filter = reader.find("#faq-filter");
        assertTrue(filter.isEnabled());
        assertEquals(total + " questions", reader.find(".faq-count").getText());

        filter.click();
        reader.keys("password");
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) reader.jsAsync("""
                const done = arguments[arguments.length - 1];
                kb.search('password', {limit: 200}).then(rs => done(rs.filter(r => r.kind === 'faq')
                    .map(r => decodeURIComponent(r.url.slice(r.url.indexOf('#') + 1)))));""");
        List<String> expected = faq.select("details.faq-item").stream().map(Element::id).filter(found::contains).toList();
        assertFalse(expected.isEmpty());
        assertTrue(expected.size() < total);

        reader.until(d -> reader.find(".faq-count").getText().equals(expected.size() + " of " + total + " questions"));
        assertEquals(expected, shownIds());
        reader.all(".faq-group").stream().filter(WebElement::isDisplayed)
                .forEach(g -> assertTrue(g.findElements(org.openqa.selenium.By.cssSelector("details.faq-item")).stream()
                        .anyMatch(WebElement::isDisplayed), "a group without matches is hidden"));

        reader.keys(org.openqa.selenium.Keys.BACK_SPACE.toString().repeat(8));
        reader.until(d -> shownIds().size() == total);
        assertEquals(total + " questions", reader.find(".faq-count").getText());
    }

    @Test
    void aFilterThatMatchesNothingSaysSo() {
        reader.open(server.url("faq/"));
        reader.find("#faq-filter").click();
        reader.keys("qqxzvq");
        reader.until(d -> reader.find(".faq-none").isDisplayed());
        assertEquals(List.of(), shownIds());
    }

    @Test
    void withoutJavaScriptTheControlsAreOffAndEveryAnswerIsInThePage() {
        for (String control : List.of("#faq-filter", ".faq-expand", ".faq-collapse")) {
            assertNotNull(faq.selectFirst(control), control);
            assertTrue(faq.selectFirst(control).hasAttr("disabled"), control + " is disabled in the HTML");
        }
        for (Element item : faq.select("details.faq-item")) {
            assertFalse(item.selectFirst("summary").text().isBlank());
            assertFalse(item.selectFirst(".faq-answer").text().isBlank(), item.id() + " has its answer in the page");
        }
        reader.open(server.url("faq/"));
        assertTrue(reader.find(".faq-expand").isEnabled(), "JavaScript turns the controls on");
    }
}
