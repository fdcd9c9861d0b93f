package kb.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kb.testing.FixtureSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No script injection: the script-injection fixture puts {@code <script>}, quotes,
 * {@code </script>} and {@code javascript:} into every text a writer controls (site name,
 * section, title, summary, tags, FAQ, network data). The site builds, and everywhere those texts
 * land (HTML text and attributes, JSON-LD, the embedded calculator data, the search index
 * files, api/networks.json, the CSV, the feed) they come out as inert text.
 */
class ScriptInjectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TITLE = "Reconnect </script><script>alert('title')</script> \"now\" & 'then'";
    private static final String NETWORK = "Evil </script><script>alert('network')</script>";
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data", "poster",
            "xlink:href", "content");

    @TempDir
    static Path dir;
    static HostileBuild.Outcome built;

    @BeforeAll
    static void build() {
        built = HostileBuild.build(FixtureSites.copy("script-injection", dir.resolve("content"))).assertBuilt();
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(built.site())) {
            return all.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void noPageRunsAnythingButTheThemesOwnScripts() throws IOException {
        List<Path> pages = files(".html");
        assertTrue(pages.size() > 8, pages.toString());
        for (Path file : pages) {
            Document doc = Jsoup.parse(Files.readString(file));
            String where = built.site().relativize(file).toString();
            for (Element script : doc.select("script")) {
                if (script.hasAttr("src")) {
                    String src = script.attr("src");
                    assertTrue(src.matches("(\\.\\./)*(/[a-z0-9/-]*)?(assets/js/[a-z0-9-]+|widget)\\.js"), where + ": " + src);
                    assertEquals("", script.data(), where);
                } else {
                    String type = script.attr("type");
                    assertTrue(type.equals("application/ld+json") || type.equals("application/json"), where + ": " + script);
                    JSON.readTree(script.data()); // parses: no text closed the element early
                    assertFalse(script.data().toLowerCase(Locale.ROOT).contains("</script"), where);
                }
            }
            assertTrue(doc.select("iframe, object, embed, base, svg, img[src=x]").isEmpty(), where);
            for (Element e : doc.getAllElements()) {
                e.attributes().forEach(a -> {
                    String key = a.getKey().toLowerCase(Locale.ROOT);
                    assertFalse(key.startsWith("on"), where + ": event handler " + a + " on " + e.tagName());
                    if (URL_ATTRIBUTES.contains(key)) {
                        String squeezed = a.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                        assertFalse(squeezed.startsWith("javascript:") || squeezed.startsWith("vbscript:")
                                || squeezed.startsWith("data:") || squeezed.contains("url=javascript:"), where + ": " + a);
                    }
                });
            }
        }
    }

    @Test
    void theTextsComeOutAsWritten() {
        Document doc = built.page("basics/hostile/index.html");
        assertEquals(TITLE, doc.selectFirst("main h1").text());
        assertTrue(doc.title().startsWith(TITLE + " · Help </script>"), doc.title());
        String summary = doc.selectFirst("meta[name=description]").attr("content");
        assertTrue(summary.startsWith("\"'><img src=x onerror=alert('summary')> javascript:alert('summary')"), summary);
        assertTrue(doc.selectFirst(".article-body").text().contains("<script>alert('body')</script>"));
        assertTrue(doc.selectFirst(".token-facts").text().contains(NETWORK), "the facts box shows the data as text");
        assertTrue(doc.selectFirst(".article-body").text().contains("The network is called " + NETWORK + ";"));
        assertEquals("Basics <script>alert('section')</script>", doc.selectFirst("nav.breadcrumbs a[href$=basics/]").text());
        Document faq = built.page("faq/index.html");
        assertNotNull(faq.getElementById("hostile-question"));
        assertTrue(faq.text().contains("Is <script>alert('question')</script> \"safe\"?"), faq.text());
        assertTrue(faq.text().contains("The answer holds </script><script>alert('answer')</script>"), faq.text());
    }

    @Test
    void jsonLdCarriesTheTextsLiterally() throws IOException {
        Document doc = Jsoup.parse(Files.readString(built.site().resolve("basics/hostile/index.html")));
        List<JsonNode> ld = new ArrayList<>();
        for (Element s : doc.select("script[type=application/ld+json]")) {
            ld.add(JSON.readTree(s.data()));
        }
        JsonNode article = ld.stream().filter(n -> n.path("@type").asText().equals("Article")).findFirst().orElseThrow();
        assertEquals(TITLE, article.get("headline").asText());
        assertTrue(article.get("description").asText().contains("\u2028"), "line separators survive, escaped");
        Document faq = Jsoup.parse(Files.readString(built.site().resolve("faq/index.html")));
        JsonNode faqLd = JSON.readTree(faq.selectFirst("script[type=application/ld+json]").data());
        assertEquals("Is <script>alert('question')</script> \"safe\"?", faqLd.at("/mainEntity/0/name").asText());
    }

    /** {@code kbSearchData("name",JSON.parse('...'));}: the JS string literal, unescaped without running it. */
    private static final Pattern SEARCH_FILE = Pattern.compile("kbSearchData\\(\"[^\"]+\",JSON\\.parse\\('(.*)'\\)\\);\\s*", Pattern.DOTALL);

    @Test
    void searchIndexFilesAreDataNeverMarkup() throws IOException {
        List<Path> files = files(".js").stream().filter(p -> p.startsWith(built.site().resolve("search/data"))).toList();
        assertFalse(files.isEmpty());
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            String js = Files.readString(file);
            assertFalse(js.toLowerCase(Locale.ROOT).contains("</script") || js.contains("<!--") || js.contains("\u2028"),
                    file + " could end a script element or a JS string early");
            Matcher m = SEARCH_FILE.matcher(js);
            assertTrue(m.matches(), file + " is not a single kbSearchData(..., JSON.parse('...')) call");
            collectTexts(JSON.readTree(unescapeJsString(m.group(1))), texts);
        }
        assertTrue(texts.contains(TITLE), "the hostile title round-trips through the index as text");
        assertTrue(texts.stream().anyMatch(t -> t.contains("javascript:alert('answer') as text")), "FAQ text is indexed as text");
    }

    private static void collectTexts(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collectTexts(child, out));
    }

    @Test
    void widgetArticleFilesHoldOnlyHarmlessElements() throws IOException {
        Set<String> attributes = Set.of("id", "href", "title", "colspan", "rowspan", "scope", "start");
        List<Path> files = files(".js").stream().filter(p -> p.startsWith(built.site().resolve("widget/a"))).toList();
        assertFalse(files.isEmpty());
        for (Path file : files) {
            String js = Files.readString(file);
            JsonNode payload = JSON.readTree(js.substring(js.indexOf(',') + 1, js.lastIndexOf(");")));
            List<JsonNode> todo = new ArrayList<>();
            payload.get("body").forEach(todo::add);
            while (!todo.isEmpty()) {
                JsonNode n = todo.remove(todo.size() - 1);
                if (n.isTextual()) {
                    continue;
                }
                String tag = n.get(0).asText();
                assertFalse(Set.of("script", "iframe", "object", "embed", "style", "img", "svg").contains(tag), file + ": " + tag);
                n.get(1).fieldNames().forEachRemaining(a -> assertTrue(attributes.contains(a), file + ": " + tag + " " + a));
                String href = n.get(1).path("href").asText("");
                assertFalse(href.toLowerCase(Locale.ROOT).matches("\\s*(javascript|data|vbscript):.*"), file + ": " + href);
                for (int i = 2; i < n.size(); i++) {
                    todo.add(n.get(i));
                }
            }
        }
    }

    @Test
    void theDataApiTheCsvAndTheFeedCarryTheTextsLiterally() throws IOException {
        JsonNode api = JSON.readTree(built.site().resolve("api/networks.json").toFile());
        assertEquals(NETWORK, api.at("/networks/0/name").asText());
        assertEquals("=cmd|' /C calc'!A0 </script><!-- javascript:alert('notes')", api.at("/networks/0/notes").asText());
        String csv = Files.readString(built.site().resolve("lifespans/lifespans.csv"));
        assertFalse(csv.lines().anyMatch(l -> l.matches("(^|.*,)\"?[=+@-].*")), "no cell starts a spreadsheet formula:\n" + csv);
        Document feed = Jsoup.parse(Files.readString(built.site().resolve("feed.xml")), "", Parser.xmlParser());
        assertTrue(feed.select("entry > title").eachText().contains(TITLE), feed.select("entry > title").eachText().toString());
    }

    /** The escapes a JS string literal may hold: {@code \\ \' \" \n \r \t \xHH \\uHHHH}. */
    static String unescapeJsString(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'x' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
