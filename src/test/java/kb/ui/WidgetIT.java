package kb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kb.testing.Axe;
import kb.testing.BrowserTest;
import kb.testing.Reader;
import kb.testing.ShippedSite;
import kb.testing.SiteServer;
import kb.widget.WidgetFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The help widget as a customer's product embeds it: a host page on one loopback port, with a
 * strict CSP and hostile CSS, loads widget.js from the shipped site served on another. Every test
 * also fails on any script error or CSP violation on the host page.
 */
@BrowserTest
class WidgetIT {
    private static final String QUERY = "linkedin disconnected";
    /** The widget's shadow root, from the host page. */
    private static final String SHADOW = "document.querySelector('[data-kb-widget]').shadowRoot";

    private static ShippedSite shipped;
    private static HostPage host;
    private static Reader reader;

    @BeforeAll
    static void start(ShippedSite site, Reader tab) throws IOException {
        shipped = site;
        reader = tab;
        host = HostPage.serve();
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @BeforeEach
    void openHostPage() {
        reader.focus();
        reader.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(
                Map.of("name", "prefers-color-scheme", "value", "light"),
                Map.of("name", "prefers-reduced-motion", "value", "no-preference"))));
        reader.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        reader.driver.get(host.url(shipped.server().url("")));
        reader.until(d -> Boolean.TRUE.equals(reader.js("return !!window.KbWidget && !!document.querySelector('[data-kb-widget]')"
                + " && !" + SHADOW + ".querySelector('.w').hidden;")));
    }

    @AfterEach
    void nothingWentWrong() {
        assertEquals(List.of(), reader.problems());
    }

    private static WebElement inWidget(String css) {
        return (WebElement) reader.js("return " + SHADOW + ".querySelector(arguments[0]);", css);
    }

    @SuppressWarnings("unchecked")
    private static List<WebElement> allInWidget(String css) {
        return (List<WebElement>) reader.js("return Array.from(" + SHADOW + ".querySelectorAll(arguments[0]));", css);
    }

    /** The id (or class) of the element focused inside the widget, "" if focus is elsewhere. */
    private static String focusedInWidget() {
        return (String) reader.js("const a = document.activeElement === document.querySelector('[data-kb-widget]') && "
                + SHADOW + ".activeElement; return a ? (a.id || a.className || a.tagName.toLowerCase()) : '';");
    }

    private static boolean panelOpen() {
        return Boolean.TRUE.equals(reader.js("return !" + SHADOW + ".getElementById('kbw-panel').hidden;"));
    }

    /** The results in the order the widget shows them: the instant answer first, then the list. */
    @SuppressWarnings("unchecked")
    private static List<String> widgetResults() {
        return (List<String>) reader.js("const s = " + SHADOW + "; return Array.from(s.querySelectorAll("
                + "'.answer:not([hidden]) > a, .results .result')).map(a => a.href);");
    }

    private static List<String> searchInWidget(String query) {
        inWidget(".launcher").click();
        reader.until(d -> focusedInWidget().equals("kbw-q"));
        reader.keys(query);
        return reader.until(d -> widgetResults().size() > 2 ? widgetResults() : null);
    }

    @Test
    void searchShowsTheSameResultsInTheSameOrderAsTheSiteSearchBox() {
        List<String> inWidget = searchInWidget(QUERY);
        assertTrue(inWidget.get(0).startsWith(shipped.server().url("")), "results link to the help center: " + inWidget);

        reader.open(shipped.server().url(""));
        reader.keys("/");
        reader.keys(QUERY);
        // Both carry the query (?h=) for the page to mark what it matched.
        @SuppressWarnings("unchecked")
        List<String> inSearchBox = reader.until(d -> {
            List<String> hrefs = (List<String>) reader.js("return Array.from(document.querySelectorAll("
                    + "'#kb-search-results [role=option]:not(.search-all)')).map(a => a.href);");
            return hrefs.size() > 2 ? hrefs : null;
        });
        assertEquals(inSearchBox, inWidget);
        assertTrue(inWidget.stream().allMatch(u -> QUERY.equals(java.net.URI.create(u).getQuery().replaceFirst("^h=", ""))), inWidget.toString());
    }

    @Test
    void aResultOpensInThePanelAndItsLinkOpensTheFullPageAtTheSameSection() {
        searchInWidget(QUERY);
        WebElement section = allInWidget(".results .result").stream()
                .filter(a -> a.getAttribute("href").contains("#") && a.getDomAttribute("target") == null)
                .findFirst().orElseThrow(() -> new AssertionError("no section of an article among the results"));
        String sectionUrl = section.getAttribute("href");
        String anchor = sectionUrl.substring(sectionUrl.indexOf('#') + 1);
        section.click();

        int tabs = reader.driver.getWindowHandles().size();
        reader.until(d -> focusedInWidget().equals(anchor));
        assertEquals(tabs, reader.driver.getWindowHandles().size(), "the article opened in the panel, not in a tab");
        WebElement open = inWidget(".reader a.open");
        assertEquals(sectionUrl, open.getAttribute("href"));
        String title = inWidget("#kbw-title").getText();
        assertTrue(inWidget(".reader .body").getText().length() > 200, "the article's text is in the panel");

        String here = reader.driver.getWindowHandle();
        java.util.Set<String> before = reader.driver.getWindowHandles();
        open.click();
        reader.until(d -> d.getWindowHandles().size() == before.size() + 1);
        String tab = reader.driver.getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst().orElseThrow();
        try {
            reader.driver.switchTo().window(tab);
            reader.until(d -> sectionUrl.equals(d.getCurrentUrl())
                    && Boolean.TRUE.equals(reader.js("return document.readyState === 'complete';")));
            assertEquals(title, reader.find("main h1").getText(), "the full page of the same article");
            assertNotEquals(null, reader.js("return document.getElementById(arguments[0]);", anchor), "with the section");
            // The query came along (?h=): the page marks the words it matched, as after the site's own search.
            reader.until(d -> !reader.all("main mark").isEmpty());
            String marked = reader.all("main mark").stream().map(WebElement::getText)
                    .collect(java.util.stream.Collectors.joining(" ")).toLowerCase(java.util.Locale.ROOT);
            assertTrue(marked.contains("linkedin") && marked.contains("disconnect"), marked);
            assertEquals(List.of(), reader.problems());
        } finally {
            reader.driver.close();
            reader.driver.switchTo().window(here);
        }
    }

    /** The article and section the demo page offers, as the build chose them. */
    private static Element demoExample() throws IOException {
        return Jsoup.parse(shipped.site().resolve(WidgetFiles.DEMO + "index.html").toFile(), "UTF-8")
                .getElementById("kb-demo-article");
    }

    @Test
    void theArticleApiOpensThatSectionInThePanel() throws IOException {
        Element example = demoExample();
        String anchor = example.attr("data-anchor");
        reader.js("KbWidget.article(Number(arguments[0]), arguments[1]);", example.attr("data-id"), anchor);
        reader.until(d -> focusedInWidget().equals(anchor));
        assertTrue(panelOpen());
        assertTrue(example.text().contains(inWidget("#kbw-title").getText()), example.text());
        assertTrue(inWidget(".reader a.open").getAttribute("href").endsWith("/#" + anchor));
        assertEquals(Boolean.TRUE, reader.js("const s = " + SHADOW + ", h = s.getElementById(arguments[0]).getBoundingClientRect(),"
                + " box = s.querySelector('.scroll').getBoundingClientRect(); return h.top >= box.top - 1 && h.top < box.top + 60;", anchor),
                "the section is at the top of the reader");
    }

    /** Computed styles the host's CSS would change if it reached into the widget. */
    @SuppressWarnings("unchecked")
    private static List<String> looks() {
        return (List<String>) reader.js("const s = " + SHADOW + "; return ['.launcher', '#kbw-title', '#kbw-q', '.result .r-title',"
                + " '.r-excerpt', '.contact h3', '.contact a'].map(c => { const e = s.querySelector(c); if (!e) return c + ' missing';"
                + " const st = getComputedStyle(e); return c + ': ' + [st.color, st.fontFamily, st.fontSize, st.fontStyle, st.display].join(' | '); });");
    }

    @Test
    void theHostsHostileCssChangesNothingInTheWidgetAndTheWidgetsCssNothingOnTheHost() {
        searchInWidget(QUERY);
        List<String> hostile = looks();
        reader.js("document.querySelector('link[href=\"/hostile.css\"]').disabled = true;");
        List<String> calm = looks();
        assertEquals(calm, hostile);
        assertTrue(hostile.stream().noneMatch(l -> l.contains("rgb(255, 0, 0)") || l.contains("30px") || l.contains("missing")), hostile.toString());

        // The host's own element with the widget's class names keeps the host's look.
        @SuppressWarnings("unchecked")
        List<Object> lookalike = (List<Object>) reader.js("const st = getComputedStyle(document.getElementById('host-lookalike'));"
                + " return [st.position, st.width === '1px', st.display];");
        assertEquals(List.of("static", false, "block"), lookalike);
    }

    @Test
    void aKeyboardOnlyReaderOpensSearchesReadsAndCloses() {
        reader.js("document.activeElement.blur(); window.focus();");
        for (int i = 0; i < 8 && !focusedInWidget().equals("launcher"); i++) {
            reader.keys(Keys.TAB);
        }
        assertEquals("launcher", focusedInWidget(), "the launcher is in the tab order");
        reader.keys(Keys.ENTER);
        reader.until(d -> focusedInWidget().equals("kbw-q"));
        assertEquals("true", inWidget(".launcher").getAttribute("aria-expanded"));
        reader.keys(QUERY);
        reader.until(d -> widgetResults().size() > 2);
        // Tab to the first result the panel can show itself, and open it.
        for (int i = 0; i < 20; i++) {
            reader.keys(Keys.TAB);
            if (Boolean.TRUE.equals(reader.js("const a = " + SHADOW + ".activeElement; return !!a && a.classList.contains('result')"
                    + " && !a.target;"))) {
                break;
            }
        }
        assertEquals("result", focusedInWidget());
        String chosen = (String) reader.js("return " + SHADOW + ".activeElement.href;");
        reader.keys(Keys.ENTER);
        reader.until(d -> inWidget(".reader .body") != null);
        assertFalse(inWidget("#kbw-title").getText().isBlank());
        String where = chosen.contains("#") ? chosen.substring(chosen.indexOf('#') + 1) : "kbw-title";
        assertEquals(where, focusedInWidget(), "focus moves to what was opened: the section, or the article's title");
        reader.keys(Keys.TAB);
        assertFalse(focusedInWidget().isEmpty(), "Tab goes on inside the article");
        reader.keys(Keys.ESCAPE);
        reader.until(d -> !panelOpen());
        assertEquals("launcher", focusedInWidget(), "Escape closes and focus goes back to the launcher");
        assertEquals("false", inWidget(".launcher").getAttribute("aria-expanded"));
    }

    /** axe on the widget alone: the host page's own content (red 30px text) is not the widget's to answer for. */
    private static List<String> axeViolations() {
        return Axe.violations(reader, "document.querySelector('[data-kb-widget]')");
    }

    @Test
    void axeFindsNoViolationsInTheOpenPanelLightOrDark() {
        searchInWidget(QUERY);
        assertEquals(List.of(), axeViolations(), "search results");
        allInWidget(".results .result").stream().filter(a -> a.getDomAttribute("target") == null).findFirst().orElseThrow().click();
        reader.until(d -> inWidget(".reader .body") != null);
        assertEquals(List.of(), axeViolations(), "an article");
        reader.js("document.documentElement.setAttribute('data-theme', 'dark');");
        assertEquals(List.of(), axeViolations(), "an article, dark");
    }

    @Test
    void lightAndDarkFollowTheHost() {
        inWidget(".launcher").click();
        String light = (String) reader.js("return getComputedStyle(" + SHADOW + ".getElementById('kbw-panel')).backgroundColor;");
        reader.js("document.documentElement.setAttribute('data-theme', 'dark');");
        String dark = (String) reader.js("return getComputedStyle(" + SHADOW + ".getElementById('kbw-panel')).backgroundColor;");
        assertNotEquals(light, dark);
        reader.js("document.documentElement.removeAttribute('data-theme');");
        reader.until(d -> light.equals(reader.js("return getComputedStyle(" + SHADOW + ".getElementById('kbw-panel')).backgroundColor;")));
        reader.scheme("dark");
        assertEquals(dark, reader.js("return getComputedStyle(" + SHADOW + ".getElementById('kbw-panel')).backgroundColor;"),
                "with no data-theme, the reader's preference");
        reader.js("document.body.setAttribute('data-theme', 'light');");
        reader.until(d -> light.equals(reader.js("return getComputedStyle(" + SHADOW + ".getElementById('kbw-panel')).backgroundColor;")));
    }

    @Test
    void onAPhoneThePanelFillsTheScreenAndReducedMotionStopsTheAnimation() {
        reader.width(375);
        reader.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        inWidget(".launcher").click();
        @SuppressWarnings("unchecked")
        Map<String, Object> panel = (Map<String, Object>) reader.js("const p = " + SHADOW + ".getElementById('kbw-panel'),"
                + " r = p.getBoundingClientRect(); return {left: r.left, top: r.top, width: r.width, height: r.height,"
                + " vw: innerWidth, vh: innerHeight, animation: getComputedStyle(p).animationName};");
        assertEquals(0L, ((Number) panel.get("left")).longValue());
        assertEquals(0L, ((Number) panel.get("top")).longValue());
        assertEquals(((Number) panel.get("vw")).longValue(), ((Number) panel.get("width")).longValue());
        assertEquals(((Number) panel.get("vh")).longValue(), ((Number) panel.get("height")).longValue());
        assertEquals("none", panel.get("animation"));
    }

    @Test
    void theWidgetTakesNoRoomOnTheHostPageAndShiftsNothing() {
        String before = (String) reader.js("return JSON.stringify([document.getElementById('main').getBoundingClientRect(),"
                + " document.documentElement.scrollHeight]);");
        reader.js("document.querySelector('link[href=\"/hostile.css\"]').disabled = true;");
        reader.js("document.querySelector('link[href=\"/hostile.css\"]').disabled = false;");
        searchInWidget(QUERY);
        reader.keys(Keys.ESCAPE);
        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) reader.js("const r = document.querySelector('[data-kb-widget]').getBoundingClientRect();"
                + " return {layout: JSON.stringify([document.getElementById('main').getBoundingClientRect(), document.documentElement.scrollHeight]),"
                + " width: r.width, height: r.height, shifts: performance.getEntriesByType('layout-shift').length};");
        assertEquals(before, after.get("layout"));
        assertEquals(0L, ((Number) after.get("width")).longValue());
        assertEquals(0L, ((Number) after.get("height")).longValue());
    }

    @Test
    void theApiIsOneVersionedGlobalThatWarnsAboutMistakesAndNeverThrows() {
        @SuppressWarnings("unchecked")
        List<String> plainGlobals = (List<String>) reader.js("return Object.keys(window);");
        reader.driver.get(host.url(shipped.server().url("")) + "&plain");
        @SuppressWarnings("unchecked")
        List<String> without = (List<String>) reader.js("return Object.keys(window);");
        List<String> added = new ArrayList<>(plainGlobals);
        added.removeAll(without);
        added.remove("ret_nodes"); // chromedriver's own, left by its element lookups
        assertEquals(List.of("KbWidget"), added, "before first use the widget adds one global");

        openHostPage();
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) reader.js("""
                const warned = [];
                const warn = console.warn;
                console.warn = (m) => warned.push(String(m));
                const thrown = [];
                for (const call of [() => KbWidget.open({qurey: 'x'}), () => KbWidget.open('x'), () => KbWidget.article('abc'),
                    () => KbWidget.article(-1), () => KbWidget.suggest({}), () => KbWidget.on('clicked', () => 1),
                    () => KbWidget.on('opened', 'not a function'), () => KbWidget.close(42)]) {
                  try { call(); } catch (e) { thrown.push(String(e)); }
                }
                console.warn = warn;
                return {version: KbWidget.version, warned, thrown};
                """);
        assertEquals(WidgetFiles.VERSION, r.get("version"));
        assertEquals(List.of(), r.get("thrown"));
        @SuppressWarnings("unchecked")
        List<String> warned = (List<String>) r.get("warned");
        assertTrue(warned.stream().anyMatch(w -> w.contains("unknown option \"qurey\"")), warned.toString());
        assertTrue(warned.stream().anyMatch(w -> w.contains("unknown event \"clicked\"")), warned.toString());
        assertTrue(warned.stream().anyMatch(w -> w.contains("article(id, anchor)")), warned.toString());
        assertTrue(warned.size() >= 6, warned.toString());
    }

    @Test
    void theHostHearsOpenedSearchedArticleShownAndClosed() throws IOException {
        reader.js("window.heard = []; for (const name of ['opened', 'searched', 'articleshown', 'closed'])"
                + " KbWidget.on(name, d => heard.push(name + ' ' + (d.query || d.id || '')));");
        reader.js("KbWidget.open({query: arguments[0]});", QUERY);
        reader.until(d -> widgetResults().size() > 2);
        Element example = demoExample();
        reader.js("KbWidget.article(arguments[0], arguments[1]);", example.attr("data-id"), example.attr("data-anchor"));
        reader.until(d -> inWidget(".reader .body") != null);
        reader.js("KbWidget.close();");
        assertEquals(List.of("opened ", "searched " + QUERY, "articleshown " + example.attr("data-id"), "closed "),
                reader.js("return heard;"));
    }

    @Test
    void suggestionsForTheHostsScreenShowWhenThePanelOpens() throws IOException {
        Element example = demoExample();
        reader.js("KbWidget.suggest([Number(arguments[0])]); KbWidget.open();", example.attr("data-id"));
        reader.until(d -> allInWidget(".suggested .result").size() == 1);
        assertTrue(example.text().contains(allInWidget(".suggested .r-title").get(0).getText()));
        reader.js("KbWidget.suggest(arguments[0]);", QUERY);
        reader.until(d -> allInWidget(".suggested .result").size() > 1);
    }

    @Test
    void whenTheHelpCenterCannotBeReachedTheLauncherSaysSo() throws IOException {
        SiteServer doomed = SiteServer.serve(shipped.site());
        try {
            reader.driver.get(host.url(doomed.url("")));
            reader.until(d -> Boolean.TRUE.equals(reader.js("return !!window.KbWidget && !!document.querySelector('[data-kb-widget]')"
                    + " && !" + SHADOW + ".querySelector('.w').hidden;")));
        } finally {
            doomed.close();
        }
        inWidget(".launcher").click();
        reader.until(d -> inWidget(".launcher").getText().equals("Help unavailable"));
        assertTrue(inWidget(".answer").getText().contains("unavailable"), inWidget(".answer").getText());
        assertTrue(inWidget(".contact a[href^='mailto:']").isDisplayed(), "support can still be reached");
        List<String> problems = reader.problems();
        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().allMatch(p -> p.startsWith("failed to load " + doomed.url(""))), problems.toString());
    }
}
