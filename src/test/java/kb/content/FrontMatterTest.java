package kb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import org.junit.jupiter.api.Test;

class FrontMatterTest {
    private static final Path FILE = Path.of("content/articles/basics/a.md");

    private static FrontMatter split(String text) {
        return FrontMatter.split(new SourceText(FILE, text));
    }

    private static Problem refused(String text) {
        KbException e = assertThrows(KbException.class, () -> split(text));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void splitsTheYamlFromTheBodyAndKnowsWhereTheBodyStarts() {
        FrontMatter fm = split("""
                ---
                id: 7
                title: Reconnect LinkedIn
                ---

                Body text.
                """);
        YamlNode.Mapping yaml = assertInstanceOf(YamlNode.Mapping.class, fm.yaml());
        assertEquals(List.of("id", "title"), List.copyOf(yaml.entries().keySet()));
        assertEquals(3, yaml.entries().get("title").keyAt().line(), "keys are located in the Markdown file");
        assertEquals("\nBody text.\n", fm.body());
        assertEquals(5, fm.bodyLine());
    }

    @Test
    void anEmptyFrontMatterIsAnEmptyMapping() {
        FrontMatter fm = split("---\n---\nBody\n");
        assertEquals(0, assertInstanceOf(YamlNode.Mapping.class, fm.yaml()).entries().size());
        assertEquals("Body\n", fm.body());
        assertEquals(3, fm.bodyLine());
    }

    @Test
    void aFileWithoutFrontMatterIsAnErrorAtItsFirstLine() {
        Problem p = refused("# Just Markdown\n\nNo front matter here.\n");
        assertEquals("content/articles/basics/a.md:1:1: missing front matter "
                + "(start the file with a line '---', then 'title: ...', then '---')", p.toString());
    }

    @Test
    void frontMatterThatIsNeverClosedIsAnError() {
        Problem p = refused("---\ntitle: Forgot to close\n\nBody.\n");
        assertEquals(1, p.where().line());
        assertEquals("front matter is never closed", p.message());
    }

    @Test
    void anEmptyFileIsAnError() {
        assertEquals("file is empty", refused("").message());
        assertEquals("file is empty", refused("  \n\n").message());
    }

    @Test
    void malformedYamlPointsAtTheLineInsideTheMarkdownFile() {
        Problem p = refused("""
                ---
                id: 7
                title: Reconnect
                  summary: indented by mistake
                ---
                """);
        assertEquals(4, p.where().line(), "line 3 of the YAML block is line 4 of the file: " + p);
        assertEquals(10, p.where().column(), p.toString());
        assertEquals("invalid YAML: mapping values are not allowed here", p.message());
    }

    @Test
    void anUnclosedQuotePointsAtTheQuoteNotTheEndOfTheFile() {
        Problem p = refused("---\nid: 7\ntitle: \"Reconnect\nsummary: x\n---\n\nBody\n");
        assertEquals("content/articles/basics/a.md:3:8", p.where().toString());
        assertEquals("invalid YAML: while scanning a quoted scalar: found unexpected end of stream", p.message());
    }

    @Test
    void anUnquotedColonInAValueGetsAHint() {
        Problem p = refused("---\ntitle: LinkedIn: why it expires\n---\n");
        assertEquals(2, p.where().line());
        assertEquals("a value that contains ': ' must be quoted, like title: \"Reconnect: step by step\"", p.hint());
    }

    @Test
    void frontMatterThatIsNotAMappingIsReadAsWhatItIs() {
        // The shape is checked by the reader of each file kind (see ArticleFrontMatterTest).
        assertInstanceOf(YamlNode.Sequence.class, split("---\n- title\n- id\n---\n").yaml());
        assertInstanceOf(YamlNode.Scalar.class, split("---\njust a sentence\n---\n").yaml());
    }

    @Test
    void aDuplicateKeyIsAnErrorAtItsSecondUse() {
        Problem p = refused("---\ntitle: One\nid: 7\ntitle: Two\n---\n");
        assertEquals("content/articles/basics/a.md:4:1: duplicate key 'title' (it is already set at line 2)", p.toString());
    }

    @Test
    void tabsInIndentationAreAnErrorWithAHint() {
        Problem p = refused("---\ntitle: A\ntags:\n\t- a\n---\n");
        assertEquals(4, p.where().line());
        assertEquals("indent YAML with spaces", p.hint());
    }

    @Test
    void aliasBombsAreNotExpanded() {
        StringBuilder yaml = new StringBuilder("---\ntitle: T\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char prev = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [").append(("*" + prev + ", ").repeat(9)).append("*").append(prev).append("]\n");
        }
        yaml.append("---\n");
        // Ten levels of ten aliases would be 10^10 strings if expanded; the reader keeps each alias as one value.
        FrontMatter fm = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> split(yaml.toString()));
        YamlNode.Sequence k = assertInstanceOf(YamlNode.Sequence.class,
                assertInstanceOf(YamlNode.Mapping.class, fm.yaml()).entries().get("k").value());
        assertEquals(10, k.items().size());
        assertInstanceOf(YamlNode.Scalar.class, k.items().get(0));
    }

    @Test
    void absurdNestingIsRefused() {
        Problem p = refused("---\ntitle: " + "[".repeat(500) + "]".repeat(500) + "\n---\n");
        assertEquals(2, p.where().line());
    }
}
