package kb.lifespans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kb.data.Csv;
import kb.testing.BrowserTest;
import kb.testing.Reader;
import kb.testing.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The "done when": change Facebook's lifespan in networks.yaml from 60 to 90 days, with
 * no other edit, and rebuild. The table, the calculator, api/networks.json, the CSV and every
 * sentence of every page that states it (through an inline fact or a facts box) now say 90.
 */
class OneEditChangesEverythingIT {
    private static final Pattern FACEBOOK_FACT = Pattern.compile("\\{\\{\\s*(?:lifespan|token-facts)\\s+facebook\\s*}}");

    @TempDir
    static Path dir;

    private static Path content;
    private static Path before;
    private static Path after;

    @BeforeAll
    static void buildBothWays() throws IOException {
        content = dir.resolve("content");
        copy(TestSites.CONTENT, content);
        before = dir.resolve("before");
        TestSites.build(content, before);

        Path data = content.resolve("data/networks.yaml");
        String yaml = Files.readString(data);
        Matcher facebook = Pattern.compile("(- id: facebook\\n(?:[ \\t]+\\S.*\\n)*?[ \\t]+lifespan_days: )60\\n").matcher(yaml);
        assertTrue(facebook.find(), "the shipped data gives Facebook 60 days");
        Files.writeString(data, facebook.replaceFirst("$190\n"));
        after = dir.resolve("after");
        TestSites.build(content, after);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Document page(Path site, String path) throws IOException {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void theTableSays90Days() throws IOException {
        assertEquals("60 days", page(before, "lifespans/index.html").select("tr#facebook td").first().text());
        assertEquals("90 days", page(after, "lifespans/index.html").select("tr#facebook td").first().text());
        assertEquals("90", page(after, "lifespans/index.html").select("tr#facebook td").first().attr("data-value"));
    }

    @Test
    void theCalculatorDataSays90Days() throws IOException {
        String json = page(after, "lifespans/index.html").selectFirst("script#kb-lifespans-data").data();
        JsonNode facebook = find(new ObjectMapper().readTree(json), "facebook");
        assertEquals(90, facebook.get("lifespanDays").asInt());
        assertEquals("90 days", facebook.get("lifespanText").asText());
    }

    @Test
    @BrowserTest
    void theCalculatorCounts90DaysInTheBrowser(Reader reader) {
        ChromeDriver driver = reader.driver;
        driver.get(after.resolve("lifespans/index.html").toUri().toString());
        new Select(driver.findElement(By.id("calc-network"))).selectByValue("facebook");
        driver.executeScript("const input = document.getElementById('calc-connected');"
                + "input.value = '2026-01-10'; input.dispatchEvent(new Event('change', {bubbles: true}));");
        assertEquals("2026-04-10", driver.findElement(By.cssSelector("#calc-result .calc-expiry time")).getAttribute("datetime"));
    }

    @Test
    void theJsonApiSays90Days() throws IOException {
        JsonNode root = new ObjectMapper().readTree(after.resolve("api/networks.json").toFile());
        JsonNode facebook = find(root.get("networks"), "facebook");
        assertEquals(90, facebook.get("lifespan_days").asInt());
        assertEquals("90 days", facebook.get("lifespan_text").asText());
        assertEquals(60, find(root.get("networks"), "instagram").get("lifespan_days").asInt(), "nothing else changed");
    }

    @Test
    void theCsvSays90Days() throws IOException {
        List<List<String>> rows = Csv.parse(Files.readString(after.resolve("lifespans/lifespans.csv")));
        List<String> header = rows.get(0);
        List<String> facebook = rows.stream().filter(r -> r.get(0).equals("facebook")).findFirst().orElseThrow();
        assertEquals("90", facebook.get(header.indexOf("lifespan_days")));
        assertEquals("90 days", facebook.get(header.indexOf("lifespan")));
    }

    /**
     * Every page whose Markdown states Facebook's lifespan through a fact or a facts box now says
     * "90 days" exactly that many times, and "60 days" that many times fewer than before: every
     * sentence moved, and nothing else did.
     */
    @Test
    void everySentenceThatStatesItSays90Days() throws IOException {
        Map<String, List<Path>> pages = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(content.resolve("articles"))) {
            files.filter(f -> f.toString().endsWith(".md")).forEach(f -> {
                String path = content.resolve("articles").relativize(f).toString().replace('\\', '/');
                pages.put(path.substring(0, path.length() - 3) + "/index.html", List.of(f));
            });
        }
        try (Stream<Path> files = Files.list(content.resolve("faq"))) {
            pages.put("faq/index.html", files.filter(f -> f.toString().endsWith(".md")).toList());
        }
        int stated = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : pages.entrySet()) {
            int facts = 0;
            for (Path source : e.getValue()) {
                facts += count(FACEBOOK_FACT, Files.readString(source));
            }
            String was = page(before, e.getKey()).select("main").text();
            String now = page(after, e.getKey()).select("main").text();
            int nineties = count(Pattern.compile("\\b90 days\\b"), now);
            int sixtiesGone = count(Pattern.compile("\\b60 days\\b"), was) - count(Pattern.compile("\\b60 days\\b"), now);
            if (count(Pattern.compile("\\b90 days\\b"), was) != 0 || nineties != facts || sixtiesGone != facts) {
                wrong.add(e.getKey() + ": " + facts + " facts, now " + nineties + " x '90 days', " + sixtiesGone + " x '60 days' gone");
            }
            stated += facts;
        }
        assertEquals(List.of(), wrong);
        // Facts boxes sit only on pages about a token's lifespan, so fewer pages state it than before.
        assertTrue(stated >= 6, "the shipped content states Facebook's lifespan on several pages (" + stated + ")");
        assertTrue(page(after, "getting-started/token-lifespans/index.html").select("main").text()
                .contains("Facebook tokens last 90 days"));
        assertTrue(page(after, "faq/index.html").select("main").text().contains("Facebook tokens last 90 days"));
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no network " + id);
    }
}
