package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kb.testing.TestSites;
import kb.widget.WidgetFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a build writes for the embeddable widget, with the widget on (the default) and off. */
class WidgetBuildTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARTICLE = """
            ---
            id: %d
            title: %s
            ---

            Intro.

            ## Steps {#steps}

            See the [other article](%s).
            """;

    @TempDir
    Path dir;

    private Path build(String widgetSettings) throws IOException {
        Path content = TestSites.minimal(dir.resolve("content"), Map.of(
                "one.md", ARTICLE.formatted(11, "First article", "two.md#steps"),
                "two.md", ARTICLE.formatted(12, "Second article", "one.md")));
        Files.writeString(content.resolve("kb.yaml"), Files.readString(content.resolve("kb.yaml")) + widgetSettings);
        Path site = dir.resolve("site");
        TestSites.build(content, site);
        return site;
    }

    private static JsonNode settings(Path site) throws IOException {
        String js = Files.readString(site.resolve("widget.js"));
        int start = js.lastIndexOf("})(") + 3;
        return JSON.readTree(js.substring(start, js.lastIndexOf(");")));
    }

    @Test
    void writesTheWidgetWithTheSettingsOfKbYamlAndADataFilePerArticle() throws IOException {
        Path site = build("widget:\n  label: Ask us\n  position: bottom-left\n");
        JsonNode s = settings(site);
        assertEquals("Ask us", s.get("label").asText());
        assertEquals("bottom-left", s.get("position").asText());
        assertEquals("Test Help", s.get("name").asText());
        assertEquals("help@test.example", s.get("support").get("email").asText());
        assertTrue(Files.isRegularFile(site.resolve(WidgetFiles.STYLESHEET)));
        try (Stream<Path> data = Files.list(site.resolve("widget/a"))) {
            assertEquals(List.of("11.js", "12.js"), data.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String one = Files.readString(site.resolve("widget/a/11.js"));
        JsonNode a = JSON.readTree(one.substring(one.indexOf(',') + 1, one.lastIndexOf(");")));
        assertEquals("basics/one/", a.get("url").asText());
        assertTrue(a.get("body").toString().contains("{\"href\":\"basics/two/#steps\"}"),
                "a link to another article points at its page on the help center: " + a.get("body"));
        assertFalse(Files.exists(site.resolve("assets/js/kb-widget.js")), "only the configured copy is published");
    }

    @Test
    void theDemoPageEmbedsTheWidgetWithOneScriptTag() throws IOException {
        Path site = build("");
        Path demo = site.resolve(WidgetFiles.DEMO + "index.html");
        Document doc = Jsoup.parse(demo.toFile(), "UTF-8", "https://help.test/" + WidgetFiles.DEMO);
        assertNotNull(doc.selectFirst("script[src=../../widget.js][async]"), doc.head().html());
        assertEquals("https://help.test/widget.js", doc.selectFirst("script[src$=widget.js]").absUrl("src"));
        assertEquals("<script src=\"https://help.test/widget.js\" async></script>", doc.selectFirst("main pre code").text());
        assertEquals("noindex", doc.selectFirst("meta[name=robots]").attr("content"));
        assertFalse(Files.readString(site.resolve("sitemap.xml")).contains("widget"), "the demo is not for search engines");
    }

    @Test
    void widgetFalseWritesNoWidget() throws IOException {
        Path site = build("widget: false\n");
        assertTrue(Files.isRegularFile(site.resolve("index.html")));
        assertFalse(Files.exists(site.resolve("widget.js")));
        assertFalse(Files.exists(site.resolve("widget")));
    }
}
