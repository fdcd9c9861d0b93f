package kb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import kb.testing.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An article's front matter read into its record, and each mistake a writer can make in it. */
class ArticleFrontMatterTest {
    @TempDir
    Path dir;

    private Problems problems;

    private Content load(String article) throws IOException {
        TestSites.minimal(dir, Map.of("a.md", article));
        problems = new Problems();
        return new ContentLoader(dir, false).load(problems);
    }

    /** The one problem the article has, printed as the writer sees it, without the folder. */
    private String onlyProblem(String article) throws IOException {
        load(article);
        List<Problem> all = problems.all();
        assertEquals(1, all.size(), all.toString());
        return all.get(0).toString().replace(dir.toString(), "");
    }

    @Test
    void readsEveryFieldTyped() throws IOException {
        Content c = load("""
                ---
                id: 104
                title: Why Facebook disconnects
                summary: After a password change.
                tags: [facebook, password]
                aliases: [basics/old-slug]
                updated: 2026-10-02
                reviewed: 2026-09-01
                weight: 3
                ---

                Body.
                """);
        assertFalse(problems.hasErrors(), problems.all().toString());
        Article a = c.articles().findFirst().orElseThrow();
        assertEquals(104, a.id());
        assertEquals("Why Facebook disconnects", a.title());
        assertEquals("After a password change.", a.summary());
        assertEquals(List.of("facebook", "password"), a.tags());
        assertEquals("basics/old-slug", a.aliases().get(0).value());
        assertEquals(LocalDate.of(2026, 10, 2), a.updated());
        assertEquals(3, a.weight());
        assertEquals("basics/a", a.path());
        assertEquals(11, a.bodyLine());
    }

    @Test
    void aMissingTitleIsAnError() throws IOException {
        assertEquals("/articles/basics/a.md:2:1: missing required 'title' (add a line 'title: ...')",
                onlyProblem("---\nid: 1\n---\nBody\n"));
    }

    @Test
    void aBlankTitleIsMissingToo() throws IOException {
        assertTrue(onlyProblem("---\nid: 1\ntitle: \"  \"\n---\nBody\n").contains("missing required 'title'"));
    }

    @Test
    void aMissingIdIsAnErrorWithAHint() throws IOException {
        assertEquals("/articles/basics/a.md:1:1: missing required 'id' "
                + "(add 'id: N' with a number no other article uses; `kb new` picks one)",
                onlyProblem("---\ntitle: T\n---\nBody\n"));
    }

    @Test
    void aMisspelledKeyIsAnErrorThatNamesTheKeyMeant() throws IOException {
        assertEquals("/articles/basics/a.md:3:1: unknown key 'titel' in article front matter (did you mean 'title'?)",
                onlyProblem("---\nid: 1\ntitel: T\ntitle: T\n---\nBody\n"));
    }

    @Test
    void anUnknownKeyFarFromAnyListsTheKnownOnes() throws IOException {
        String p = onlyProblem("---\nid: 1\ntitle: T\nlayout: wide\n---\nBody\n");
        assertTrue(p.startsWith("/articles/basics/a.md:4:1: unknown key 'layout' in article front matter (known: aliases, "), p);
    }

    @Test
    void frontMatterThatIsNotAMappingIsOneErrorAtItsStart() throws IOException {
        assertEquals("/articles/basics/a.md:2:1: article front matter must be a mapping of keys to values, found a list "
                + "(write one 'key: value' per line, like title: Reconnect LinkedIn)",
                onlyProblem("---\n- id: 1\n- title: T\n---\nBody\n"));
        assertTrue(onlyProblem("---\nJust a sentence.\n---\nBody\n").contains("found a text"));
    }

    @Test
    void wrongTypesAreErrorsAtTheValue() throws IOException {
        load("""
                ---
                id: seven
                title: [a, list]
                draft: maybe
                weight: 1.5
                updated: last tuesday
                tags: {a: b}
                ---
                Body
                """);
        List<String> messages = problems.all().stream().map(p -> p.where().line() + ":" + p.where().column() + " " + p.message()).toList();
        assertEquals(List.of(
                "2:5 'id' must be a whole number, found 'seven'",
                "3:8 'title' must be a text, found a list",
                "4:8 'draft' must be true or false, found 'maybe'",
                "5:9 'weight' must be a whole number, found '1.5'",
                "6:10 'updated' must be a date like 2026-01-31, found 'last tuesday'",
                "7:7 'tags' must be a list, found a mapping"), messages);
    }

    @Test
    void aNegativeIdIsAnError() throws IOException {
        assertTrue(onlyProblem("---\nid: -3\ntitle: T\n---\nBody\n").contains("'id' must be a positive number, found -3"));
    }

    @Test
    void aDuplicateKeyIsAnError() throws IOException {
        assertEquals("/articles/basics/a.md:4:1: duplicate key 'title' (it is already set at line 3)",
                onlyProblem("---\nid: 1\ntitle: One\ntitle: Two\n---\nBody\n"));
    }

    @Test
    void everyMistakeOfOneFileIsReportedNotOnlyTheFirst() throws IOException {
        load("---\nid: x\ntitel: T\nweight: heavy\n---\nBody\n");
        assertEquals(List.of(2, 2, 3, 4), problems.all().stream().map(p -> p.where().line()).toList(),
                problems.all().toString());
    }
}
