package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import kb.pipeline.BuildOptions;
import kb.pipeline.SiteBuild;
import kb.testing.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NewCommandTest {
    @TempDir
    Path dir;

    /** What one run of kb printed and returned. */
    record Run(int status, String out, String err) { }

    private Run kb(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private Path content() throws IOException {
        Path content = TestSites.minimal(dir.resolve("content"), Map.of(
                "first.md", "---\nid: 7\ntitle: First\n---\n\nHello.\n",
                "secret-plan.md", "---\nid: 12\ntitle: Secret plan\ndraft: true\n---\n\nNot yet.\n"));
        TestSites.write(content, Map.of("articles/advanced/_section.yaml", "title: Advanced\norder: 2\n"));
        return content;
    }

    @Test
    void createsADraftWithTheNextIdTodaysDatesAndASlugFromTheTitle() throws IOException {
        Path content = content();
        Run run = kb("new", "--content", content.toString(), "--section", "advanced", "Reconnect", "your", "Page:", "a", "how-to");
        assertEquals(0, run.status(), run.err());
        Path file = content.resolve("articles/advanced/reconnect-your-page-a-how-to.md");
        assertTrue(run.out().startsWith("Created " + file), run.out());
        String text = Files.readString(file);
        String today = LocalDate.now().toString();
        assertTrue(text.startsWith("---\nid: 13\n"), "the draft's id 12 is taken too:\n" + text);
        assertTrue(text.contains("\ntitle: \"Reconnect your Page: a how-to\"\n"), text);
        assertTrue(text.contains("\nupdated: " + today + "\nreviewed: " + today + "\ndraft: true\n"), text);
        assertTrue(text.contains("\nsummary: "), text);
    }

    @Test
    void theNewArticleLoadsAndBuildsAsADraft() throws IOException {
        Path content = content();
        assertEquals(0, kb("new", "--content", content.toString(), "Quotes \"and\" #hashes: {braces}").status());
        Path site = dir.resolve("site");
        new SiteBuild(new BuildOptions(content, TestSites.TEMPLATES, site, null, true, false, true)).run();
        String page = Files.readString(site.resolve("basics/quotes-and-hashes-braces/index.html"));
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(page);
        assertEquals("Quotes \"and\" #hashes: {braces} Draft", doc.selectFirst("h1").text());
    }

    @Test
    void defaultsToTheFirstSection() throws IOException {
        Path content = content();
        Run run = kb("new", "--content", content.toString(), "Another one");
        assertEquals(0, run.status(), run.err());
        assertTrue(Files.isRegularFile(content.resolve("articles/basics/another-one.md")));
    }

    @Test
    void neverOverwritesAnExistingFile() throws IOException {
        Path content = content();
        Path existing = content.resolve("articles/basics/first.md");
        String before = Files.readString(existing);
        Run run = kb("new", "--content", content.toString(), "--section", "basics", "First");
        assertEquals(1, run.status());
        assertTrue(run.err().contains(existing + " already exists"), run.err());
        assertEquals(before, Files.readString(existing));
        assertEquals("", run.out());
    }

    @Test
    void anUnknownSectionIsAnErrorListingTheSections() throws IOException {
        Path content = content();
        Run run = kb("new", "--content", content.toString(), "--section", "advnced", "Title");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("unknown section 'advnced' (did you mean 'advanced'?)"), run.err());
        assertTrue(run.err().contains("Sections: basics, advanced"), run.err());
        assertFalse(Files.exists(content.resolve("articles/advnced")));
    }

    @Test
    void aTitleWithoutLettersNeedsASlug() throws IOException {
        Path content = content();
        Run run = kb("new", "--content", content.toString(), "日本語");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("give one with --slug"), run.err());
        Run withSlug = kb("new", "--content", content.toString(), "--slug", "japanese", "日本語");
        assertEquals(0, withSlug.status(), withSlug.err());
        assertTrue(Files.readString(content.resolve("articles/basics/japanese.md")).contains("title: \"日本語\""));
    }

    @Test
    void countsIdsOfBrokenArticlesAndPublishedShortLinks() throws IOException {
        Path content = content();
        TestSites.write(content, Map.of(
                "articles/basics/broken.md", "---\nid: 40\ntitle: [unclosed\n---\n",
                "published-urls.txt", "# header\n/a/55/\n/basics/first/\n"));
        Run run = kb("new", "--content", content.toString(), "Fresh");
        assertEquals(0, run.status(), run.err());
        assertTrue(Files.readString(content.resolve("articles/basics/fresh.md")).startsWith("---\nid: 56\n"));
    }
}
