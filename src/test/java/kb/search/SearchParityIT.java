package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kb.testing.FixtureSites;
import kb.testing.TestSites;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The browser client and the command line rank alike: for realistic queries (typos, synonyms,
 * prefixes, whole questions) the JavaScript client, run under Node on the built site, returns
 * the same results in the same order with the same scores as Lucene.
 */
class SearchParityIT {
    static final List<String> QUERIES = List.of(
            "facebook", "facebook password", "facebook password disconnected", "fb", "ig", "insta", "li", "x",
            "gmb", "google business profile", "yt", "logged out", "unlinked", "kicked out", "reauth", "relink",
            "linkedin token lifespan", "how long does a linkedin token last", "linkdin", "facebok", "experation",
            "instagarm business", "youtub", "twiter", "reconect", "security checkpoint", "checkpoint",
            "page role", "super admin", "restricted profile", "inactivity", "what counts as activity",
            "i changed my facebook password and now it's disconnected", "why does youtube not need reconnecting",
            "revoke access", "permitted services", "alias names", "shared login ip address", "copyright",
            "contact support phone", "email", "token", "expire", "disconnect", "reconnecting", "face", "link",
            "yout", "re", "calendar", "Twitter's tokens", "don’t", "60 days", "linkdi", "reconec", "facbo",
            "instagr busines", "password chnag", "youtube tokn",
            // Misspellings from four letters, corrections ranked by likelihood:
            "tokn expiry", "acount linkedin", "emial support", "tokne", "youtbue token", "suport email", "pasword change",
            // Completions come from the head files, and from a word's letter once it is loaded:
            "reco", "recon", "expi", "twitter expi", "instru", "differen", "direc", "accoun", "disconn",
            // A synonym from kb.yaml is completed like a word of the pages:
            "reaut", "relin", "unlin",
            // The support desk's other words for a word (SupportTerms), from the manifest's groups:
            "delete lofty app", "password compromised", "account suspended", "authorization lapsed",
            "colleague login", "images flagged", "remov",
            // ... and two words in a row that stand for one of them:
            "signed out of facebook", "why does youtube never disconnect", "turn off", "opt out",
            // A heading about another network than the one asked for (Kinds) falls behind:
            "how long does a facebook token last", "facebook access revoked", "linkedin page role", "facebok token",
            "which role do i need for a linkedin page", "instagram token expired", "linkedin or facebook token",
            // A negation asked and said in a heading about a word asked (Negations) weighs the hit again:
            "youtube not disconnected", "facebook token does not expire", "why won't my page reconnect",
            "linkedin doesn’t reconnect", "no-show", "no token expiry", "twitter token doesn't expire",
            "facebook account not confirmed", "did not change anything but disconnected");
    static final List<String> KINDS = QUERIES.subList(QUERIES.indexOf("how long does a facebook token last"),
            QUERIES.indexOf("linkedin or facebook token") + 1);

    @TempDir
    Path temp;

    @Test
    void browserAndCommandLineReturnTheSameRankedResults() throws Exception {
        Assumptions.assumeTrue(nodeAvailable() || Boolean.getBoolean("kb.requireBrowser"), "skipped: node not installed");
        Path site = temp.resolve("site");
        TestSites.build(TestSites.CONTENT, site);
        int compared = assertSameRanking(site, QUERIES);
        assertTrue(compared > 200, "compared " + compared + " results");
        // Fewer results than the groups weighed again for kinds (SearchIndex.KIND_POOL): alike too.
        assertEquals(KINDS.size() * 3, assertSameRanking(site, KINDS, 3));

        // The Spanish pages, searched as Spanish-speaking customers type, with and without accents:
        // the browser ranks them as `kb search --lang es` does, and the answer comes first.
        Path spanish = site.resolve("es");
        assertTrue(assertSameRanking(spanish, SPANISH_QUERIES) > 50, "Spanish results compared");
        try (SearchIndex index = SearchIndex.open(FSDirectory.open(spanish.resolve(".kb/lucene")), Map.of())) {
            assertEquals("facebook-instagram/token-expired/", page(index.search("token caducado", 3, true).get(0)));
            for (String q : List.of("cómo vuelvo a conectar facebook", "como vuelvo a conectar facebook")) {
                assertEquals("getting-started/how-to-reconnect/", page(index.search(q, 3, true).get(0)), q);
            }
            for (String q : List.of("contraseña cambiada desconectada", "contrasena cambiada desconectada")) {
                List<String> top = index.search(q, 2, true).stream().map(Hit::url).map(u -> u.replaceAll("#.*", "")).toList();
                assertTrue(top.contains("account-changes/username-or-password-change/") && top.contains("faq/"), q + ": " + top);
            }
        }
    }

    /**
     * A large site's head files are cut by three letters ({@code h/rec.js} instead of
     * {@code h/re.js}), and the postings that synonyms share are written once ({@code p/}); here
     * every head file is cut and every shared list written once, and words completed while typed
     * and synonyms asked for together rank as Lucene ranks them.
     */
    @Test
    void aLargeSitesLayoutRanksAlike() throws Exception {
        Assumptions.assumeTrue(nodeAvailable() || Boolean.getBoolean("kb.requireBrowser"), "skipped: node not installed");
        Path site = temp.resolve("site");
        TestSites.build(TestSites.CONTENT, site);
        Path data = site.resolve("search/data");
        try (Stream<Path> old = Files.list(data.resolve("h"))) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        try (SearchIndex index = SearchIndex.open(FSDirectory.open(site.resolve(".kb/lucene")), Map.of())) {
            new BrowserExport(index, (file, bytes) -> write(data.resolve(file), bytes), 0, 1).write();
        }
        assertTrue(Files.exists(data.resolve("h/rec.js")), "h/rec.js written");
        assertFalse(Files.exists(data.resolve("h/re.js")), "no h/re.js");
        try (Stream<Path> shared = Files.list(data.resolve("p"))) {
            assertTrue(shared.count() > 0, "shared postings written");
        }
        // Every query's last word is completed as typed (node-search.js searches as the search box does).
        assertTrue(assertSameRanking(site, QUERIES) > 200, "results compared");
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Spanish queries over the shipped Spanish pages: keywords, questions, typos, no accents. */
    static final List<String> SPANISH_QUERIES = List.of("token caducado", "token vencido", "cómo vuelvo a conectar facebook",
            "como vuelvo a conectar facebook", "contraseña cambiada desconectada", "contrasena cambiada desconectada",
            "cuenta desconectada", "por qué se desconectó mi cuenta", "cuánto dura el token de linkedin", "superadministrador",
            "página de facebook", "perfil de empresa de google", "revocar acceso", "reconectar", "reconect", "caduc",
            "punto de control de seguridad", "cuenta restringida", "youtube", "twiter", "soporte");

    /** A hit's page, without the section anchor. */
    private static String page(Hit hit) {
        return hit.url().replaceAll("#.*", "");
    }

    /** What readers of the German, Arabic and Japanese test sites type, whole and while typing. */
    static Stream<Arguments> languageSites() {
        return Stream.of(
                Arguments.of("german", "de", List.of("zugriffstoken", "Zugriffstoken", "zugriff", "zugr", "Überprüfung",
                        "uberprufung", "Ueberpruefung der Anmeldung", "uberprfung", "anmeldung ablaufen", "Konto verbinden",
                        "grossere teams", "netzwerk", "netzw", "läuft ab", "Sicherheitsprufung")),
                Arguments.of("arabic", "ar", List.of("كلمة المرور", "كَلِمَةُ المُرُورِ", "كلمة", "الرمز", "الرَّمْز",
                        "مدة صلاحية الرمز", "مُدَّةُ صَلاحِيَةِ الرَّمْزِ", "الحساب", "والحساب", "ربط الحساب", "تسجيل الدخول", "شبك")),
                Arguments.of("japanese", "ja", List.of("期限", "トークン", "再接続", "パスワード", "アクセス", "有効期限",
                        "接続", "ﾄｰｸﾝ", "ログイン", "設定", "ア", "期")));
    }

    /** The browser, with the site's own chain file, ranks each language's site as kb search does. */
    @ParameterizedTest
    @MethodSource("languageSites")
    void languageSitesRankAlikeInTheBrowser(String name, String language, List<String> queries) throws Exception {
        Assumptions.assumeTrue(nodeAvailable() || Boolean.getBoolean("kb.requireBrowser"), "skipped: node not installed");
        Path site = temp.resolve(name + "-site");
        TestSites.buildInLanguage(FixtureSites.copy(name, temp.resolve(name)), language, site);
        int compared = assertSameRanking(site, queries);
        assertTrue(compared >= queries.size(), name + ": compared " + compared + " results");
    }

    /** Runs every query in Node and with Lucene; same URLs, same order, same scores. */
    private static int assertSameRanking(Path site, List<String> queries) throws Exception {
        return assertSameRanking(site, queries, 10);
    }

    private static int assertSameRanking(Path site, List<String> queries, int limit) throws Exception {
        List<JsonNode> browser = runNode(site, queries, limit);
        try (SearchIndex index = SearchIndex.open(FSDirectory.open(site.resolve(".kb/lucene")), Map.of())) {
            int compared = 0;
            for (int i = 0; i < queries.size(); i++) {
                List<Hit> java = index.search(queries.get(i), limit, true);
                JsonNode js = browser.get(i);
                assertEquals(java.size(), js.size(), "result count for '" + queries.get(i) + "'");
                for (int r = 0; r < java.size(); r++) {
                    String where = "'" + queries.get(i) + "' result " + (r + 1);
                    assertEquals(java.get(r).url(), js.get(r).get("url").asText(), where);
                    double expected = java.get(r).score();
                    double actual = js.get(r).get("score").asDouble();
                    assertTrue(Math.abs(expected - actual) <= 1e-5 * Math.abs(expected),
                            where + ": score " + expected + " (Lucene) vs " + actual + " (browser)");
                    compared++;
                }
            }
            return compared;
        }
    }

    static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs the browser client under Node (src/test/resources/search/node-search.js). */
    static List<JsonNode> runNode(Path site, List<String> queries, int limit) throws Exception {
        Path script = Path.of("src/test/resources/search/node-search.js").toAbsolutePath();
        Process p = new ProcessBuilder("node", script.toString(), site.toString(), String.valueOf(limit))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().write(String.join("\n", queries).concat("\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node finished");
        assertEquals(0, p.exitValue(), "node exit status");
        List<JsonNode> results = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                results.add(json.readTree(line));
            }
        }
        assertEquals(queries.size(), results.size(), "one line per query");
        return results;
    }
}
