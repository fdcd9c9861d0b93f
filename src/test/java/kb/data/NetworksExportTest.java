package kb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kb.diagnostic.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** api/networks.json and the CSV download say exactly what networks.yaml says, in a documented shape. */
class NetworksExportTest {
    private static final String BASE = "https://help.test/";

    @TempDir
    Path dir;

    private Networks networks;

    @BeforeEach
    void read() throws IOException {
        Path file = dir.resolve("networks.yaml");
        Files.writeString(file, """
                networks:
                  - id: linkedin
                    name: LinkedIn
                    other_names: [LI]
                    lifespan_days: 365
                    inactivity_days: 60
                    activity: publishing, the LinkedIn stream, or the Inbox
                    role: Super admin
                    role_for: page
                    article: linkedin/token-expiration.md
                    notes: 'Say "reconnect" early'
                    verified: 2026-11-01
                  - id: twitter
                    name: Twitter
                    other_names: [X]
                    renews: never
                  - id: youtube
                    name: =YouTube
                    renews: on-use
                """);
        Problems problems = new Problems();
        networks = NetworksReader.read(file, problems);
        assertEquals(List.of(), problems.all());
    }

    private String articleUrl(Network n) {
        return n.article() == null ? null : BASE + n.article().value().replace(".md", "/");
    }

    @Test
    void jsonHasTheDocumentedShape() throws IOException {
        JsonNode root = new ObjectMapper().readTree(NetworksExport.json(networks, BASE, this::articleUrl, EnglishDataWords.WORDS));
        assertEquals(Set.of("schema_version", "networks"), fieldNames(root));
        assertTrue(root.get("schema_version").isInt());
        assertEquals(1, root.get("schema_version").asInt());
        JsonNode list = root.get("networks");
        assertEquals(3, list.size());
        Set<String> fields = Set.of("id", "name", "other_names", "renewal", "lifespan_days", "lifespan_text",
                "inactivity_days", "activity", "role", "role_for", "notes", "verified", "article_url", "table_url");
        for (JsonNode n : list) {
            assertEquals(fields, fieldNames(n), "every network has every field, null when unknown");
        }
        JsonNode li = list.get(0);
        assertEquals("linkedin", li.get("id").asText());
        assertEquals("LinkedIn", li.get("name").asText());
        assertTrue(li.get("other_names").isArray());
        assertEquals("LI", li.get("other_names").get(0).asText());
        assertEquals("fixed", li.get("renewal").asText());
        assertTrue(li.get("lifespan_days").isInt());
        assertEquals(365, li.get("lifespan_days").asInt());
        assertEquals("365 days", li.get("lifespan_text").asText());
        assertEquals(60, li.get("inactivity_days").asInt());
        assertEquals("publishing, the LinkedIn stream, or the Inbox", li.get("activity").asText());
        assertEquals("Super admin", li.get("role").asText());
        assertEquals("page", li.get("role_for").asText(), "the role is needed to connect a Page, not the profile");
        assertEquals("Say \"reconnect\" early", li.get("notes").asText());
        assertEquals("2026-11-01", li.get("verified").asText());
        assertEquals(BASE + "linkedin/token-expiration/", li.get("article_url").asText());
        assertEquals(BASE + "lifespans/#linkedin", li.get("table_url").asText());

        JsonNode tw = list.get(1);
        assertEquals("never", tw.get("renewal").asText());
        assertTrue(tw.get("lifespan_days").isNull());
        assertEquals("no expiration date", tw.get("lifespan_text").asText());
        assertTrue(tw.get("inactivity_days").isNull());
        assertTrue(tw.get("activity").isNull());
        assertTrue(tw.get("role").isNull());
        assertTrue(tw.get("role_for").isNull());
        assertTrue(tw.get("verified").isNull());
        assertTrue(tw.get("article_url").isNull());
        assertEquals("on-use", list.get(2).get("renewal").asText());
    }

    @Test
    void csvParsesIntoOneRowPerNetwork() {
        String csv = NetworksExport.csv(networks, this::articleUrl, EnglishDataWords.WORDS);
        assertTrue(csv.endsWith("\r\n"), "RFC 4180 rows end in CRLF");
        List<List<String>> rows = Csv.parse(csv);
        assertEquals(NetworksExport.CSV_COLUMNS, rows.get(0));
        assertEquals(4, rows.size());
        List<String> li = rows.get(1);
        assertEquals(NetworksExport.CSV_COLUMNS.size(), li.size());
        assertEquals("linkedin", column(rows, 1, "id"));
        assertEquals("365 days", column(rows, 1, "lifespan"));
        assertEquals("365", column(rows, 1, "lifespan_days"));
        assertEquals("60", column(rows, 1, "inactivity_days"));
        assertEquals("publishing, the LinkedIn stream, or the Inbox", column(rows, 1, "activity"));
        assertEquals("Say \"reconnect\" early", column(rows, 1, "notes"));
        assertEquals(BASE + "linkedin/token-expiration/", column(rows, 1, "article_url"));
        assertEquals("X", column(rows, 2, "other_names"));
        assertEquals("", column(rows, 2, "lifespan_days"));
        assertEquals("never", column(rows, 2, "renewal"));
        assertEquals("no expiration date", column(rows, 2, "lifespan"));
        assertEquals("Super admin", column(rows, 1, "role"));
        assertEquals("page", column(rows, 1, "role_for"));
        assertEquals("", column(rows, 2, "role_for"));
    }

    @Test
    void csvCellsCannotRunAsSpreadsheetFormulas() {
        List<List<String>> rows = Csv.parse(NetworksExport.csv(networks, this::articleUrl, EnglishDataWords.WORDS));
        assertEquals("'=YouTube", column(rows, 3, "name"));
    }

    private static String column(List<List<String>> rows, int row, String name) {
        return rows.get(row).get(rows.get(0).indexOf(name));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
