package kb.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kb.content.WidgetSettings;
import org.junit.jupiter.api.Test;

/** The widget's files: the settings written into widget.js, and each article as a sanitized data file. */
class WidgetFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = "(function (S) { window.seen = S; })({} /* kb:settings */);\n";

    private final Map<String, String> written = new java.util.concurrent.ConcurrentSkipListMap<>(); // written from several threads
    private final WidgetFiles files = new WidgetFiles((path, bytes) -> written.put(path, new String(bytes, StandardCharsets.UTF_8)));

    private void write(WidgetArticle... articles) {
        Map<String, String> support = new TreeMap<>();
        support.put("email", "help@test.example");
        support.put("phone", null);
        files.write(SCRIPT, ".w { color: black }", WidgetSettings.DEFAULT, "Test Help", support, Map.of("widget.help", "Help"), "en", "ltr", List.of(articles));
    }

    /** The payload a data file hands to KbWidget._data, and the name it gives. */
    private JsonNode payload(int id) throws Exception {
        String js = written.get("widget/a/" + id + ".js");
        String call = "window.KbWidget&&KbWidget._data(\"a/" + id + "\",";
        assertTrue(js.startsWith(call), js);
        assertTrue(js.endsWith(");\n"), js);
        return JSON.readTree(js.substring(call.length(), js.length() - 3));
    }

    private JsonNode settings() throws Exception {
        String js = written.get("widget.js");
        String start = "(function (S) { window.seen = S; })(";
        assertTrue(js.startsWith(start), js);
        return JSON.readTree(js.substring(start.length(), js.length() - 3));
    }

    /** Every element of a body tree, depth first, as [tag, attributes, children...] nodes. */
    private static List<JsonNode> elements(JsonNode nodes) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : nodes) {
            if (n.isArray()) {
                out.add(n);
                List<JsonNode> children = new ArrayList<>();
                for (int i = 2; i < n.size(); i++) {
                    children.add(n.get(i));
                }
                out.addAll(elements(JSON.valueToTree(children)));
            }
        }
        return out;
    }

    private static String text(JsonNode nodes) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode n : nodes) {
            if (n.isTextual()) {
                sb.append(n.asText());
            } else {
                for (int i = 2; i < n.size(); i++) {
                    sb.append(text(JSON.valueToTree(List.of(n.get(i)))));
                }
            }
        }
        return sb.toString();
    }

    @Test
    void writesTheSettingsIntoTheScriptAndLeavesTheRestAsItIs() throws Exception {
        write();
        JsonNode s = settings();
        assertEquals(WidgetFiles.VERSION, s.get("version").asText());
        assertTrue(s.get("label").isNull(), "no label in kb.yaml: the script says the theme's word, " + s.get("strings"));
        assertEquals("Help", s.get("strings").get("widget.help").asText());
        assertEquals("bottom-right", s.get("position").asText());
        assertEquals("_data", s.get("callback").asText());
        assertEquals("widget/widget.css", s.get("stylesheet").asText());
        assertEquals("help@test.example", s.get("support").get("email").asText());
        assertFalse(s.get("support").has("phone"), "a contact the site lacks is left out");
        assertTrue(s.get("tags").toString().contains("\"p\""));
        assertFalse(s.get("tags").toString().contains("script"));
        assertEquals(".w { color: black }", written.get("widget/widget.css"));
    }

    @Test
    void aDataFileHoldsTheArticleAndItsBodyAsATree() throws Exception {
        write(new WidgetArticle(7, "Reconnect LinkedIn", "basics/reconnect/", "Basics", """
                <p>Open <strong>Settings</strong>.</p>
                <h2 id="steps">Steps<a class="kb-anchor" href="#steps" aria-label="Copy link">#</a></h2>
                <ol><li>One</li></ol>
                """));
        JsonNode a = payload(7);
        assertEquals(7, a.get("id").asInt());
        assertEquals(WidgetFiles.FORMAT, a.get("format").asInt());
        assertEquals("Reconnect LinkedIn", a.get("title").asText());
        assertEquals("basics/reconnect/", a.get("url").asText());
        assertEquals("Basics", a.get("section").asText());
        List<JsonNode> els = elements(a.get("body"));
        assertEquals(List.of("p", "strong", "h2", "ol", "li"), els.stream().map(e -> e.get(0).asText()).toList());
        JsonNode h2 = els.get(2);
        assertEquals("steps", h2.get(1).get("id").asText(), "sections keep their ids, for article(id, anchor)");
        assertEquals("Steps", text(JSON.valueToTree(List.of(h2))), "the heading's copy-link button is not carried over");
    }

    @Test
    void scriptsHandlersAndDangerousLinksDoNotSurvive() throws Exception {
        write(new WidgetArticle(8, "Hostile", "basics/hostile/", "Basics", """
                <p onclick="steal()" style="color:red" class="x">Hi<script>steal()</script></p>
                <iframe src="https://evil.example/"></iframe>
                <p><a href="javascript:steal()">bad</a> <a href="//evil.example/">sneaky</a>
                <img src="x.png" alt="A diagram" onerror="steal()"></p>
                <custom-thing>kept text</custom-thing>
                """));
        JsonNode body = payload(8).get("body");
        String all = body.toString();
        for (String gone : List.of("steal", "onclick", "style", "iframe", "evil", "script", "onerror", "class")) {
            assertFalse(all.contains(gone), gone + " survived: " + all);
        }
        List<JsonNode> links = elements(body).stream().filter(e -> e.get(0).asText().equals("a")).toList();
        assertEquals(2, links.size());
        assertTrue(links.stream().allMatch(l -> l.get(1).isNull()), "links with a dangerous target keep their text, not the target");
        assertTrue(text(body).contains("A diagram"), "an image's text alternative stays");
        assertTrue(text(body).contains("kept text"), "an unknown wrapper's text stays");
    }

    @Test
    void linksBecomeRelativeToTheSiteRootSoTheWidgetCanPointThemAtTheHelpCenter() {
        assertEquals("faq/#reset", ArticleBody.href("../../faq/#reset", "basics/reconnect/"));
        assertEquals("basics/other/", ArticleBody.href("../other/", "basics/reconnect/"));
        assertEquals("lifespans/", ArticleBody.href("../../lifespans/index.html", "basics/reconnect/"));
        assertEquals("#steps", ArticleBody.href("#steps", "basics/reconnect/"));
        assertEquals("https://www.linkedin.com/help", ArticleBody.href("https://www.linkedin.com/help", "basics/reconnect/"));
        assertEquals("mailto:help@test.example", ArticleBody.href("mailto:help@test.example", "basics/reconnect/"));
        assertEquals(null, ArticleBody.href("data:text/html,x", "basics/reconnect/"));
    }

    @Test
    void aScriptWithoutThePlaceForTheSettingsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> files.write(
                "(function () {})();", "", WidgetSettings.DEFAULT, "Test", Map.of(), Map.of(), "en", "ltr", List.of()));
        assertTrue(e.getMessage().contains(WidgetFiles.SETTINGS_MARK), e.getMessage());
    }

    @Test
    void textThatLooksLikeMarkupCannotEndTheScript() throws Exception {
        write(new WidgetArticle(9, "</script><script>alert(1)</script>", "basics/x/", "Basics", "<p>a</p>"));
        String js = written.get("widget/a/9.js");
        assertFalse(js.contains("</script"), js);
        assertEquals("</script><script>alert(1)</script>", payload(9).get("title").asText());
    }

    @Test
    void anArticleWhoseDataFileIsKeptIsNeverMadeAndItsSummaryStillVersionsTheData() throws Exception {
        List<Integer> made = new ArrayList<>();
        WidgetArticle fresh = new WidgetArticle(12, "Fresh", "basics/fresh/", "Basics", "<p>new</p>");
        WidgetFiles.ArticleFiles kept = (path, id, article, make) -> {
            if (id == 11) {
                return WidgetFiles.summary(40, 7); // an earlier build's file, as a build cache keeps it
            }
            byte[] file = make.get();
            written.put(path, new String(file, StandardCharsets.UTF_8));
            return WidgetFiles.summary(file);
        };
        new WidgetFiles((path, bytes) -> written.put(path, new String(bytes, StandardCharsets.UTF_8)), kept).write(SCRIPT,
                "", WidgetSettings.DEFAULT, "Test Help", Map.of(), Map.of(), "en", "ltr", List.of(11, 12), i -> {
                    made.add(i);
                    return fresh;
                });
        assertEquals(List.of(1), made, "only the article whose file is made is made, once");
        assertEquals("Fresh", payload(12).get("title").asText());
        String version = settings().get("dataVersion").asText();
        new WidgetFiles((path, bytes) -> written.put(path, new String(bytes, StandardCharsets.UTF_8)),
                (path, id, article, make) -> WidgetFiles.summary(id == 11 ? 41 : 40, 7)).write(SCRIPT, "",
                WidgetSettings.DEFAULT, "Test Help", Map.of(), Map.of(), "en", "ltr", List.of(11, 12), i -> fresh);
        assertFalse(version.equals(settings().get("dataVersion").asText()), "another kept file, another data version");
    }
}
