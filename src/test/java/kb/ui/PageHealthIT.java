package kb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kb.testing.Axe;
import kb.testing.BrowserTest;
import kb.testing.Reader;
import kb.testing.ShippedSite;
import kb.testing.SiteServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * Every kind of page of the shipped site, as served under {@code Content-Security-Policy:
 * default-src 'self'} and as opened from disk: no script error, no failed load, no CSP
 * violation (search included); readable on a 360 px phone without sideways scrolling; AA text
 * contrast in light and dark mode; a visible keyboard focus; landmarks, a skip link, a language
 * and a unique title on every page.
 */
@BrowserTest
class PageHealthIT {
    private static Path site;
    private static SiteServer server;
    private static Reader reader;
    private static final List<String> PAGES = new ArrayList<>();
    private static final String NOT_FOUND = "no/such/page/";
    /** One callout of each kind found in the built site, added to article pages for the contrast check. */
    private static String calloutSamples;

    /** Contrast of every visible text run against the colour actually behind it (WCAG 2 formula). */
    private static final String CONTRAST = """
            const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
            const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
            const behind = el => { const layers = [];
              for (let e = el; e; e = e.parentElement) { const bg = parse(getComputedStyle(e).backgroundColor); if (bg.a > 0) { layers.push(bg); if (bg.a === 1) break; } }
              let out = {r: 255, g: 255, b: 255};
              if (!layers.length || layers[layers.length - 1].a < 1) out = parse(getComputedStyle(document.documentElement).backgroundColor).a ? parse(getComputedStyle(document.documentElement).backgroundColor) : out;
              for (let i = layers.length - 1; i >= 0; i--) { const l = layers[i]; out = {r: l.r * l.a + out.r * (1 - l.a), g: l.g * l.a + out.g * (1 - l.a), b: l.b * l.a + out.b * (1 - l.a)}; }
              return out; };
            const bad = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const el = n.parentElement;
              if (!n.textContent.trim() || !el || el.closest('[hidden], .visually-hidden, script, noscript, style') || el.matches(':disabled')) continue;
              const r = el.getBoundingClientRect();
              if (!r.width || !r.height) continue;
              const cs = getComputedStyle(el);
              if (cs.visibility === 'hidden' || Number(cs.opacity) < 0.1) continue;
              const fg = parse(cs.color), bg = behind(el);
              const l1 = lum(fg), l2 = lum(bg), ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
              const size = parseFloat(cs.fontSize), bold = Number(cs.fontWeight) >= 700;
              const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
              if (ratio < need) bad.push(ratio.toFixed(2) + ' < ' + need + ': "' + n.textContent.trim().slice(0, 40) + '" (' + el.tagName.toLowerCase() + '.' + el.className + ')');
            }
            return bad;""";

    @BeforeAll
    static void start(ShippedSite shipped, Reader tab) throws IOException {
        site = shipped.site();
        server = shipped.server();
        reader = tab;
        Document home = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        String section = home.selectFirst(".cards h3 a").attr("href");
        String article = home.selectFirst(".cards li ul a").attr("href");
        PAGES.addAll(List.of("", section, article, "faq/", "lifespans/", "search/?q=linkedin", "search/?q=qqxzvq"));
        // The same kinds of page in Spanish: longer words and another theme file must pass the same checks.
        Document spanishHome = Jsoup.parse(site.resolve("es/index.html").toFile(), "UTF-8");
        PAGES.addAll(List.of("es/", "es/" + spanishHome.selectFirst(".cards h3 a").attr("href"),
                "es/" + spanishHome.selectFirst(".cards li ul a").attr("href"), "es/faq/", "es/lifespans/",
                "es/search/?q=linkedin", "es/search/?q=qqxzvq"));
        Map<String, String> callouts = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(p -> p.getFileName().toString().equals("index.html")).toList()) {
                Jsoup.parse(file.toFile(), "UTF-8").select("aside.callout").forEach(c -> callouts.putIfAbsent(c.className(), c.outerHtml()));
            }
        }
        assertTrue(callouts.size() >= 3, "the shipped content uses several kinds of callout: " + callouts.keySet());
        calloutSamples = String.join("\n", callouts.values());
    }

    private static String fileUrl(String page) {
        int query = page.indexOf('?');
        String path = query < 0 ? page : page.substring(0, query);
        return site.resolve(path + "index.html").toUri() + (query < 0 ? "" : page.substring(query));
    }

    /** Opens a page, searches from its header box and waits for the answer, so search data loads too. */
    private static void visitAndSearch(String url) {
        reader.open(url);
        reader.js("document.getElementById('kb-search-input').focus();");
        reader.keys("token");
        reader.until(d -> !reader.all("#kb-search-results [role=option]").isEmpty());
        reader.keys(Keys.ESCAPE);
    }

    /**
     * What the CSP, contrast and axe tests look at, gathered in one visit per page and scheme:
     * each page loaded once in light and once in dark mode instead of once per test, with the
     * search popup open and its first answer selected, then with every FAQ answer open and every
     * kind of callout added. Computed by whichever of those tests runs first.
     */
    private record Sweep(Map<String, List<String>> problems, Map<String, List<String>> violations,
            Map<String, List<String>> lowContrast, Map<String, Boolean> darkBackground) {
    }

    private static Sweep sweep;

    private static synchronized Sweep sweep() {
        if (sweep == null) {
            sweep = runSweep();
        }
        return sweep;
    }

    @SuppressWarnings("unchecked")
    private static Sweep runSweep() {
        Map<String, List<String>> problems = new TreeMap<>();
        Map<String, List<String>> violations = new TreeMap<>();
        Map<String, List<String>> lowContrast = new TreeMap<>();
        Map<String, Boolean> darkBackground = new TreeMap<>();
        List<String> pages = new ArrayList<>(PAGES);
        pages.add(NOT_FOUND);
        server.missing();
        try {
            for (String scheme : List.of("light", "dark")) {
                reader.scheme(scheme);
                for (String page : pages) {
                    String key = scheme + " " + page;
                    reader.open(server.url(page));
                    // The search data loads too, and the instant-answer and result styles are on screen.
                    reader.js("document.getElementById('kb-search-input').focus();");
                    reader.keys("how often reconnect linkedin");
                    reader.until(d -> !reader.all("#kb-search-results [role=option]").isEmpty());
                    reader.keys(Keys.ARROW_DOWN);
                    List<String> found = new ArrayList<>(reader.problems());
                    if (page.equals(NOT_FOUND) && !reader.find("h1").getText().equals("Page not found")) {
                        found.add("no \"Page not found\" heading");
                    }
                    // What the page's own script would not see: the browser asking for an icon the site lacks.
                    server.missing().stream().filter(path -> !path.equals("/" + NOT_FOUND))
                            .forEach(path -> found.add("404 for " + path));
                    problems.put(key, found);
                    // Dark mode only swaps colour values (darkModeOnlySwapsColours), so only axe's
                    // colour rules can find something there that light mode does not.
                    violations.put(key, scheme.equals("light") ? Axe.violations(reader) : Axe.violations(reader, COLOUR_RULES));
                    // Hidden parts count too: every FAQ answer, and every kind of callout the site uses.
                    reader.js("""
                            document.querySelectorAll('details').forEach(d => { d.open = true; });
                            const body = document.querySelector('.article-body');
                            if (body) body.insertAdjacentHTML('beforeend', arguments[0]);""", calloutSamples);
                    lowContrast.put(key, (List<String>) reader.js(CONTRAST));
                }
                darkBackground.put(scheme, (Boolean) reader.js("""
                        const m = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);
                        return m[0] + m[1] + m[2] < 120;"""));
            }
        } finally {
            reader.scheme("light");
        }
        List.of(problems, violations, lowContrast).forEach(found -> found.values().removeIf(List::isEmpty));
        return new Sweep(problems, violations, lowContrast, darkBackground);
    }

    @Test
    void everyPageWorksUnderAStrictContentSecurityPolicy() {
        assertEquals(Map.of(), sweep().problems());
    }

    @Test
    void aMissingPageSuggestsWhatItsAddressWasAbout() {
        reader.open(server.url("linkedin/yearly-expiry-old/"));
        assertEquals("Page not found", reader.find("h1").getText());
        List<String> suggested = reader.until(d -> {
            List<String> titles = reader.all("#kb-notfound-suggestions a").stream().map(a -> a.getText()).toList();
            return titles.isEmpty() ? null : titles;
        });
        assertTrue(suggested.get(0).contains("LinkedIn"), suggested.toString());
        assertEquals(List.of(), reader.problems());
    }

    @Test
    void everyPageWorksOpenedFromDisk() {
        Map<String, List<String>> problems = new HashMap<>();
        for (String page : PAGES) {
            visitAndSearch(fileUrl(page));
            problems.put(page, reader.problems());
        }
        problems.values().removeIf(List::isEmpty);
        assertEquals(Map.of(), problems);
    }

    @Test
    void shortLinksAndOldAddressesLandOnTheArticleWithoutErrors() throws IOException {
        Path shortLink;
        try (Stream<Path> ids = Files.list(site.resolve("a"))) {
            shortLink = ids.findFirst().orElseThrow();
        }
        String path = "a/" + shortLink.getFileName() + "/";
        reader.driver.get(server.url(path));
        reader.until(d -> !d.getCurrentUrl().contains("/a/"));
        reader.waitForScripts();
        assertEquals("article", reader.js("return document.body.dataset.page;"));
        assertEquals(List.of(), reader.problems());
    }

    @Test
    void nothingScrollsSidewaysOnA360PixelPhone() {
        try {
            for (String scheme : List.of("light", "dark")) {
                reader.width(360).scheme(scheme);
                for (String page : PAGES) {
                    reader.open(server.url(page));
                    long wide = (Long) reader.js("return document.documentElement.scrollWidth;");
                    assertTrue(wide <= 360, page + " is " + wide + " px wide on a 360 px screen (" + scheme + ")");
                }
            }
        } finally {
            reader.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            reader.scheme("light");
        }
    }

    @Test
    void textMeetsAaContrastInLightAndDarkMode() {
        assertEquals(Map.of("dark", true, "light", false), sweep().darkBackground(), "the pages follow prefers-color-scheme");
        assertEquals(Map.of(), sweep().lowContrast());
    }

    /** axe-core's rules (contrast, landmarks, labels, ARIA) on every kind of page, search popup open, light and dark. */
    @Test
    void axeFindsNoViolationOnAnyKindOfPageLightOrDark() {
        assertEquals(Map.of(), sweep().violations());
    }

    /** axe's rules that read colours: all that dark mode can change, since it only swaps colour values. */
    private static final List<String> COLOUR_RULES = List.of("color-contrast", "link-in-text-block");

    /**
     * What lets the sweep run only axe's colour rules in dark mode: the stylesheet's dark block
     * gives new values to the light theme's custom properties and sets nothing else, so no
     * element is shown, hidden, moved or renamed by the reader's colour scheme.
     */
    @Test
    void darkModeOnlySwapsColours() throws IOException {
        String css = Files.readString(site.resolve("assets/kb.css")).replaceAll("(?s)/\\*.*?\\*/", "");
        Matcher dark = Pattern.compile("@media\\s*\\(prefers-color-scheme:\\s*dark\\)\\s*\\{\\s*:root\\s*\\{([^{}]*)\\}\\s*\\}").matcher(css);
        assertTrue(dark.find(), "kb.css has a dark block of :root custom properties only");
        assertFalse(dark.find(), "kb.css has one dark block");
        String light = css.substring(css.indexOf(":root"), css.indexOf('}', css.indexOf(":root")));
        assertEquals(1, css.split("prefers-color-scheme").length - 1, "kb.css reads the colour scheme in one place");
        dark.reset().find();
        for (String declaration : dark.group(1).split(";")) {
            String name = declaration.strip().split(":")[0].strip();
            if (!name.isEmpty()) {
                assertTrue(name.startsWith("--") && light.contains(name + ":"), "the dark block sets " + name + ", not a light-theme variable");
            }
        }
    }

    @Test
    void theKeyboardFocusIsAlwaysVisible() {
        reader.open(server.url(PAGES.get(2)));
        reader.keys(Keys.TAB);
        assertEquals("skip-link", reader.js("return document.activeElement.className;"));
        assertTrue((Boolean) reader.js("return document.activeElement.getBoundingClientRect().top >= 0;"), "the skip link shows when focused");
        reader.keys(Keys.ENTER);
        for (int i = 0; i < 12; i++) {
            reader.keys(Keys.TAB);
            @SuppressWarnings("unchecked")
            Map<String, Object> focus = (Map<String, Object>) reader.js("""
                    const s = getComputedStyle(document.activeElement);
                    return {tag: document.activeElement.tagName, inMain: !!document.activeElement.closest('main'),
                            style: s.outlineStyle, width: parseFloat(s.outlineWidth)};""");
            assertTrue(Boolean.TRUE.equals(focus.get("inMain")), "the skip link leads into the main content: " + focus);
            assertFalse("none".equals(focus.get("style")), "focus outline on " + focus);
            assertTrue(((Number) focus.get("width")).doubleValue() >= 2, "focus outline on " + focus);
        }
    }

    /** Browsers ask for an icon on every page: the declared one, else /favicon.ico. Both are there. */
    @Test
    void everyPageDeclaresIconsTheSiteHas() throws IOException {
        assertTrue(Files.size(site.resolve("favicon.ico")) > 0, "favicon.ico at the site root");
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
        }
        for (Path file : pages) {
            List<String> icons = Jsoup.parse(file.toFile(), "UTF-8").select("link[rel=icon]").eachAttr("href");
            assertFalse(icons.isEmpty(), site.relativize(file) + " declares an icon");
            for (String icon : icons) {
                // 404.html is served at any depth, so its links start at the site root.
                Path target = icon.startsWith("/") ? site.resolve(icon.substring(1)) : file.getParent().resolve(icon);
                assertTrue(Files.isRegularFile(target.normalize()), site.relativize(file) + ": " + icon);
            }
        }
    }

    /** Each landmark of a page as "role name" (axe's landmark-unique): the name from aria-label or aria-labelledby. */
    private static List<String> landmarks(Document page) {
        List<String> found = new ArrayList<>();
        for (Element e : page.select("[role], nav, main, aside, header, footer, section[aria-label], section[aria-labelledby]")) {
            String role = e.hasAttr("role") ? e.attr("role") : switch (e.tagName()) {
                case "nav" -> "navigation";
                case "aside" -> "complementary";
                case "section" -> "region";
                // header and footer are the page's banner and contentinfo only outside sectioning content
                case "header" -> e.closest("article, aside, main, nav, section") == null ? "banner" : "";
                case "footer" -> e.closest("article, aside, main, nav, section") == null ? "contentinfo" : "";
                default -> e.tagName();
            };
            if (List.of("banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search").contains(role)) {
                String name = e.attr("aria-label");
                if (e.hasAttr("aria-labelledby")) {
                    name = String.join(" ", Stream.of(e.attr("aria-labelledby").split("\\s+"))
                            .map(id -> page.getElementById(id).text()).toList());
                }
                found.add(role + " \"" + name + "\"");
            }
        }
        return found;
    }

    @Test
    void everyPageHasALanguageLandmarksASkipLinkAndAUniqueTitle() throws IOException {
        Map<String, String> titles = new HashMap<>();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
        }
        for (Path file : pages) {
            Document page = Jsoup.parse(file.toFile(), "UTF-8");
            String name = site.relativize(file).toString();
            assertFalse(page.selectFirst("html").attr("lang").isBlank(), name);
            if (page.selectFirst("meta[http-equiv=refresh]") != null) {
                continue; // a redirect stub, not a page a reader stays on
            }
            assertEquals(1, page.select("main#main").size(), name);
            assertNotNull(page.selectFirst("a.skip-link[href=#main]"), name);
            assertNotNull(page.selectFirst("header.site-header"), name);
            assertNotNull(page.selectFirst("footer.site-footer"), name);
            assertFalse(page.select("nav[aria-label]").isEmpty(), name);
            assertEquals(1, page.select("h1").size(), name + " has one h1");
            assertTrue(page.select("[style], [onclick], [onload], [onerror], [oninput], [onchange], [onsubmit], style").isEmpty(),
                    name + " has no inline style or event handler (CSP)");
            assertTrue(page.select("script:not([src])").stream().map(s -> s.attr("type"))
                    .allMatch(type -> type.equals("application/ld+json") || type.equals("application/json")),
                    name + " has no inline script (CSP); only JSON data blocks");
            List<String> landmarks = landmarks(page);
            assertEquals(landmarks.stream().distinct().toList(), landmarks,
                    name + ": two landmarks of one kind need different names, or a screen reader's list of them reads twice alike");
            String before = titles.put(page.title(), name);
            assertEquals(null, before, "title \"" + page.title() + "\" of " + name + " is also the title of " + before);
        }
    }
}
