package kb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kb.search.Hit;
import kb.search.SearchIndex;
import kb.testing.BrowserTest;
import kb.testing.FixtureSites;
import kb.testing.Reader;
import kb.testing.SiteServer;
import kb.testing.TestSites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The German, Arabic and Japanese test sites searched in Chromium, over http and from disk: each
 * page loads its language's chain (kb-analyzer-de.js ...) and ranks as {@code kb search} does.
 */
@BrowserTest
class LanguageSearchIT {
    @TempDir
    static Path dir;
    private static Reader reader;

    @BeforeAll
    static void build(Reader tab) {
        reader = tab;
        for (String[] site : new String[][] {{"german", "de"}, {"arabic", "ar"}, {"japanese", "ja"}}) {
            TestSites.buildInLanguage(FixtureSites.copy(site[0], dir.resolve(site[0])), site[1], dir.resolve(site[0] + "-site"));
        }
    }

    @AfterEach
    void nothingWentWrong() {
        assertEquals(List.of(), reader.problems());
    }

    /** The result URLs the page's kb.search returns, relative to the site. */
    @SuppressWarnings("unchecked")
    private static List<String> browser(String home, String query) {
        reader.open(home);
        return (List<String>) reader.jsAsync("""
                const done = arguments[arguments.length - 1];
                kb.search(arguments[0], {limit: 10}).then(r => done(r.map(h => h.url)), e => done(['failed: ' + e]));""",
                query);
    }

    private static void sameOrder(String name, List<String> queries) throws Exception {
        Path site = dir.resolve(name + "-site");
        try (SiteServer server = SiteServer.serve(site);
                SearchIndex index = SearchIndex.open(site.resolve(".kb/lucene"), Map.of())) {
            for (String query : queries) {
                List<String> java = new ArrayList<>();
                for (Hit hit : index.search(query, 10, true)) {
                    java.add(hit.url());
                }
                assertFalse(java.isEmpty(), name + ": '" + query + "' finds something");
                assertEquals(java, browser(server.url(""), query), name + " over http: '" + query + "'");
                assertEquals(java, browser("file://" + site.resolve("index.html"), query), name + " from disk: '" + query + "'");
            }
            assertEquals(List.of(), server.missing(), "no file the pages asked for was missing");
        }
    }

    @Test
    void germanUmlautFreeSpellingsRankAsKbSearch() throws Exception {
        sameOrder("german", List.of("zugriffstoken", "Uberprufung", "Konto verbinden"));
    }

    @Test
    void arabicWithAndWithoutDiacriticsRanksAsKbSearch() throws Exception {
        sameOrder("arabic", List.of("كلمة المرور", "الرَّمْز"));
    }

    @Test
    void japaneseTwoCharacterQueriesRankAsKbSearch() throws Exception {
        sameOrder("japanese", List.of("期限", "再接続"));
    }
}
