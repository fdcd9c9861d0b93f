package kb.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kb.diagnostic.Problems;
import kb.pipeline.BuildOptions;
import kb.pipeline.SiteBuild;
import kb.testing.FixtureSites;
import kb.testing.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped help center's Spanish content built as a one-language site with {@code language: es}:
 * no word of the theme's English is left on any page, in text a reader sees, in what a screen reader
 * says (labels, placeholders, titles) or in what the page's scripts will show (kb-strings).
 */
class ThemeInSpanishTest {
    @TempDir
    static Path dir;
    private static Path site;
    private static Map<String, String> english;
    private static Map<String, String> spanish;

    @BeforeAll
    static void build() throws IOException {
        Path content = FixtureSites.copyTree(TestSites.CONTENT.resolve("es"), dir.resolve("content"));
        FixtureSites.copyTree(TestSites.CONTENT.resolve("data"), content.resolve("data"));
        Files.writeString(content.resolve("kb.yaml"), """
                name: Centro de ayuda de Lofty
                description: Por qué se desconectan las cuentas sociales de Lofty y cómo mantenerlas conectadas.
                base_url: https://help.example.com/
                language: es
                support:
                  email: soporte@lofty.example
                  phone: 1 (855) 981-7557
                  chat: Abre el chat desde tu CRM de Lofty.
                """);
        spanishData(content.resolve("data/networks.yaml"));
        site = dir.resolve("site");
        new SiteBuild(new BuildOptions(content, TestSites.TEMPLATES, site, null, false, false, true)).run();
        Strings strings = Strings.load(Theme.of(TestSites.TEMPLATES), new Problems());
        english = new TreeMap<>();
        spanish = new TreeMap<>();
        for (String key : strings.keys()) {
            english.put(key, strings.text("en", key));
            spanish.put(key, strings.text("es", key));
        }
    }

    /** networks.yaml keeps a text per language ({en: ..., es: ...}); a Spanish-only site has the Spanish one. */
    private static void spanishData(Path file) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        JsonNode root = yaml.readTree(file.toFile());
        for (JsonNode network : root.get("networks")) {
            Iterator<Map.Entry<String, JsonNode>> fields = network.fields();
            List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
            fields.forEachRemaining(all::add);
            for (Map.Entry<String, JsonNode> f : all) {
                if (f.getValue().isObject() && f.getValue().has("es")) {
                    ((ObjectNode) network).put(f.getKey(), f.getValue().get("es").asText());
                }
            }
        }
        yaml.writeValue(file.toFile(), root);
    }

    private static List<Path> pages(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** An English string as a pattern over a text: its fixed parts in order, anything where {0} ... go. */
    private static Pattern pattern(String text) {
        StringBuilder sb = new StringBuilder();
        for (String part : text.split("\\{\\d}", -1)) {
            sb.append(sb.isEmpty() ? "" : ".+?").append(Pattern.quote(part));
        }
        return Pattern.compile("(?<![\\p{L}])" + sb + "(?![\\p{L}])");
    }

    @Test
    void noEnglishThemeStringIsLeftOnAnyPage() throws IOException {
        // Only words both languages write alike may be the same; any other is an untranslated string.
        assertEquals(List.of("calc.no_expiry_end", "contact.chat", "feedback.no", "lifespans.json"),
                english.keySet().stream().filter(k -> english.get(k).equals(spanish.get(k))).toList());
        assertEquals(List.of(), englishIn(site));
    }

    @Test
    void noEnglishThemeStringIsLeftOnTheShippedMultilingualSitesSpanishPages() throws IOException {
        // A copy: a build records what it published in its content folder.
        Path content = FixtureSites.copyTree(TestSites.CONTENT, dir.resolve("shipped-content"));
        Path shipped = dir.resolve("shipped");
        new SiteBuild(new BuildOptions(content, TestSites.TEMPLATES, shipped, null, false, false, true)).run();
        assertEquals(List.of(), englishIn(shipped.resolve("es")));
    }

    /** Each English theme string (one Spanish says differently) found on a page under {@code root}. */
    private static List<String> englishIn(Path root) throws IOException {
        List<Map.Entry<String, Pattern>> checked = english.entrySet().stream()
                .filter(e -> !e.getValue().equals(spanish.get(e.getKey())))
                .filter(e -> e.getValue().replaceAll("\\{\\d}", "").replaceAll("[^\\p{L}]", "").length() >= 4)
                .map(e -> Map.entry(e.getKey(), pattern(e.getValue()))).toList();
        List<String> found = new ArrayList<>();
        List<Path> pages = pages(root);
        assertTrue(pages.size() > 30, "pages built: " + pages.size());
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            List<String> said = new ArrayList<>();
            said.add(doc.title());
            for (Element e : doc.getAllElements()) {
                said.add(e.ownText());
                for (String attribute : List.of("aria-label", "placeholder", "title", "alt", "content", "value")) {
                    said.add(e.attr(attribute));
                }
            }
            Element block = doc.getElementById("kb-strings");
            if (block != null) {
                new ObjectMapper().readTree(block.data()).forEach(v -> said.add(v.asText()));
            }
            for (String text : said) {
                for (Map.Entry<String, Pattern> e : checked) {
                    if (!text.isBlank() && e.getValue().matcher(text).find()) {
                        found.add(root.relativize(page) + ": '" + e.getKey() + "' in \"" + text + "\"");
                    }
                }
            }
        }
        return found.stream().distinct().limit(30).toList();
    }

    @Test
    void pagesSayTheirLanguageTheirDatesAndTheDataInSpanish() throws IOException {
        Document lifespans = Jsoup.parse(site.resolve("lifespans/index.html").toFile(), "UTF-8");
        assertEquals("es", lifespans.selectFirst("html").attr("lang"));
        assertEquals("ltr", lifespans.selectFirst("html").attr("dir"));
        Element facebook = lifespans.getElementById("facebook");
        assertEquals("60 días", facebook.select("td").get(0).text());
        Element verified = facebook.selectFirst("time");
        assertTrue(verified.text().matches("\\d{1,2} de [a-z]+ de \\d{4}"), verified.text());
        JsonNode calculator = new ObjectMapper().readTree(lifespans.getElementById("kb-lifespans-data").data());
        assertEquals("60 días", calculator.get(0).get("lifespanText").asText());
        JsonNode words = new ObjectMapper().readTree(lifespans.getElementById("kb-strings").data());
        assertEquals(spanish.get("calc.reminder"), words.get("calc.reminder").asText());
        assertTrue(!words.has("widget.loading"), "a page carries only the words of its own scripts");
    }
}
