package kb.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kb.check.PublishedManifest;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.testing.BrowserTest;
import kb.testing.Reader;
import kb.testing.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A link pasted into a ticket keeps working: moving and retitling an article leaves its short
 * link and (with an alias) its old URL landing on it, and the published-URL manifest refuses a
 * move that would break an old link.
 */
class LinksThatLastIT {
    @TempDir
    Path temp;

    private static String article(int id, String title, String extra, String body) {
        return "---\nid: " + id + "\ntitle: " + title + "\n" + extra + "---\n\n" + body;
    }

    @Test
    @BrowserTest
    void movedAndRetitledArticleIsStillReachedByItsShortLinkAndOldUrl(Reader reader) throws Exception {
        Path content = TestSites.minimal(temp.resolve("content"), Map.of(
                "intro.md", article(1, "Intro", "", "Welcome.\n"),
                "setup.md", article(2, "Setting up", "", "## Step two {#step-2}\n\nDo this.\n")));
        Path site = temp.resolve("site");
        TestSites.build(content, site);
        String manifest = Files.readString(content.resolve(PublishedManifest.FILE));
        assertTrue(manifest.lines().anyMatch("/basics/setup/#step-2"::equals), manifest);

        // Move to another section and retitle, forgetting the alias: the build refuses.
        Files.delete(content.resolve("articles/basics/setup.md"));
        TestSites.write(content, Map.of(
                "articles/guides/_section.yaml", "title: Guides\norder: 2\n",
                "articles/guides/first-setup.md", article(2, "Your first setup", "", "## Step two {#step-2}\n\nDo this.\n")));
        KbException refused = assertThrows(KbException.class, () -> TestSites.build(content, site));
        List<Problem> errors = refused.problems().stream().filter(Problem::isError).toList();
        assertTrue(errors.stream().anyMatch(p -> p.where().file().endsWith(PublishedManifest.FILE)
                && p.message().contains("/basics/setup/") && p.hint().contains("aliases: [basics/setup]")), errors.toString());

        // With the alias the manifest check passes.
        TestSites.write(content, Map.of("articles/guides/first-setup.md",
                article(2, "Your first setup", "aliases: [basics/setup]\n", "## Step two {#step-2}\n\nDo this.\n")));
        TestSites.build(content, site);

        ChromeDriver driver = reader.driver;
        for (String link : List.of("a/2/index.html", "basics/setup/index.html#step-2")) {
            driver.get(site.resolve(link).toUri().toString().replace("%23", "#"));
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().contains("/guides/first-setup/"));
            assertEquals("Your first setup", driver.findElement(org.openqa.selenium.By.tagName("h1")).getText().strip());
        }
        assertTrue(driver.getCurrentUrl().endsWith("#step-2"), "the anchor survives the redirect: " + driver.getCurrentUrl());
    }
}
