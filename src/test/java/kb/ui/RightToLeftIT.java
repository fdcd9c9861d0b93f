package kb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import kb.pipeline.BuildOptions;
import kb.pipeline.SiteBuild;
import kb.testing.Axe;
import kb.testing.BrowserTest;
import kb.testing.FixtureSites;
import kb.testing.Reader;
import kb.testing.SiteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Arabic fixture site (sites/arabic: {@code language: ar}, its own templates/i18n/ar.yaml) in
 * Chromium: the page reads right to left and its layout mirrors, since the stylesheet says start
 * and end rather than left and right; and axe finds nothing wrong with it.
 */
@BrowserTest
class RightToLeftIT {
    @TempDir
    static Path dir;
    private static SiteServer server;
    private static Reader reader;

    @BeforeAll
    static void start(Reader tab) throws IOException {
        Path fixture = FixtureSites.copy("arabic", dir.resolve("arabic"));
        // Networks in the data file, so the site has its lifespans table and calculator to mirror
        // (a help center without any has no such page). Only this test's copy gets them: the
        // fixture's search tests rank its two articles alone.
        java.nio.file.Files.createDirectories(fixture.resolve("content/data"));
        java.nio.file.Files.writeString(fixture.resolve("content/data/networks.yaml"), """
                networks:
                  - id: facebook
                    name: Facebook
                    lifespan_days: 60
                    notes: أعد الربط قبل انتهاء الرمز.
                  - id: linkedin
                    name: LinkedIn
                    lifespan_days: 365
                    inactivity_days: 60
                    activity: النشر من داخل التطبيق
                """);
        Path site = dir.resolve("site");
        new SiteBuild(new BuildOptions(fixture.resolve("content"), fixture.resolve("templates"), site, null,
                false, false, true)).run();
        server = SiteServer.serve(site);
        reader = tab;
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Number> box(String css) {
        return (List<Number>) reader.js("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + " return [r.left, r.right];", css);
    }

    @Test
    void anArticleReadsRightToLeftWithItsMenuOnTheRight() {
        reader.width(1280).open(server.url("alhisab/muddat-alramz/"));
        reader.waitForScripts();
        assertEquals("rtl", reader.js("return getComputedStyle(document.querySelector('main')).direction"));
        assertEquals("انتقل إلى المحتوى", reader.find(".skip-link").getAttribute("textContent").strip());
        List<Number> sidebar = box(".sidebar");
        List<Number> main = box("main");
        assertTrue(sidebar.get(0).doubleValue() >= main.get(1).doubleValue() - 1,
                "the topics menu sits right of the article: menu " + sidebar + ", article " + main);
        // The article's title starts at the right edge of its column, as Arabic text does.
        @SuppressWarnings("unchecked")
        List<Number> title = (List<Number>) reader.js("const r = document.createRange();"
                + " r.selectNodeContents(document.querySelector('main h1')); const b = r.getBoundingClientRect();"
                + " return [b.left, b.right];");
        double gapRight = main.get(1).doubleValue() - title.get(1).doubleValue();
        double gapLeft = title.get(0).doubleValue() - main.get(0).doubleValue();
        assertTrue(gapRight < gapLeft, "the title hugs the right: " + title + " in " + main);
        // The sidebar's nested list is indented from the right, its guide line on the right too.
        assertEquals("0px", reader.js("return getComputedStyle(document.querySelector('.sidebar li ul')).borderLeftWidth"));
        assertTrue(!"0px".equals(reader.js("return getComputedStyle(document.querySelector('.sidebar li ul')).borderRightWidth")));
        assertEquals(List.of(), Axe.violations(reader));
        assertEquals(List.of(), reader.problems());
    }

    @Test
    void theLifespansPageAndItsCalculatorMirrorAndPassAxe() {
        reader.width(1280).open(server.url("lifespans/"));
        reader.waitForScripts();
        assertEquals("rtl", reader.js("return document.documentElement.dir"));
        assertEquals("start", reader.js("return getComputedStyle(document.querySelector('caption')).textAlign"));
        assertEquals("right", reader.js("const c = document.querySelector('caption');"
                + " return c.getBoundingClientRect().right >= c.parentElement.getBoundingClientRect().right - 20 ? 'right' : 'left'"));
        assertEquals(List.of(), Axe.violations(reader));
        assertEquals(List.of(), reader.problems());
    }
}
