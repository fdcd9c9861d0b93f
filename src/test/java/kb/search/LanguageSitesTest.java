package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kb.cli.CliRun;
import kb.testing.FixtureSites;
import kb.testing.TestSites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-language help centers in German, Arabic and Japanese (src/test/resources/sites/german/content ...),
 * built, then searched with {@code kb search} as their readers would type: each language's chain
 * comes from kb.yaml's {@code language}, and the browser gets that chain's file.
 */
class LanguageSitesTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void build() {
        for (String[] site : new String[][] {{"german", "de"}, {"arabic", "ar"}, {"japanese", "ja"}}) {
            TestSites.buildInLanguage(FixtureSites.copy(site[0], dir.resolve(site[0])), site[1],
                    dir.resolve(site[0] + "-site"));
        }
    }

    /** The URLs {@code kb search --json} ranks for a query, best first. */
    static List<String> search(String site, String query) throws IOException {
        CliRun.Result r = CliRun.run("search", "--content", dir.resolve(site).resolve("content").toString(),
                "--templates", dir.resolve(site).resolve("templates").toString(), "--out",
                dir.resolve(site + "-site").toString(), "--json", query);
        assertEquals(0, r.status(), r.err());
        List<String> urls = new ArrayList<>();
        for (JsonNode hit : new ObjectMapper().readTree(r.out())) {
            urls.add(hit.get("url").asText());
        }
        return urls;
    }

    private static String first(String site, String query) throws IOException {
        List<String> urls = search(site, query);
        assertTrue(!urls.isEmpty(), "no result for '" + query + "'");
        return urls.get(0).replaceFirst("^https?://[^/]+/", "").replaceFirst("#.*", "");
    }

    @Test
    void germanFindsZugriffstokenInAnyCaseAndUmlautFreeSpellings() throws IOException {
        String token = "verbindungen/zugriffstoken/";
        String check = "verbindungen/ueberpruefung/";
        assertEquals(token, first("german", "zugriffstoken"));
        assertEquals(token, first("german", "Zugriffstoken"));
        assertEquals(token, first("german", "ZUGRIFFSTOKENS"));
        assertEquals(check, first("german", "Überprüfung"));
        assertEquals(check, first("german", "Uberprufung"));
        assertEquals(check, first("german", "Ueberpruefung der Anmeldung"));
        assertEquals(check, first("german", "grossere teams"), "ß and ö without their letters");
    }

    @Test
    void arabicMatchesWithAndWithoutDiacritics() throws IOException {
        String password = "alhisab/kalimat-almurur/";
        String token = "alhisab/muddat-alramz/";
        // The password page is written with harakat, the token page without.
        assertEquals(password, first("arabic", "كلمة المرور"));
        assertEquals(password, first("arabic", "كَلِمَةُ المُرُورِ"));
        assertEquals(token, first("arabic", "مدة صلاحية الرمز"));
        assertEquals(token, first("arabic", "مُدَّةُ صَلاحِيَةِ الرَّمْزِ"));
    }

    @Test
    void japaneseFindsAPageFromTwoCharacters() throws IOException {
        assertEquals("setsuzoku/kigen/", first("japanese", "期限"));
        assertEquals("setsuzoku/kigen/", first("japanese", "トークン"));
        assertEquals("setsuzoku/pasuwado/", first("japanese", "再接続"));
        assertEquals("setsuzoku/pasuwado/", first("japanese", "パスワード"));
    }

    @Test
    void eachSiteShipsItsChainToTheBrowser() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String[] c : new String[][] {{"german", "kb-de-1", "kb-analyzer-de.js"},
            {"arabic", "kb-ar-1", "kb-analyzer-ar.js"}, {"japanese", "kb-cjk-1", "kb-analyzer-cjk.js"}}) {
            Path site = dir.resolve(c[0] + "-site");
            String script = Files.readString(site.resolve("search/data/manifest.js"), StandardCharsets.UTF_8);
            String payload = script.substring(script.indexOf("JSON.parse('") + 12, script.lastIndexOf("'));"))
                    .replace("\\'", "'").replace("\\x3c", "<").replace("\\\\", "\\");
            JsonNode manifest = json.readTree(payload);
            assertEquals(c[1], manifest.get("analyzer").asText(), c[0]);
            assertEquals(c[2], manifest.get("script").asText(), c[0]);
            assertTrue(Files.isRegularFile(site.resolve("assets/js/" + c[2])), c[0] + " ships " + c[2]);
        }
    }
}
