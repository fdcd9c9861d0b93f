package kb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * The shipped site in English and Spanish, as a reader's browser goes between them: a short link
 * opens the reader's language, the switcher keeps their section, and a Spanish page searches the
 * Spanish pages.
 */
@BrowserTest
class LanguagesIT {
    private static final String ARTICLE = "linkedin/token-expiration/";

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
        prefer("en-US,en");
        assertEquals(List.of(), reader.problems());
    }

    /** The languages the reader's browser asks for, as navigator.languages reports them. */
    private static void prefer(String acceptLanguage) {
        String agent = (String) reader.focus().js("return navigator.userAgent;");
        reader.driver.executeCdpCommand("Emulation.setUserAgentOverride",
                Map.of("userAgent", agent, "acceptLanguage", acceptLanguage));
    }

    private static String landedOn(String url) {
        reader.open(url);
        reader.until(d -> !d.getCurrentUrl().contains("/a/501/"));
        return reader.driver.getCurrentUrl();
    }

    @Test
    void aShortLinkOpensTheTranslationTheReaderPrefersElseTheDefault() {
        prefer("es-MX,es;q=0.9,en;q=0.5");
        assertEquals(server.url("es/" + ARTICLE), landedOn(server.url("a/501/")));
        assertTrue(landedOn("file://" + site.resolve("a/501/index.html")).endsWith("/es/" + ARTICLE + "index.html"),
                "from disk too");
        prefer("fr-FR,fr");
        assertEquals(server.url(ARTICLE), landedOn(server.url("a/501/")), "no French: the default language");
        prefer("en-US,en");
        assertEquals(server.url("es/" + ARTICLE), landedOn(server.url("es/a/501/")),
                "a language's own short link always means that language");
    }

    @Test
    void theSwitcherKeepsTheSectionBothVersionsPin() {
        reader.open(server.url("es/" + ARTICLE + "#what-to-do"));
        reader.find("nav.language-switcher a[hreflang=en]").click();
        reader.until(d -> d.getCurrentUrl().startsWith(server.url(ARTICLE)));
        assertEquals(server.url(ARTICLE + "#what-to-do"), reader.driver.getCurrentUrl());
        reader.open(server.url(ARTICLE));
        assertEquals(server.url("es/" + ARTICLE), reader.find("nav.language-switcher a[hreflang=es]").getAttribute("href"),
                "no section open: the page itself");
    }

    @Test
    void aSpanishPageSearchesTheSpanishPages() {
        reader.open(server.url("es/"));
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) reader.jsAsync("""
                const done = arguments[arguments.length - 1];
                kb.search('token caducado', {limit: 3}).then(
                  r => done(r.map(h => new URL(kb.href(h.url), location.href).href)), e => done(['failed: ' + e]));""");
        assertFalse(hrefs.isEmpty());
        hrefs.forEach(h -> assertTrue(h.startsWith(server.url("es/")), h));
    }
}
