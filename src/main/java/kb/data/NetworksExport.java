package kb.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network data for other tools: {@code api/networks.json} (schema version 1, documented in
 * docs/api.md) and the CSV download of the lifespan table.
 */
public final class NetworksExport {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NetworksExport() {
    }

    /** @param articleUrl each network's article as an absolute URL, or null */
    public static String json(Networks networks, String baseUrl, java.util.function.Function<Network, String> articleUrl) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Network n : networks.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", n.id());
            m.put("name", n.name());
            m.put("other_names", n.otherNames());
            m.put("renewal", switch (n.renewal()) {
                case FIXED -> "fixed";
                case NEVER -> "never";
                case ON_USE -> "on-use";
            });
            m.put("lifespan_days", n.lifespanDays());
            m.put("lifespan_text", n.lifespanText());
            m.put("inactivity_days", n.inactivityDays());
            m.put("activity", n.activity().isEmpty() ? null : n.activity());
            m.put("role", n.role().isEmpty() ? null : n.role());
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

    /** RFC 4180 CSV: one header row, one row per network. */
    public static String csv(Networks networks) {
        StringBuilder sb = new StringBuilder("id,name,other_names,lifespan,lifespan_days,inactivity_days,activity,role,verified\r\n");
        for (Network n : networks.all()) {
            sb.append(String.join(",", List.of(
                    cell(n.id()), cell(n.name()), cell(String.join("; ", n.otherNames())), cell(n.lifespanText()),
                    cell(n.lifespanDays() == null ? "" : n.lifespanDays().toString()),
                    cell(n.inactivityDays() == null ? "" : n.inactivityDays().toString()),
                    cell(n.activity()), cell(n.role()), cell(n.verified() == null ? "" : n.verified().toString()))))
                    .append("\r\n");
        }
        return sb.toString();
    }

    private static String cell(String value) {
        // A leading = + - @ would make a spreadsheet run the cell as a formula.
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return safe.matches(".*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
