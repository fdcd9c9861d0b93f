package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kb.diagnostic.KbException;
import kb.testing.FixtureSites;
import kb.testing.TestSites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build that fails, for any reason, leaves every byte of the previous site as it was. */
class FailedBuildKeepsOldSiteTest {
    @TempDir
    Path dir;
    Path content;
    Path site;
    List<String> before;

    @BeforeEach
    void buildOnce() {
        content = FixtureSites.copy("small-site", dir.resolve("content"));
        site = dir.resolve("site");
        TestSites.build(content, site);
        before = FixtureSites.hashes(site);
        assertTrue(before.size() > 20, before.toString());
    }

    private void assertUnchanged() throws IOException {
        assertEquals("", FixtureSites.diff(before, FixtureSites.hashes(site)));
        try (var siblings = Files.list(dir)) {
            assertEquals(List.of("content", "site"), siblings.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging folder is left beside the site");
        }
    }

    @Test
    void brokenFrontMatter() throws IOException {
        Files.writeString(content.resolve("articles/troubleshooting/reconnect.md"), "---\ntitle: [broken\n---\nBody\n");
        assertThrows(KbException.class, () -> TestSites.build(content, site));
        assertUnchanged();
    }

    @Test
    void aBrokenLinkFoundAfterEverythingRendered() throws IOException {
        Files.writeString(content.resolve("articles/getting-started/tokens.md"),
                "---\nid: 2\ntitle: Tokens\n---\n\nSee [nowhere](../nowhere/page.md).\n");
        assertThrows(KbException.class, () -> TestSites.build(content, site));
        assertUnchanged();
    }

    @Test
    void aTemplateThatFailsWhileTheNewSiteIsHalfWritten() throws IOException {
        Path templates = dir.resolve("templates");
        FixtureSites.copyTree(TestSites.TEMPLATES, templates);
        Path section = templates.resolve("section.peb");
        Files.writeString(section, Files.readString(section).replace("{{ section.title }}", "{{ section.no_such_field }}"));
        KbException e = assertThrows(KbException.class, () ->
                new SiteBuild(new BuildOptions(content, templates, site, null, false, false, false)).run());
        assertTrue(e.getMessage().contains("section.peb"), e.getMessage());
        try (var siblings = Files.list(dir)) {
            assertEquals(List.of("content", "site", "templates"),
                    siblings.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("", FixtureSites.diff(before, FixtureSites.hashes(site)));
    }

    @Test
    void aSwapKilledBetweenItsRenamesIsMendedByTheNextBuildEvenOneThatFails() throws IOException {
        // What kill -9 between the two renames of a commit leaves: no site, the old one beside it.
        Files.move(site, dir.resolve(".site.old"));
        Files.writeString(content.resolve("articles/getting-started/tokens.md"), "---\ntitle: No id\n---\n");
        assertThrows(KbException.class, () -> TestSites.build(content, site));
        assertUnchanged();
    }

    @Test
    void kbCheckMendsItToo() throws IOException {
        Files.move(site, dir.resolve(".site.old"));
        new SiteBuild(new BuildOptions(content, TestSites.TEMPLATES, site, null, false, false, false)).check();
        assertUnchanged();
    }

    @Test
    void aSuccessfulBuildAfterwardsReplacesItWhole() throws IOException {
        Files.writeString(content.resolve("articles/getting-started/tokens.md"),
                "---\nid: 2\ntitle: Tokens, rewritten\n---\n\nNew text.\n");
        TestSites.build(content, site);
        assertTrue(Files.readString(site.resolve("getting-started/tokens/index.html")).contains("Tokens, rewritten"));
    }
}
