package kb.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import kb.pipeline.BuildOptions;
import kb.pipeline.SiteBuild;
import kb.testing.TestSites;
import kb.widget.WidgetFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme in kb.jar, overridden file by file by a local templates/ folder. */
class ThemeTest {
    @TempDir
    Path dir;

    private Path content() throws IOException {
        return TestSites.minimal(dir.resolve("content"), Map.of(
                "first.md", "---\nid: 7\ntitle: First steps\n---\n\nHello.\n",
                "second.md", "---\nid: 8\ntitle: Second steps\n---\n\nAgain, see [the first](first.md).\n"));
    }

    private Path build(Path content, Path templates, String out) {
        Path site = dir.resolve(out);
        new SiteBuild(new BuildOptions(content, templates, site, null, false, false, true)).run();
        return site;
    }

    /** Every built file (the Lucene folder aside, which stamps itself with a random id) by path. */
    private static SortedMap<String, byte[]> files(Path site) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(site)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                String name = site.relativize(f).toString();
                if (!name.startsWith(".kb/")) {
                    files.put(name, Files.readAllBytes(f));
                }
            }
        }
        return files;
    }

    private static String defaultFile(String name) throws IOException {
        return Files.readString(Theme.of(Path.of("no-such-folder")).find(name).orElseThrow());
    }

    @Test
    void withNoTemplatesFolderTheThemeInTheJarBuildsEveryPage() throws IOException {
        Path site = build(content(), dir.resolve("templates"), "site");
        Document article = Jsoup.parse(site.resolve("basics/first/index.html").toFile());
        assertEquals("First steps", article.selectFirst("h1").text());
        // The widget's script and stylesheet are written by the widget step (with the site's
        // settings in them) as widget.js and widget/widget.css; every other asset as it is.
        Map<String, String> writtenAs = Map.of(
                "assets/js/kb-widget.js", WidgetFiles.SCRIPT, "assets/kb-widget.css", WidgetFiles.STYLESHEET);
        for (String asset : Theme.defaults("assets").keySet()) {
            String path = writtenAs.getOrDefault(asset, asset);
            assertTrue(Files.isRegularFile(site.resolve(path)), asset + " from the jar is in the site as " + path);
        }
        assertTrue(Theme.defaults("assets").containsKey("assets/kb.css"), Theme.defaults("assets").keySet().toString());
    }

    @Test
    void aLocalOverrideWinsAndEverythingElseComesFromTheJar() throws IOException {
        Path content = content();
        Path plain = build(content, dir.resolve("none"), "plain");
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates.resolve("assets"));
        Files.writeString(templates.resolve("article.peb"), defaultFile("article.peb")
                .replace("</h1>", "</h1>\n<p class=\"team-note\">Checked by the Acme support team</p>"));
        Files.writeString(templates.resolve("assets/kb.css"), "body { color: #111; }\n");
        Path custom = build(content, dir.resolve("templates"), "custom");

        SortedMap<String, byte[]> before = files(plain);
        SortedMap<String, byte[]> after = files(custom);
        assertEquals(before.keySet(), after.keySet());
        List<String> changed = before.keySet().stream().filter(f -> !java.util.Arrays.equals(before.get(f), after.get(f))).toList();
        assertEquals(List.of("assets/kb.css", "basics/first/index.html", "basics/second/index.html"), changed);
        Document article = Jsoup.parse(custom.resolve("basics/second/index.html").toFile());
        assertEquals("Checked by the Acme support team", article.selectFirst("p.team-note").text());
        assertEquals("body { color: #111; }\n", Files.readString(custom.resolve("assets/kb.css")));
    }

    @Test
    void anErrorInAnOverrideIsLocatedInTheOverride() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        String text = defaultFile("article.peb").replaceFirst("\\{\\{ article\\.title }}", "{{ article.titel }}");
        Files.writeString(templates.resolve("article.peb"), text);
        int line = lineOf(text, "article.titel");
        KbException e = assertThrows(KbException.class, () -> build(content(), templates, "site"));
        Problem p = e.problems().get(0);
        assertEquals(templates.resolve("article.peb"), p.where().file());
        assertEquals(line, p.where().line());
        assertTrue(p.message().contains("titel"), p.message());
    }

    @Test
    void aSyntaxErrorInAnOverriddenBaseIsLocatedThereNotInTheJarsPagesThatExtendIt() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        String text = defaultFile("base.peb").replaceFirst("<title>", "{% if %}<title>");
        Files.writeString(templates.resolve("base.peb"), text);
        KbException e = assertThrows(KbException.class, () -> build(content(), templates, "site"));
        for (Problem p : e.problems()) {
            assertEquals(templates.resolve("base.peb"), p.where().file(), p.toString());
            assertEquals(lineOf(text, "{% if %}"), p.where().line(), p.toString());
        }
    }

    @Test
    void aPageTemplateNeitherLayerHasIsMissing() throws IOException {
        Path builtIn = Files.createDirectories(dir.resolve("jar-theme"));
        for (String page : Templates.PAGES) {
            if (!page.equals("faq")) {
                Files.writeString(builtIn.resolve(page + ".peb"), "<p>" + page + "</p>\n");
            }
        }
        Path local = dir.resolve("templates");
        Problems problems = new Problems();
        Templates.load(new Theme(local, builtIn), problems);
        assertEquals(1, problems.all().size(), problems.all().toString());
        assertEquals(local.resolve("faq.peb"), problems.all().get(0).where().file());
        assertTrue(problems.all().get(0).message().startsWith("missing template faq.peb"), problems.all().get(0).message());

        Files.createDirectories(local);
        Files.writeString(local.resolve("faq.peb"), "<p>our FAQ</p>\n");
        Problems fixed = new Problems();
        assertEquals("<p>our FAQ</p>\n", Templates.load(new Theme(local, builtIn), fixed).render("faq", Map.of()));
        assertTrue(fixed.all().isEmpty(), fixed.all().toString());
        assertNotEquals(builtIn, local);
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not found");
    }
}
