package kb.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kb.testing.FixtureSites;
import kb.testing.TestSites;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing escapes: slugs, ids, aliases, section names, anchors and data paths holding {@code ..},
 * absolute paths, drive letters, backslashes or URL schemes are refused with located errors,
 * and nothing is written outside {@code --out}.
 */
class EscapeTest {
    @TempDir
    Path dir;

    private Path content() throws IOException {
        return TestSites.minimal(dir.resolve("content"), Map.of(
                "first.md", "---\nid: 1\ntitle: First article\n---\n\n## Overview\n\nText.\n"));
    }

    private List<String> everythingUnder(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void hostileAliasesAreRefused() throws IOException {
        Path content = content();
        List<String> aliases = List.of("../../../etc/cron.d/kb", "C:/Windows/kb", "a\\\\b", "https://evil.example/x",
                "javascript:alert(1)", "..", "basics/../../x", "basics/%2e%2e/x", "~/x");
        StringBuilder yaml = new StringBuilder("---\nid: 2\ntitle: Hostile aliases\naliases:\n");
        aliases.forEach(a -> yaml.append("  - \"").append(a).append("\"\n"));
        Files.writeString(content.resolve("articles/basics/hostile.md"), yaml.append("---\n\nBody.\n").toString());
        List<String> errors = HostileBuild.build(content).errors();
        assertEquals(aliases.size(), errors.size(), String.join("\n", errors));
        for (int i = 0; i < aliases.size(); i++) {
            assertTrue(errors.get(i).startsWith("articles/basics/hostile.md:" + (5 + i) + ":5: alias '"), errors.get(i));
            assertTrue(errors.get(i).contains("is not a site path like 'section/old-slug'"), errors.get(i));
        }
        assertEquals(List.of("", "content"), everythingUnder(dir).stream().filter(p -> !p.startsWith("content/")).toList(),
                "nothing was written outside the content folder");
    }

    @Test
    void hostileFileAndFolderNamesAreRefused() throws IOException {
        Path content = content();
        String body = "---\nid: %d\ntitle: T%d\n---\n\nBody.\n";
        Files.writeString(content.resolve("articles/basics/a\\b.md"), body.formatted(2, 2));
        Files.writeString(content.resolve("articles/basics/C:evil.md"), body.formatted(3, 3));
        Files.writeString(content.resolve("articles/basics/http:x.md"), body.formatted(4, 4));
        Files.createDirectories(content.resolve("articles/C:"));
        Files.createDirectories(content.resolve("articles/back\\slash"));
        List<String> errors = HostileBuild.build(content).errors();
        assertEquals(List.of(
                "articles/C::1:1: section folder name 'C:' is not a URL slug (rename it to 'c')",
                "articles/back\\slash:1:1: section folder name 'back\\slash' is not a URL slug (rename it to 'back-slash')",
                "articles/basics/C:evil.md:1:1: file name 'C:evil.md' is not a URL slug (rename it to 'c-evil.md')",
                "articles/basics/a\\b.md:1:1: file name 'a\\b.md' is not a URL slug (rename it to 'a-b.md')",
                "articles/basics/http:x.md:1:1: file name 'http:x.md' is not a URL slug (rename it to 'http-x.md')"), errors);
    }

    @Test
    void idsMustBeNumbersAndDataIdsSlugs() throws IOException {
        Path content = content();
        Files.writeString(content.resolve("articles/basics/second.md"), "---\nid: ../../etc\ntitle: T\n---\n\nBody.\n");
        Files.createDirectories(content.resolve("data"));
        Files.writeString(content.resolve("data/networks.yaml"), """
                networks:
                  - id: ../evil
                    name: Evil
                    lifespan_days: 1
                  - id: good
                    name: Good
                    lifespan_days: 1
                    article: /etc/passwd
                  - id: other
                    name: Other
                    lifespan_days: 1
                    article: ../../../etc/passwd
                  - id: third
                    name: Third
                    lifespan_days: 1
                    article: C:\\Windows\\win.ini
                """);
        assertEquals(List.of(
                "articles/basics/second.md:2:5: 'id' must be a whole number, found '../../etc'",
                "data/networks.yaml:2:9: network id '../evil' must be lower-case letters, digits and hyphens",
                "data/networks.yaml:8:14: article '/etc/passwd' not found under content/articles/",
                "data/networks.yaml:12:14: article '../../../etc/passwd' not found under content/articles/",
                "data/networks.yaml:16:14: article 'C:\\Windows\\win.ini' not found under content/articles/"),
                HostileBuild.build(content).errors());
    }

    @Test
    void linksOutOfContentOrToOtherHostsWithoutAHostAreRefused() throws IOException {
        Path content = content();
        Files.writeString(content.resolve("articles/basics/second.md"), "---\nid: 2\ntitle: T\n---\n\n"
                + "[a](../../../../etc/passwd.md)\n[b](//evil.example/x)\n[c](\\\\server\\share)\n[d](file:///etc/passwd)\n");
        assertEquals(List.of(
                "articles/basics/second.md:6:1: link '../../../../etc/passwd.md' leaves content/",
                "articles/basics/second.md:7:1: link '//evil.example/x' is neither a site path nor a full URL",
                "articles/basics/second.md:8:1: link '\\\\server\\share' is neither a site path nor a full URL",
                "articles/basics/second.md:9:1: links with the 'file:' scheme are not allowed"),
                HostileBuild.build(content).errors());
    }

    @Test
    void pinnedIdsThatAreNotSlugsStayHeadingText() throws IOException {
        Path content = content();
        Files.writeString(content.resolve("articles/basics/second.md"),
                "---\nid: 2\ntitle: T\n---\n\n## Escape {#../../x}\n\nBody.\n");
        Document doc = HostileBuild.build(content).assertBuilt().page("basics/second/index.html");
        assertEquals("escape-x", doc.selectFirst(".article-body h2").id());
        assertTrue(doc.selectFirst(".article-body h2").text().contains("{#../../x}"));
    }

    @Test
    void aSitePathAliasWithALeadingSlashStaysInsideTheSite() throws IOException {
        Path content = FixtureSites.copy("small-site", dir.resolve("content"));
        Files.writeString(content.resolve("articles/getting-started/tokens.md"),
                "---\nid: 2\ntitle: Tokens\naliases: [/getting-started/old-tokens/]\n---\n\nBody.\n");
        HostileBuild.Outcome outcome = HostileBuild.build(content).assertBuilt();
        assertTrue(Files.isRegularFile(outcome.site().resolve("getting-started/old-tokens/index.html")));
        assertEquals(List.of("", "content", "site"), everythingUnder(dir).stream()
                .filter(p -> !p.startsWith("content/") && !p.startsWith("site/")).toList());
    }
}
