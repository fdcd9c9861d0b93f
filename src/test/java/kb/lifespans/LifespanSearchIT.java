package kb.lifespans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import kb.pipeline.BuildOptions;
import kb.pipeline.SiteSearch;
import kb.search.Hit;
import kb.testing.TestSites;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each network's row of the lifespans table is a search record: asking for a network's token
 * lifespan lands on that network's row, its article, or the place in the guide to every
 * network's lifespan that covers it, not on a page that merely mentions it; the row is among the
 * first five. (A row scores 0.6 of prose since 01fc9e2, so the guide's section, which says what
 * to do as well, may come first.)
 */
class LifespanSearchIT {
    /** The article about every network's token lifespan. */
    private static final String GUIDE = "getting-started/token-lifespans/";

    @TempDir
    static Path dir;

    private static SiteSearch.Opened opened;

    @BeforeAll
    static void open() {
        // An empty --out: kb search builds the index of the shipped content in memory.
        opened = SiteSearch.open(new BuildOptions(TestSites.CONTENT, TestSites.TEMPLATES, dir.resolve("site"), null,
                false, false, false));
    }

    @AfterAll
    static void close() throws Exception {
        opened.index().close();
    }

    @ParameterizedTest
    @CsvSource({
        "linkedin token lifespan, linkedin, linkedin/token-expiration/",
        "facebook token lifespan, facebook, facebook-instagram/token-expired/",
        "gmb token lifespan, gmb, other-networks/google-my-business/",
        "x token lifespan, twitter, other-networks/twitter/",
        "youtube token expiry, youtube, other-networks/youtube/",
    })
    void aNetworksLifespanLandsOnItsRowOrArticle(String query, String id, String article) {
        List<Hit> hits = opened.index().search(query, 5, false);
        assertTrue(!hits.isEmpty(), query);
        String top = hits.get(0).url();
        boolean guide = top.startsWith(GUIDE + "#");
        assertTrue(guide || Set.of("lifespans/#" + id, article).contains(top), "'" + query + "' first lands on " + top);
        assertTrue(hits.stream().anyMatch(h -> h.url().equals("lifespans/#" + id)), "the row is among the first five");
    }

    @ParameterizedTest
    @CsvSource({"linkedin token lifespan, LinkedIn token lifespan"})
    void theRowsTitleNamesTheNetwork(String query, String title) {
        Hit row = opened.index().search(query, 5, false).stream()
                .filter(h -> h.url().startsWith("lifespans/#")).findFirst().orElseThrow();
        assertEquals(title, row.title());
        assertTrue(row.excerpt().contains("lasts 365 days"), row.excerpt());
    }
}
