package kb.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.search.Hit;
import kb.search.SearchIndex;
import kb.search.SearchIndexer;
import kb.search.SearchRecord;

/**
 * {@code kb search} and the build's search over arbitrary queries (what readers type, pasted
 * text, operators, wildcards, unicode): a list of hits, never an exception.
 */
class SearchQueryFuzzIT {
    private static final SearchIndex INDEX = index();

    @FuzzTest(maxDuration = "2m")
    void answersAnyQuery(byte[] input) {
        check(new String(input, StandardCharsets.UTF_8));
    }

    /** The same over queries of one operator or word repeated thousands of times ({@link LongRuns}), in bounded time. */
    @FuzzTest(maxDuration = "10m")
    void longRunsAnswer(FuzzedDataProvider data) {
        String query = LongRuns.text(data, LongRuns.QUERY);
        long start = LongRuns.start();
        check(query);
        LongRuns.inTime(start, 20, "a query of " + query.length() + " characters");
    }

    private static void check(String query) {
        for (boolean prefix : new boolean[] {true, false}) {
            List<Hit> hits = INDEX.search(query, 10, prefix);
            if (hits.size() > 10) {
                throw new AssertionError("more hits than the limit: " + hits.size());
            }
            for (Hit h : hits) {
                if (h.url() == null || h.title() == null || Float.isNaN(h.score())) {
                    throw new AssertionError("incomplete hit " + h);
                }
            }
        }
    }

    private static SearchIndex index() {
        List<SearchRecord> records = List.of(
                new SearchRecord(SearchRecord.Kind.ARTICLE, "linkedin/token-expiration/", null,
                        "Why LinkedIn disconnects every 365 days", "", "LinkedIn",
                        "LinkedIn tokens last 365 days.", "linkedin token", "Reconnect before it expires.", 101),
                new SearchRecord(SearchRecord.Kind.SECTION, "linkedin/token-expiration/", "inactivity",
                        "Why LinkedIn disconnects every 365 days", "60 days without activity", "LinkedIn", "", "",
                        "Publishing or opening the stream counts as activity.", 101),
                new SearchRecord(SearchRecord.Kind.FAQ, "faq/", "password-change", "Does a password change disconnect Facebook?",
                        "", "FAQ · Facebook", "", "", "Yes: reconnect after changing it. C++ & <b>markup</b> \"quoted\"", 0),
                new SearchRecord(SearchRecord.Kind.NETWORK, "lifespans/", "twitter", "Twitter token lifespan", "",
                        "Token lifespans", "", "X", "Twitter tokens never expire.", 0));
        try {
            Path dir = Files.createTempDirectory("kb-fuzz-index");
            dir.toFile().deleteOnExit();
            return SearchIndexer.build(records, dir, Map.of("facebook", List.of("fb"), "linkedin", List.of("li")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
