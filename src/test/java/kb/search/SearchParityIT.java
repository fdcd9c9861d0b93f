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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kb.testing.TestSites;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            "reaut", "relin", "unlin");

    @TempDir
    Path temp;

    @Test
    void browserAndCommandLineReturnTheSameRankedResults() throws Exception {
        Assumptions.assumeTrue(nodeAvailable() || Boolean.getBoolean("kb.requireBrowser"), "skipped: node not installed");
        Path site = temp.resolve("site");
        TestSites.build(TestSites.CONTENT, site);
        List<JsonNode> browser = runNode(site, QUERIES, 10);
        try (SearchIndex index = SearchIndex.open(FSDirectory.open(site.resolve(".kb/lucene")), Map.of())) {
            int compared = 0;
            for (int i = 0; i < QUERIES.size(); i++) {
                List<Hit> java = index.search(QUERIES.get(i), 10, true);
                JsonNode js = browser.get(i);
                assertEquals(java.size(), js.size(), "result count for '" + QUERIES.get(i) + "'");
                for (int r = 0; r < java.size(); r++) {
                    String where = "'" + QUERIES.get(i) + "' result " + (r + 1);
                    assertEquals(java.get(r).url(), js.get(r).get("url").asText(), where);
                    double expected = java.get(r).score();
                    double actual = js.get(r).get("score").asDouble();
                    assertTrue(Math.abs(expected - actual) <= 1e-5 * Math.abs(expected),
                            where + ": score " + expected + " (Lucene) vs " + actual + " (browser)");
                    compared++;
                }
            }
            assertTrue(compared > 200, "compared " + compared + " results");
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
