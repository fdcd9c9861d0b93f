package kb.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.testing.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build refuses broken links: every one is reported with its place, all in one run. */
class LinkCheckTest {
    @TempDir
    Path temp;

    private static String article(int id, String title, String body) {
        return "---\nid: " + id + "\ntitle: " + title + "\n---\n\n" + body;
    }

    @Test
    void brokenArticleLinkBrokenAnchorAndJavascriptLinkAreThreeLocatedErrors() throws Exception {
        Path content = TestSites.minimal(temp.resolve("content"), Map.of(
                "target.md", article(1, "Target", "## Real heading\n\nText.\n"),
                "source.md", article(2, "Source", """
                        See [missing](gone.md) first.

                        Then [a bad anchor](target.md#no-such-heading).

                        And [a trap](javascript:alert(1)).
                        """)));
        KbException e = assertThrows(KbException.class, () -> TestSites.build(content, temp.resolve("site")));
        List<Problem> errors = e.problems().stream().filter(Problem::isError).toList();
        assertEquals(3, errors.size(), errors.toString());
        Path source = content.resolve("articles/basics/source.md");
        assertEquals(List.of("6:5", "8:6", "10:5"),
                errors.stream().map(p -> p.where().line() + ":" + p.where().column()).toList());
        errors.forEach(p -> assertEquals(source, p.where().file()));
        assertTrue(errors.get(0).message().contains("gone.md"), errors.get(0).message());
        assertTrue(errors.get(1).message().contains("no-such-heading"), errors.get(1).message());
        assertTrue(errors.get(2).message().contains("javascript"), errors.get(2).message());
    }

    @Test
    void linksBetweenArticlesToTheFaqAndTheTableResolve() throws Exception {
        Path content = TestSites.minimal(temp.resolve("content"), Map.of(
                "target.md", article(1, "Target", "## Step 2 {#step-2 #old-step}\n\nText.\n"),
                "source.md", article(2, "Source", """
                        [pinned](target.md#step-2), [an old id](target.md#old-step), [faq](/faq/#q1),
                        [table](/lifespans/), [same page](#here), [mail](mailto:help@example.com)

                        ## Here
                        """)));
        TestSites.write(content, Map.of("faq/general.md", "---\ntitle: General\n---\n\n## Question one? {#q1}\n\nYes.\n",
                "data/networks.yaml", "networks:\n  - id: twitter\n    name: Twitter\n    renews: never\n"));
        TestSites.build(content, temp.resolve("site"));
    }

    @Test
    void aLinkToTheTableIsBrokenWhenTheDataNamesNoNetwork() throws Exception {
        Path content = TestSites.minimal(temp.resolve("content"), Map.of(
                "source.md", article(2, "Source", "See [the table](/lifespans/).\n")));
        KbException e = assertThrows(KbException.class, () -> TestSites.build(content, temp.resolve("site")));
        assertEquals(List.of("6:5"), e.problems().stream().filter(Problem::isError)
                .map(p -> p.where().line() + ":" + p.where().column()).toList(), e.problems().toString());
    }
}
