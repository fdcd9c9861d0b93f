package kb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.testing.BrowserTest;
import kb.testing.Reader;
import kb.testing.ShippedSite;
import kb.testing.SiteServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Copy-link buttons put the absolute, shareable URL on the clipboard (the configured base URL,
 * never a file:// or preview address), say so to screen readers, and fall back to a selected
 * field where the clipboard cannot be used. From disk, folder links name their index.html.
 */
@BrowserTest
class CopyLinkIT {
    private static final String ARTICLE = "linkedin/token-expiration/";

    private static Path site;
    private static SiteServer server;
    private static Reader reader;

    @BeforeAll
    static void start(ShippedSite shipped, Reader tab) {
        site = shipped.site();
        server = shipped.server();
        reader = tab;
        // Headless Chromium keeps its own clipboard; reading it back needs the permission.
        reader.driver.executeCdpCommand("Browser.grantPermissions",
                Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    @AfterEach
    void nothingWentWrong() {
        assertEquals(List.of(), reader.problems());
    }

    private static String clipboard() {
        return (String) reader.jsAsync("""
                const done = arguments[arguments.length - 1];
                navigator.clipboard.readText().then(done, e => done('cannot read the clipboard: ' + e));""");
    }

    private static String canonical() {
        return reader.find("link[rel=canonical]").getAttribute("href");
    }

    private static void waitForAnnouncement(String words) {
        reader.until(d -> words.equals(reader.find("#kb-live").getAttribute("textContent")));
    }

    private static void copyFirstHeadingLink() {
        WebElement heading = reader.find(".article-body h2[id]");
        String expected = canonical() + "#" + heading.getAttribute("id");
        WebElement anchor = heading.findElement(By.cssSelector("a.kb-anchor"));
        assertEquals(expected, anchor.getAttribute("data-copy-url"));
        reader.js("navigator.clipboard.writeText('');");
        anchor.click();
        waitForAnnouncement("Link copied");
        assertEquals(expected, clipboard());
        assertTrue(reader.driver.getCurrentUrl().endsWith("#" + heading.getAttribute("id")), "the click still goes to the section");
    }

    @Test
    void aHeadingsLinkCopiesItsAbsoluteUrl() {
        reader.open(server.url(ARTICLE));
        assertTrue(canonical().startsWith("https://"));
        copyFirstHeadingLink();
    }

    @Test
    void fromDiskTheCopiedLinkIsStillThePublicUrl() {
        reader.open(site.resolve(ARTICLE + "index.html").toUri().toString());
        copyFirstHeadingLink();
        assertTrue(clipboard().startsWith("https://"), clipboard());
    }

    @Test
    void theKeyboardCopiesTooAndTheLinkSaysWhatItDoes() {
        reader.open(server.url(ARTICLE));
        WebElement anchor = reader.find(".article-body h2[id] a.kb-anchor");
        assertTrue(anchor.getAttribute("aria-label").startsWith("Copy link to section"));
        reader.js("arguments[0].focus();", anchor);
        reader.keys(org.openqa.selenium.Keys.ENTER);
        waitForAnnouncement("Link copied");
        assertEquals(anchor.getAttribute("data-copy-url"), clipboard());
    }

    @Test
    void anFaqAnswersLinkCopiesTheQuestionsUrl() {
        reader.open(server.url("faq/"));
        WebElement item = reader.find("details.faq-item");
        item.findElement(By.tagName("summary")).click();
        item.findElement(By.cssSelector("a.kb-anchor")).click();
        waitForAnnouncement("Link copied");
        assertEquals(canonical() + "#" + item.getAttribute("id"), clipboard());
    }

    @Test
    void theShortLinkHasACopyButton() {
        reader.open(server.url(ARTICLE));
        WebElement link = reader.find("a.short-link");
        WebElement button = reader.find("a.short-link + button.copy-button");
        button.click();
        waitForAnnouncement("Short link copied");
        assertEquals(link.getAttribute("data-copy"), clipboard());
        assertTrue(link.getAttribute("data-copy").matches("https://.+/a/\\d+/"));
        assertTrue(button.getText().contains("Copied"), button.getText());
    }

    /** In a tab of its own ({@code bare}), since the script it adds takes the clipboard away. */
    @Test
    void withoutAClipboardTheLinkIsSelectedForCopyingByHand(Reader bare) {
        bare.focus().driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});
                Document.prototype.execCommand = () => false;"""));
        bare.open(server.url(ARTICLE));
        WebElement anchor = bare.find(".article-body h2[id] a.kb-anchor");
        anchor.click();
        WebElement field = bare.until(d -> bare.find(".copy-manual-field").isDisplayed() ? bare.find(".copy-manual-field") : null);
        assertEquals(anchor.getAttribute("data-copy-url"), field.getDomProperty("value"));
        assertEquals("copy-manual-field 0 " + field.getDomProperty("value").length(), bare.js("""
                const f = document.activeElement;
                return f.className + ' ' + f.selectionStart + ' ' + f.selectionEnd;"""),
                "the whole link is selected, ready for Ctrl+C");
        assertEquals(List.of(), bare.problems());
    }

    @Test
    void fromDiskFolderLinksOpenTheirIndexFile() {
        reader.open(site.resolve("index.html").toUri().toString());
        @SuppressWarnings("unchecked")
        List<String> folderLinks = (List<String>) reader.js("""
                return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))
                    .filter(h => !/^(?:[a-z][a-z0-9+.-]*:|#)/i.test(h) && /\\/(?:[?#].*)?$/.test(h));""");
        assertEquals(List.of(), folderLinks, "every relative folder link names index.html");
        assertTrue(reader.find("form[role=search]").getAttribute("action").endsWith("search/index.html"));

        WebElement faqLink = reader.find(".top-links a[href^='faq/']");
        assertEquals("faq/index.html", faqLink.getAttribute("href").substring(faqLink.getAttribute("href").lastIndexOf("faq/")));
        faqLink.click();
        reader.waitForScripts();
        assertEquals("Frequently asked questions", reader.find("h1").getText());
        assertFalse(reader.all("details.faq-item").isEmpty());
    }
}
