package kb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.testing.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content that names a network the data does not have fails the build at the writer's
 * {@code path:line:col}: an inline fact, a facts box, front matter {@code networks:}. And a fact
 * that exists renders the data's text.
 */
class DataReferencesTest {
    private static final String NETWORKS = """
            networks:
              - id: facebook
                name: Facebook
                lifespan_days: 60
                role: Admin or Editor
                role_for: page
              - id: linkedin
                name: LinkedIn
                lifespan_days: 365
                inactivity_days: 60
                activity: publishing
              - id: twitter
                name: Twitter
                renews: never
            """;

    @TempDir
    Path dir;

    private Path content(String article) throws IOException {
        Path content = TestSites.minimal(dir.resolve("content"), Map.of("a.md", article));
        Files.createDirectories(content.resolve("data"));
        Files.writeString(content.resolve("data/networks.yaml"), NETWORKS);
        return content;
    }

    /** The build's errors, as {@code path-under-content:line:col: message (hint)}. */
    private List<String> errors(String article) throws IOException {
        Path content = content(article);
        KbException e = assertThrows(KbException.class, () -> TestSites.build(content, dir.resolve("site")));
        return e.problems().stream().filter(Problem::isError)
                .map(p -> p.toString().replace(content.toString() + "/", "")).toList();
    }

    @Test
    void unknownNetworkInAnInlineFactIsAnErrorAtTheFact() throws IOException {
        assertEquals(List.of("articles/basics/a.md:7:13: unknown network 'facebok' (did you mean 'facebook'?)"),
                errors("""
                        ---
                        id: 1
                        title: A
                        ---

                        Intro.
                        Tokens last {{ lifespan facebok }} on Facebook.
                        """));
    }

    @Test
    void unknownFactIsAnErrorWithTheKnownFacts() throws IOException {
        List<String> errors = errors("""
                ---
                id: 1
                title: A
                ---
                Facebook tokens last {{ lifespn facebook }}.
                """);
        assertEquals(1, errors.size());
        assertEquals("articles/basics/a.md:5:22: unknown fact 'lifespn' (did you mean 'lifespan'?; or token-facts on a line of its own)",
                errors.get(0));
    }

    @Test
    void aFactTheNetworkDoesNotHaveIsAnError() throws IOException {
        assertEquals(List.of("articles/basics/a.md:5:1: Twitter has no fixed lifespan in days (its token has no expiration date)",
                        "articles/basics/a.md:6:1: Facebook has no inactivity rule in networks.yaml"),
                errors("""
                        ---
                        id: 1
                        title: A
                        ---
                        {{ lifespan-days twitter }} days.
                        {{ inactivity facebook }}.
                        """));
    }

    @Test
    void unknownNetworkInATokenFactsBoxIsAnError() throws IOException {
        assertEquals(List.of("articles/basics/a.md:7:16: unknown network 'linkedn' (did you mean 'linkedin'?)"),
                errors("""
                        ---
                        id: 1
                        title: A
                        ---
                        Intro.

                        {{ token-facts linkedn }}
                        """));
    }

    @Test
    void unknownNetworkInFrontMatterIsAnErrorAtTheListItem() throws IOException {
        assertEquals(List.of("articles/basics/a.md:4:22: unknown network 'instagram' (known: facebook, linkedin, twitter)"),
                errors("""
                        ---
                        id: 1
                        title: A
                        networks: [facebook, instagram]
                        ---
                        Text.
                        """));
    }

    @Test
    void factsRenderTheDataText() throws IOException {
        Path content = content("""
                ---
                id: 1
                title: A
                ---
                Facebook tokens last {{ lifespan facebook }}; LinkedIn ones {{ lifespan-days linkedin }} days,
                or {{ inactivity linkedin }} without {{ activity linkedin }}. Twitter: {{ lifespan twitter }}.
                Connect as {{ role facebook }} on {{ name facebook }}.

                {{ token-facts linkedin }}
                """);
        Path site = dir.resolve("site");
        TestSites.build(content, site);
        Document page = Jsoup.parse(site.resolve("basics/a/index.html").toFile(), "UTF-8");
        String text = page.select("main p").eachText().toString();
        assertEquals(true, text.contains("Facebook tokens last 60 days; LinkedIn ones 365 days, or 60 days without publishing."), text);
        assertEquals(true, text.contains("Twitter: no expiration date."), text);
        assertEquals(true, text.contains("Connect as Admin or Editor on Facebook."), text);
        assertEquals("365 days", page.select(".token-facts dd").first().text());

        // The Markdown copy (for readers and language models) states the same facts, not kb's placeholders.
        String copy = Files.readString(site.resolve("basics/a/index.md"));
        assertEquals(false, copy.contains("{{"), copy);
        assertEquals(true, copy.contains("Facebook tokens last 60 days; LinkedIn ones 365 days,"), copy);
        assertEquals(true, copy.contains("Twitter: no expiration date."), copy);
        assertEquals(true, copy.contains("**LinkedIn token facts**"), copy);
        assertEquals(true, copy.contains("- Token lifespan: 365 days"), copy);
        assertEquals(true, copy.contains("- Ends early: after 60 days without activity"), copy);
    }

    @Test
    void factsNotVerifiedForLongerThanTheSettingAreAWarning() throws IOException {
        Path content = content("---\nid: 1\ntitle: A\n---\nText.\n");
        String stale = java.time.LocalDate.now().minusDays(200).toString();
        String fresh = java.time.LocalDate.now().minusDays(100).toString();
        Files.writeString(content.resolve("data/networks.yaml"), """
                networks:
                  - id: facebook
                    name: Facebook
                    lifespan_days: 60
                    verified: %s
                  - id: twitter
                    name: Twitter
                    renews: never
                    verified: %s
                """.formatted(stale, fresh));
        List<String> warnings = TestSites.build(content, dir.resolve("site")).warnings().stream()
                .map(p -> p.toString().replace(content.toString() + "/", "")).toList();
        assertEquals(List.of("data/networks.yaml:2:5: warning: Facebook's facts were last verified on " + stale
                + " (more than 180 days ago)"), warnings);

        Files.writeString(content.resolve("kb.yaml"), Files.readString(content.resolve("kb.yaml")) + "verify_after_days: 365\n");
        assertEquals(List.of(), TestSites.build(content, dir.resolve("site2")).warnings());
    }
}
