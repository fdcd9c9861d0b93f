package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path dir;

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void aNewHelpCenterPassesCheckAndBuildsWithTheThemeInTheJar() throws IOException {
        Path help = dir.resolve("help");
        CliRun.Result init = CliRun.run("init", help.toString(), "--name", "Acme: \"Help\" & <Answers>");
        assertEquals(0, init.status(), init.err());
        assertTrue(init.out().startsWith("Created the help center"), init.out());
        assertEquals(List.of(".gitignore", ".mvn/jvm.config", "README.md", "content/articles/getting-started/_section.yaml",
                "content/articles/getting-started/writing-articles.md", "content/data/networks.yaml",
                "content/faq/general.md", "content/kb.yaml", "pom.xml"), files(help));
        assertFalse(Files.exists(help.resolve("templates")), "the theme comes from the jar");

        CliRun.Result check = CliRun.run("check", "--content", help.resolve("content").toString(),
                "--templates", help.resolve("templates").toString().replace("templates", "no-templates"));
        assertEquals(2, check.status(), "a --templates folder that does not exist is named: " + check.err());
        check = CliRun.run("check", "--content", help.resolve("content").toString());
        assertEquals(0, check.status(), check.err());
        assertFalse(check.out().contains("warning"), "a new help center starts without warnings:\n" + check.out());

        CliRun.Result build = CliRun.run("build", "-q", "--content", help.resolve("content").toString(),
                "--out", help.resolve("site").toString());
        assertEquals(0, build.status(), build.err());
        Document home = Jsoup.parse(help.resolve("site/index.html").toFile());
        assertEquals("Acme: \"Help\" & <Answers>", home.title());
        Document article = Jsoup.parse(help.resolve("site/getting-started/writing-articles/index.html").toFile());
        assertEquals("How to write an article", article.selectFirst("h1").text());
        assertEquals("kb " + kb.Version.current(), article.selectFirst("meta[name=generator]").attr("content"));
    }

    @Test
    void whatBuildsLeaveBesideTheContentIsInTheNewHelpCentersGitignore() throws IOException {
        Path help = dir.resolve("help");
        assertEquals(0, CliRun.run("init", help.toString(), "--name", "Acme").status());
        List<String> made = topLevel(help);
        for (String cache : List.of("", "--no-cache")) {
            // The second build, without the cache, replaces the site whole: the first one goes to
            // the trash (one with the cache updates it in place and leaves nothing beside it).
            List<String> args = new java.util.ArrayList<>(List.of("build", "-q", "--content",
                    help.resolve("content").toString(), "--out", help.resolve("site").toString()));
            if (!cache.isEmpty()) {
                args.add(cache);
            }
            CliRun.Result build = CliRun.run(args.toArray(String[]::new));
            assertEquals(0, build.status(), build.err());
        }
        List<String> left = topLevel(help).stream().filter(name -> !made.contains(name)).toList();
        assertTrue(left.contains("site/") && left.size() > 1, "the site and the replaced one: " + left);
        // Top-level patterns of the kind the starter uses: "/name/" for a folder, with * for any characters.
        List<java.nio.file.PathMatcher> ignored = Files.readAllLines(help.resolve(".gitignore")).stream()
                .filter(line -> line.startsWith("/"))
                .map(line -> help.getFileSystem().getPathMatcher("glob:" + line.substring(1, line.length() - (line.endsWith("/") ? 1 : 0))))
                .toList();
        for (String name : left) {
            Path folder = Path.of(name.substring(0, name.length() - 1));
            assertTrue(ignored.stream().anyMatch(m -> m.matches(folder)), name + " would show in git status");
        }
    }

    private static List<String> topLevel(Path root) throws IOException {
        try (Stream<Path> all = Files.list(root)) {
            return all.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
        }
    }

    @Test
    void itsPomBuildsTheSiteWithThisVersionOfThePlugin() throws Exception {
        Path help = dir.resolve("help");
        assertEquals(0, CliRun.run("init", help.toString(), "--name", "Acme Help").status());
        org.w3c.dom.Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(help.resolve("pom.xml").toFile());
        org.w3c.dom.Element plugin = (org.w3c.dom.Element) pom.getElementsByTagName("plugin").item(0);
        assertEquals("dev.kb", plugin.getElementsByTagName("groupId").item(0).getTextContent());
        assertEquals(kb.Version.current(), plugin.getElementsByTagName("version").item(0).getTextContent());
        assertEquals("build", plugin.getElementsByTagName("goal").item(0).getTextContent());
        assertEquals("acme-help", pom.getElementsByTagName("artifactId").item(0).getTextContent());
        JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(help.resolve("content/kb.yaml").toFile());
        assertEquals("Acme Help", config.get("name").asText());
    }

    @Test
    void itNeverWritesIntoAFolderThatHoldsAnything() throws IOException {
        Path help = Files.createDirectories(dir.resolve("help"));
        Files.writeString(help.resolve("notes.txt"), "mine");
        CliRun.Result run = CliRun.run("init", help.toString());
        assertEquals(2, run.status());
        assertEquals("kb: " + help + " is not empty; kb init never overwrites: name a new or empty folder", run.err().strip());
        assertEquals(List.of("notes.txt"), files(help));
        assertEquals("mine", Files.readString(help.resolve("notes.txt")));

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(0, CliRun.run("init", empty.toString()).status(), "an empty folder is fine");
        CliRun.Result again = CliRun.run("init", empty.toString());
        assertEquals(2, again.status(), "a second init in the same folder changes nothing");
    }
}
