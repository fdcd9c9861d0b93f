package kb.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kb.testing.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insights: off} in kb.yaml leaves no event code in the built site; on, every piece is there. */
class InsightsSwitchTest {
    static Path site(Path dir, String setting) throws IOException {
        Path content = TestSites.minimal(dir.resolve("content"), Map.of("first.md", "---\ntitle: First steps\nid: 7\n---\n\nHello.\n"));
        TestSites.write(content, Map.of("faq/general.md", "---\ntitle: General\n---\n\n## Is it free? {#free}\n\nYes.\n"));
        if (setting != null) {
            Files.writeString(content.resolve("kb.yaml"), "insights: " + setting + "\n", java.nio.file.StandardOpenOption.APPEND);
        }
        Path out = dir.resolve("site");
        TestSites.build(content, out);
        return out;
    }

    /** Every place event code could hide: files, script tags, the feedback control, the body's endpoint. */
    static List<String> traces(Path out) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith("_kb/") || rel.equals(EventFormat.MODULE)) {
                    found.add("file " + rel);
                }
                if (rel.endsWith(".html")) {
                    Document doc = Jsoup.parse(f.toFile(), "UTF-8");
                    for (Element e : doc.select("script[src*=kb-events], .kb-feedback, [data-kb-feedback], [data-kb-events]")) {
                        found.add(rel + ": " + e.tagName() + "." + e.className());
                    }
                }
                if (rel.endsWith(".html") || rel.endsWith(".js") || rel.endsWith(".json")) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    if (text.contains(EventFormat.PATH) || text.contains("kb-events")) {
                        found.add(rel + " mentions the event endpoint or module");
                    }
                }
            }
        }
        return found;
    }

    @Test
    void offLeavesNoEventCodeAnywhereInTheSite(@TempDir Path dir) throws IOException {
        assertEquals(List.of(), traces(site(dir, "off")));
    }

    @Test
    void onByDefaultEveryArticleAndAnswerAsksAndTheSupportSubjectCarriesTheShortLink(@TempDir Path dir) throws IOException {
        Path out = site(dir, null);
        assertFalse(traces(out).isEmpty());
        assertTrue(Files.isRegularFile(out.resolve(EventFormat.PATH)));
        assertTrue(Files.isRegularFile(out.resolve(EventFormat.MODULE)));
        Document article = Jsoup.parse(out.resolve("basics/first/index.html").toFile(), "UTF-8");
        assertEquals("../../" + EventFormat.PATH, article.body().attr("data-kb-events"));
        Element control = article.selectFirst(".kb-feedback");
        assertEquals("basics/first/", control.attr("data-kb-feedback"));
        assertEquals(List.of("Yes", "No"), control.select("[data-vote]").eachText());
        assertEquals(EventFormat.Reason.codes(), control.select("[data-reason]").eachAttr("data-reason"));
        String mailto = control.selectFirst(".kb-feedback-contact a[href^=mailto:]").attr("href");
        String subject = URLDecoder.decode(mailto.substring(mailto.indexOf("subject=") + 8).replace("+", "%2B"), StandardCharsets.UTF_8);
        assertTrue(subject.contains("https://help.test/a/7/"), subject);
        Document faq = Jsoup.parse(out.resolve("faq/index.html").toFile(), "UTF-8");
        assertEquals("faq/#free", faq.selectFirst("#free .kb-feedback").attr("data-kb-feedback"));
    }

    @Test
    void aSwitchThatIsNeitherOnNorOffIsAnErrorAtItsLine(@TempDir Path dir) throws IOException {
        Path content = TestSites.minimal(dir.resolve("content"), Map.of());
        Files.writeString(content.resolve("kb.yaml"), "insights: sometimes\n", java.nio.file.StandardOpenOption.APPEND);
        kb.cli.CliRun.Result r = kb.cli.CliRun.run("check", "--content", content.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("kb.yaml:5:"), r.err());
        assertTrue(r.err().contains("'insights' must be on or off, found 'sometimes'"), r.err());
    }
}
