package kb.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The network data for other tools: {@code api/networks.json} (schema version 1, documented in
 * docs/api.md) and the CSV download of the lifespan table.
 */
public final class NetworksExport {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NetworksExport() {
    }

    /**
     * @param articleUrl each network's article as an absolute URL, or null
     * @param words the site's words for {@code lifespan_text} (its default language)
     */
    public static String json(Networks networks, String baseUrl, Function<Network, String> articleUrl, DataWords words) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Network n : networks.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", n.id());
            m.put("name", n.name());
            m.put("other_names", n.otherNames());
            m.put("renewal", renewal(n));
            m.put("lifespan_days", n.lifespanDays());
            m.put("lifespan_text", n.lifespanText(words));
            m.put("inactivity_days", n.inactivityDays());
            m.put("activity", n.activity().isEmpty() ? null : n.activity());
            m.put("role", n.role() == null ? null : n.role().name());
            m.put("role_for", n.role() == null ? null : n.role().scope().spelling());
            m.put("notes", n.notes().isEmpty() ? null : n.notes());
            m.put("verified", n.verified() == null ? null : n.verified().toString());
            m.put("article_url", articleUrl.apply(n));
            m.put("table_url", baseUrl + "lifespans/#" + n.id());
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("networks", list);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One network as the lifespans page's scripts read it (the table filter and the expiry
     * calculator), embedded in the page as JSON so they work offline and from {@code file://}.
     *
     * @param articleUrl the network's article relative to the lifespans page, or null
     * @param words the page's language's words for the lifespan
     */
    public static Map<String, Object> forBrowser(Network n, String articleUrl, DataWords words) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("name", n.name());
        m.put("names", java.util.stream.Stream.concat(java.util.stream.Stream.of(n.name()), n.otherNames().stream()).toList());
        m.put("renewal", renewal(n));
        m.put("lifespanDays", n.lifespanDays());
        m.put("lifespanText", n.lifespanText(words));
        m.put("inactivityDays", n.inactivityDays());
        m.put("activity", n.activity());
        m.put("notes", n.notes());
        m.put("url", articleUrl);
        return m;
    }

    /** The CSV's columns, in order: the table's facts, one network per row. */
    public static final List<String> CSV_COLUMNS = List.of("id", "name", "other_names", "lifespan", "lifespan_days",
            "renewal", "inactivity_days", "activity", "role", "notes", "verified", "article_url", "role_for");

    /**
     * RFC 4180 CSV (CRLF line ends, quoted where needed): one header row, one row per network.
     *
     * @param articleUrl each network's article as an absolute URL, or null
     * @param words the site's words for the lifespan column (its default language)
     */
    public static String csv(Networks networks, Function<Network, String> articleUrl, DataWords words) {
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (Network n : networks.all()) {
            String url = articleUrl.apply(n);
            sb.append(String.join(",", List.of(
                    cell(n.id()), cell(n.name()), cell(String.join("; ", n.otherNames())), cell(n.lifespanText(words)),
                    cell(number(n.lifespanDays())), cell(renewal(n)), cell(number(n.inactivityDays())),
                    cell(n.activity()), cell(n.roleName()), cell(n.notes()),
                    cell(n.verified() == null ? "" : n.verified().toString()), cell(url == null ? "" : url),
                    cell(n.role() == null ? "" : n.role().scope().spelling()))))
                    .append("\r\n");
        }
        return sb.toString();
    }

    /** The JSON and CSV spelling of how a token ends. */
    static String renewal(Network n) {
        return switch (n.renewal()) {
            case FIXED -> "fixed";
            case NEVER -> "never";
            case ON_USE -> "on-use";
        };
    }

    private static String number(Integer n) {
        return n == null ? "" : n.toString();
    }

    private static String cell(String value) {
        // A leading = + - @ (or tab, CR) would make a spreadsheet run the cell as a formula (OWASP CSV injection).
        String safe = value.matches("(?s)^[=+\\-@\t\r].*") ? "'" + value : value;
        return safe.matches("(?s).*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
