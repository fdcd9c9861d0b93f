package kb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.diagnostic.Problems;
import kb.testing.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sections by order then title; articles by weight then title; drafts left out of a publish. */
class ContentOrderTest {
    @TempDir
    Path dir;

    private static String article(int id, String title, String extra) {
        return "---\nid: " + id + "\ntitle: " + title + "\n" + extra + "---\n\nBody.\n";
    }

    private Content load(boolean drafts) {
        Problems problems = new Problems();
        Content content = new ContentLoader(dir, drafts).load(problems);
        assertFalse(problems.hasErrors(), problems.all().toString());
        return content;
    }

    @Test
    void sectionsAreOrderedByOrderThenTitle() throws IOException {
        TestSites.write(dir, Map.of(
                "kb.yaml", "name: T\nbase_url: https://t.example/\n",
                "articles/zeta/_section.yaml", "title: Zeta\norder: 1\n",
                "articles/alpha/_section.yaml", "title: Alpha\norder: 2\n",
                "articles/beta/_section.yaml", "title: Beta\norder: 2\n",
                "articles/no-settings/first.md", article(1, "One", "")));
        List<String> titles = load(false).sections().stream().map(Section::title).toList();
        assertEquals(List.of("Zeta", "Alpha", "Beta", "No settings"), titles,
                "a folder without _section.yaml comes last, titled from its name");
    }

    @Test
    void articlesAreOrderedByWeightThenTitle() throws IOException {
        TestSites.minimal(dir, Map.of(
                "c.md", article(1, "Charlie", "weight: 2\n"),
                "a.md", article(2, "Alpha", "weight: 2\n"),
                "z.md", article(3, "Zulu", "weight: 1\n"),
                "n.md", article(4, "November", "")));
        List<String> titles = load(false).articles().map(Article::title).toList();
        assertEquals(List.of("November", "Zulu", "Alpha", "Charlie"), titles, "no weight is weight 0");
    }

    @Test
    void draftsAreLeftOutOfAPublishAndKeptForAPreview() throws IOException {
        TestSites.minimal(dir, Map.of(
                "done.md", article(1, "Done", ""),
                "wip.md", article(2, "Work in progress", "draft: true\n")));
        assertEquals(List.of("Done"), load(false).articles().map(Article::title).toList());
        assertEquals(List.of("Done", "Work in progress"), load(true).articles().map(Article::title).toList());
    }

    @Test
    void faqGroupsAreOrderedByOrderThenTitle() throws IOException {
        TestSites.minimal(dir, Map.of());
        TestSites.write(dir, Map.of(
                "faq/b.md", "---\ntitle: Billing\norder: 2\n---\n\n## Q1?\n\nA.\n",
                "faq/a.md", "---\ntitle: Accounts\norder: 2\n---\n\n## Q2?\n\nA.\n",
                "faq/z.md", "---\ntitle: Zebra\norder: 1\n---\n\n## Q3?\n\nA.\n"));
        assertEquals(List.of("Zebra", "Accounts", "Billing"), load(false).faq().stream().map(FaqGroup::title).toList());
    }
}
