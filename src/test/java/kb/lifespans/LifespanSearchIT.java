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
 * lifespan lands on that network's row or its article, not on a page that merely mentions it.
 */
class LifespanSearchIT {
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
        assertTrue(Set.of("lifespans/#" + id, article).contains(top), "'" + query + "' first lands on " + top);
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
