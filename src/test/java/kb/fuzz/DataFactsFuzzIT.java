package kb.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.data.DataFacts;
import kb.data.Networks;
import kb.data.NetworksReader;
import kb.diagnostic.Problems;

/**
 * Inline data facts ({@code {{ lifespan linkedin }}}) with arbitrary fact and network names: a
 * known pair gives its text, anything else an {@link IllegalArgumentException} whose message a
 * writer can read (it becomes a located problem); never another exception.
 */
class DataFactsFuzzIT {
    static final DataFacts FACTS = new DataFacts(networks(), kb.data.EnglishDataWords.WORDS, (n, url) -> "<aside>" + n.id() + "</aside>");

    @FuzzTest(maxDuration = "1m")
    void answersOrExplains(FuzzedDataProvider data) {
        check(data.consumeString(40), data.consumeRemainingAsString());
    }

    /** The same with a fact or network name that is a long run of one construct ({@link LongRuns}). */
    @FuzzTest(maxDuration = "10m")
    void longRunsAnswerOrExplain(FuzzedDataProvider data) {
        boolean longFact = data.consumeBoolean();
        String run = LongRuns.text(data, LongRuns.MARKDOWN);
        long start = LongRuns.start();
        check(longFact ? run : "lifespan", longFact ? "linkedin" : run);
        LongRuns.inTime(start, 20, "a fact of " + run.length() + " characters");
    }

    private static void check(String fact, String network) {
        try {
            String text = FACTS.inline(fact, network);
            if (text == null || text.isBlank()) {
                throw new AssertionError("empty fact for " + fact + " " + network);
            }
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("a fact error must say what is wrong", e);
            }
        }
        try {
            FACTS.box(network);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("a facts-box error must say what is wrong", e);
            }
        }
    }

    /** Three networks, one of each renewal kind, read from YAML as the build reads them. */
    static Networks networks() {
        try {
            Path file = Files.createTempFile("kb-fuzz-networks", ".yaml");
            Files.writeString(file, """
                    networks:
                      - id: linkedin
                        name: LinkedIn
                        lifespan_days: 365
                        inactivity_days: 60
                        activity: publishing
                        role: Super admin
                        role_for: page
                      - id: twitter
                        name: Twitter
                        renews: never
                      - id: gmb
                        name: Google My Business
                        renews: on-use
                    """, StandardCharsets.UTF_8);
            Problems problems = new Problems();
            Networks networks = NetworksReader.read(file, problems);
            Files.delete(file);
            if (problems.hasErrors() || networks.all().size() != 3) {
                throw new IllegalStateException("fixture networks do not load: " + problems.all());
            }
            return networks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
