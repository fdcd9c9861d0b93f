package kb.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.testing.TestSites;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input that cannot live in a checked-in fixture: bytes that are not UTF-8, line endings
 * git may rewrite, symbolic links, file names with spaces, accents or capitals, and Markdown
 * tens of thousands of levels deep. Each is written into the test's temporary folder.
 */
class HostileFilesTest {
    @TempDir
    Path dir;

    private Path content() throws IOException {
        return content("content");
    }

    /** A fresh tree: one that built once records its published pages, and later errors would list them too. */
    private Path content(String name) throws IOException {
        return TestSites.minimal(dir.resolve(name).resolve("content"), Map.of(
                "first.md", "---\nid: 1\ntitle: First article\n---\n\n## Overview\n\nText.\n"));
    }

    private Path article(Path content, String name) {
        return content.resolve("articles/basics").resolve(name);
    }

    @Test
    void invalidUtf8IsAnErrorAtTheFirstBadByte() throws IOException {
        Path content = content();
        Files.write(article(content, "latin1.md"),
                "---\nid: 2\ntitle: Caf\u00e9 cr\u00e8me\n---\n\nBody.\n".getBytes(StandardCharsets.ISO_8859_1));
        HostileBuild.Outcome outcome = HostileBuild.build(content);
        assertEquals(List.of("articles/basics/latin1.md:3:11: file is not valid UTF-8 (save it as UTF-8 in your editor)"),
                outcome.errors());
    }

    @Test
    void windowsLineEndingsRenderAndErrorsPointAtTheEditorsLine() throws IOException {
        Path content = content();
        Files.writeString(article(content, "crlf.md"), "---\r\nid: 2\r\ntitle: Written on Windows\r\n---\r\n\r\n"
                + "## Steps\r\n\r\nOne line\r\nand the next.\r\n");
        Document doc = HostileBuild.build(content).assertBuilt().page("basics/crlf/index.html");
        assertEquals("Written on Windows", doc.selectFirst("h1").text());
        assertEquals("steps", doc.selectFirst(".article-body h2").id());
        assertEquals("One line and the next.", doc.selectFirst(".article-body p").text());

        Path broken = content("broken");
        Files.writeString(article(broken, "crlf.md"), "---\r\nid: 2\r\ntitle: T\r\ntitel: T\r\n---\r\n");
        assertEquals(List.of("articles/basics/crlf.md:4:1: unknown key 'titel' in article front matter (did you mean 'title'?)"),
                HostileBuild.build(broken).errors());
    }

    @Test
    void classicMacLineEndingsRenderAndErrorsPointAtTheEditorsLine() throws IOException {
        Path content = content();
        Files.writeString(article(content, "cr.md"), "---\rid: 2\rtitle: Written on a classic Mac\r---\r\rFirst\rsecond.\r");
        Document doc = HostileBuild.build(content).assertBuilt().page("basics/cr/index.html");
        assertEquals("Written on a classic Mac", doc.selectFirst("h1").text());
        assertEquals("First second.", doc.selectFirst(".article-body p").text());

        Path broken = content("broken");
        Files.writeString(article(broken, "cr.md"), "---\rid: 2\rtitle: T\r---\r\r[gone](gone.md)\r");
        assertEquals(List.of("articles/basics/cr.md:6:1: broken link 'gone.md': no such page "
                + "(link to an article's file relative to this one, e.g. ../section/slug.md)"), HostileBuild.build(broken).errors());
    }

    @Test
    void aSymbolicLinkLoopIsRefusedNotFollowed() throws IOException {
        Path content = content();
        Files.createSymbolicLink(content.resolve("articles/basics/loop"), content.resolve("articles"));
        Files.createSymbolicLink(content.resolve("articles/self"), content.resolve("articles/self"));
        assertEquals(List.of(
                "articles/basics/loop:1:1: symbolic links are not followed in content/ (copy the file here instead of linking it)",
                "articles/self:1:1: symbolic links are not followed in content/ (copy the file here instead of linking it)"),
                HostileBuild.build(content).errors());
    }

    @Test
    void aSymbolicLinkOutOfContentIsRefusedAndNothingOfItIsPublished() throws IOException {
        Path content = content();
        Path secret = Files.createDirectories(dir.resolve("private"));
        Files.writeString(secret.resolve("passwords.md"), "---\nid: 9\ntitle: Passwords\n---\n\nhunter2\n");
        Files.createSymbolicLink(content.resolve("articles/basics/passwords.md"), secret.resolve("passwords.md"));
        Files.createSymbolicLink(content.resolve("articles/private"), secret);
        HostileBuild.Outcome outcome = HostileBuild.build(content);
        assertEquals(List.of(
                "articles/basics/passwords.md:1:1: symbolic links are not followed in content/ (copy the file here instead of linking it)",
                "articles/private:1:1: symbolic links are not followed in content/ (copy the file here instead of linking it)"),
                outcome.errors());
        assertFalse(outcome.err().contains("hunter2"));
    }

    @Test
    void fileNamesWithSpacesAccentsOrCapitalsGetARenameHint() throws IOException {
        Path content = content();
        String body = "---\nid: %d\ntitle: T%d\n---\n\nBody.\n";
        Files.writeString(article(content, "My Article.md"), body.formatted(2, 2));
        Files.writeString(article(content, "café.md"), body.formatted(3, 3));
        Files.writeString(article(content, "Upper.md"), body.formatted(4, 4));
        Files.createDirectories(content.resolve("articles/Getting Started"));
        Files.writeString(content.resolve("articles/Getting Started/intro.md"), body.formatted(5, 5));
        assertEquals(List.of(
                "articles/Getting Started:1:1: section folder name 'Getting Started' is not a URL slug (rename it to 'getting-started')",
                "articles/basics/My Article.md:1:1: file name 'My Article.md' is not a URL slug (rename it to 'my-article.md')",
                "articles/basics/Upper.md:1:1: file name 'Upper.md' is not a URL slug (rename it to 'upper.md')",
                "articles/basics/café.md:1:1: file name 'café.md' is not a URL slug (rename it to 'cafe.md')"),
                HostileBuild.build(content).errors());
    }

    @Test
    void pathologicalMarkdownIsALocatedErrorInSeconds() throws IOException {
        Path content = content();
        String head = "---\nid: %d\ntitle: Deep %d\n---\n\n";
        int n = 50_000;
        Files.writeString(article(content, "brackets.md"), head.formatted(2, 2) + "[".repeat(n) + "x" + "]".repeat(n) + "\n");
        Files.writeString(article(content, "quotes.md"), head.formatted(3, 3) + ">".repeat(n) + " x\n");
        StringBuilder lists = new StringBuilder(head.formatted(4, 4));
        for (int i = 0; i < 1000; i++) {
            lists.append("  ".repeat(i)).append("- level\n");
        }
        Files.writeString(article(content, "lists.md"), lists.toString());
        Files.writeString(article(content, "emphasis.md"), head.formatted(5, 5) + "*".repeat(n) + "x" + "*".repeat(n) + "\n");
        Files.writeString(article(content, "links.md"), head.formatted(6, 6) + "[](".repeat(n) + "\n");
        assertEquals(List.of(
                "articles/basics/brackets.md:6:33: more than 32 '[' left open in one paragraph (close them, or escape literal brackets as \\[)",
                "articles/basics/emphasis.md:6:101: more than 100 '*' in a row (escape them as \\* or put them in `code`)",
                "articles/basics/links.md:6:99: more than 32 '(' left open in one paragraph (close them, or escape literal parentheses as \\()",
                "articles/basics/lists.md:70:130: line indented more than 128 columns "
                        + "(nesting this deep cannot be read; un-indent it, or put code in a fenced block)",
                "articles/basics/quotes.md:6:33: block quotes and lists nested more than 32 levels deep "
                        + "(flatten the structure; nobody can follow that many levels)"),
                HostileBuild.build(content).errors());
    }

    @Test
    void filesThatAreNotArticlesInASectionAreNamed() throws IOException {
        Path content = content();
        Files.writeString(article(content, "notes.txt"), "scratch");
        Files.writeString(article(content, ".DS_Store"), "hidden files are ignored");
        Files.writeString(content.resolve("articles/stray.md"), "---\nid: 7\ntitle: Stray\n---\n");
        assertEquals(List.of(
                "articles/basics/notes.txt:1:1: unexpected file in a section folder (sections hold Markdown articles (*.md) and _section.yaml only)",
                "articles/stray.md:1:1: articles must be inside a section folder (move it to content/articles/<section>/stray.md)"),
                HostileBuild.build(content).errors());
        assertTrue(Files.exists(article(content, ".DS_Store")));
    }
}
