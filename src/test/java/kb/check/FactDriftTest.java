package kb.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kb.content.Content;
import kb.content.ContentLoader;
import kb.data.Networks;
import kb.data.NetworksReader;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Typed lifespans that disagree with networks.yaml are errors at the number's line and column. */
class FactDriftTest {
    private static final Path FILE = Path.of("articles/a.md");
    private static Networks networks;

    @BeforeAll
    static void data(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("networks.yaml");
        Files.writeString(file, """
                networks:
                  - id: facebook
                    name: Facebook
                    other_names: [FB]
                    lifespan_days: 90
                  - id: instagram
                    name: Instagram Business
                    other_names: [Instagram, IG]
                    lifespan_days: 60
                  - id: linkedin
                    name: LinkedIn
                    other_names: [LI]
                    lifespan_days: 365
                    inactivity_days: 60
                    activity: publishing
                  - id: twitter
                    name: Twitter
                    other_names: [X]
                    renews: never
                """);
        Problems problems = new Problems();
        networks = NetworksReader.read(file, problems);
        assertEquals(List.of(), problems.all());
    }

    private static List<String> errors(String markdown) {
        return FactDrift.scan(markdown, FILE, 10, networks).stream().filter(Problem::isError).map(Problem::toString).toList();
    }

    private static List<String> warnings(String markdown) {
        return FactDrift.scan(markdown, FILE, 10, networks).stream().filter(p -> !p.isError()).map(Problem::toString).toList();
    }

    @Test
    void aWrongLifespanIsAnErrorAtTheNumber() {
        assertEquals(List.of("articles/a.md:11:22: '90 days' disagrees with networks.yaml, which says LinkedIn tokens last"
                        + " 365 days (or end after 60 days without activity)"
                        + " (write {{ lifespan linkedin }} or {{ inactivity linkedin }} instead of typing the number)"),
                errors("""
                        Intro line.
                        LinkedIn tokens last 90 days.
                        """));
    }

    @Test
    void aNumberTypedWhereTheDataSaysOtherwiseIsAnError() {
        assertEquals(List.of("articles/a.md:10:31: '60 days' disagrees with networks.yaml, which says Facebook tokens last"
                        + " 90 days (write {{ lifespan facebook }} instead of typing the number)"),
                errors("Reconnect Facebook before its 60 days are up, or the token ends."));
    }

    @Test
    void aSentenceWrappedOverLinesIsOneSentence() {
        assertEquals(List.of("articles/a.md:13:1: '90-day' disagrees with networks.yaml, which says Instagram Business"
                        + " tokens last 60 days (write {{ lifespan instagram }} instead of typing the number)"),
                errors("""
                        Intro.

                        An {{ name instagram }} token has a
                        90-day lifespan, so reconnect in time.
                        """));
    }

    @Test
    void eachNumberBelongsToTheNetworkNamedNearestBeforeIt() {
        assertEquals(List.of(), errors("Facebook tokens last 90 days and Instagram tokens 60 days."));
        assertEquals(2, errors("Facebook tokens last 60 days and Instagram tokens 90 days.").size());
        assertEquals(List.of(), errors("After 90 days the Facebook token expires."), "or the one named after it");
    }

    @Test
    void yearsCountAs365Days() {
        assertEquals(List.of(), errors("A LinkedIn token lasts one year."));
        assertEquals(List.of(), errors("A LinkedIn token lasts 1 year."));
        assertEquals(1, errors("A LinkedIn token lasts 2 years.").size());
        assertEquals(1, errors("Facebook tokens expire after a 1-year period.").size());
    }

    @Test
    void unitsInAnyCaseAreClaims() {
        assertEquals(1, errors("Facebook tokens last 60 DAYS.").size());
        assertEquals(1, errors("A LinkedIn token lasts 2 Years.").size());
        assertEquals(1, errors("FACEBOOK TOKENS EXPIRE AFTER A 60-DAY PERIOD.").size());
        assertEquals(List.of(), errors("Facebook tokens last for a holiday of 60 dayz at most."), "a day inside a word is not a unit");
    }

    @Test
    void theInactivityRuleIsNotALifespan() {
        assertEquals(List.of(), errors("LinkedIn ends the token if you have not used it for 60 days."));
        assertEquals(List.of(), errors("Every {{ lifespan linkedin }}, and sooner after 60 days of inactivity on LinkedIn."));
        assertEquals(1, errors("LinkedIn tokens last 60 days.").size(), "60 is the inactivity rule, not the lifespan");
    }

    @Test
    void aNetworkWithoutExpiryHasNoTypedLifespan() {
        assertEquals(List.of("articles/a.md:10:21: '30 days' disagrees with networks.yaml, which says Twitter's token"
                        + " has no expiration date (write {{ lifespan twitter }} instead of typing the number)"),
                errors("Twitter (X) tokens: 30 days."));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Facebook tokens last {{ lifespan facebook }}.",
        "{{ name facebook }} tokens last {{ lifespan-days facebook }} days.",
        "Facebook asks you to confirm your email within 3 days.",
        "Spread LinkedIn searches over several days.",
        "LinkedIn was updated on 2026-01-10 and the token was renewed.",
        "See [the 90 days article](../linkedin/token-expiration.md) for tokens.",
        "Run `linkedin --days 30` to renew the token.",
        "LinkedIn tokens last 1.5 days less in leap years.",
        "Our x 30 days token export is unrelated.",
    })
    void proseThatStatesNoLifespanPasses(String markdown) {
        assertEquals(List.of(), errors(markdown));
    }

    @Test
    void codeBlocksAreNotProse() {
        assertEquals(List.of(), errors("""
                ```
                LinkedIn tokens last 90 days.
                ```
                """));
    }

    @Test
    void tableCellsAreSeparateSentences() {
        assertEquals(List.of(), errors("""
                | Network | Token lifespan |
                | --- | --- |
                | Facebook | {{ lifespan facebook }} |
                | Instagram | 60 days |
                """));
        assertEquals(List.of("articles/a.md:12:14: '60 days' disagrees with networks.yaml, which says Facebook tokens last"
                        + " 90 days (write {{ lifespan facebook }} instead of typing the number)"),
                errors("""
                        | Network | Token lifespan |
                        | --- | --- |
                        | Facebook | 60 days |
                        """));
    }

    @Test
    void aCorrectTypedNumberIsAWarningSinceItWillDrift() {
        assertEquals(List.of("articles/a.md:10:22: warning: '90 days' is typed by hand; write {{ lifespan facebook }}"
                + " so it follows networks.yaml"), warnings("Facebook tokens last 90 days."));
        assertEquals(List.of(), errors("Facebook tokens last 90 days."));
    }

    @Test
    void shortCapitalNamesMustBeCapitals() {
        assertEquals(1, errors("X tokens expire after 30 days.").size());
        assertEquals(List.of(), errors("Multiply x tokens by 30 days."));
    }

    @Test
    void checksArticleTitlesSummariesAndFaqQuestions(@TempDir Path content) throws IOException {
        Files.createDirectories(content.resolve("articles/basics"));
        Files.createDirectories(content.resolve("faq"));
        Files.writeString(content.resolve("kb.yaml"), "name: T\nbase_url: https://t.test/\nsupport:\n  email: a@t.test\n");
        Files.writeString(content.resolve("articles/basics/_section.yaml"), "title: Basics\n");
        Files.writeString(content.resolve("articles/basics/a.md"), """
                ---
                id: 1
                title: Why LinkedIn tokens end after 90 days
                summary: Facebook tokens last {{ lifespan facebook }}.
                ---

                Body: Facebook tokens last 45 days.
                """);
        Files.writeString(content.resolve("faq/general.md"), """
                ---
                title: General
                ---

                ## Does Facebook disconnect every 30 days?

                No: every {{ lifespan facebook }}.
                """);
        Problems problems = new Problems();
        Content loaded = new ContentLoader(content, false).load(problems);
        FactDrift.check(loaded, networks, problems);
        List<String> errors = problems.all().stream().filter(Problem::isError)
                .map(p -> content.relativize(p.where().file()) + ":" + p.where().line() + ":" + p.where().column()).toList();
        assertEquals(List.of("articles/basics/a.md:3:38", "articles/basics/a.md:7:28", "faq/general.md:5:35"), errors);
    }
}
