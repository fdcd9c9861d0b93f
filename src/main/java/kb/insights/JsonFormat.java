package kb.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request logs written as one JSON object per line, as CDNs and buckets deliver them
 * (Cloudflare Logpush, Google Cloud's {@code httpRequest}, Fastly and nginx {@code escape=json}
 * formats, ...). Field names differ from one to the next, so each value is looked up under the
 * names those services use, case-insensitively, at the top level or one object down.
 */
final class JsonFormat {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TIME = List.of("time", "timestamp", "@timestamp", "edgestarttimestamp", "date",
            "datetime", "time_iso8601", "ts", "requesttime");
    private static final List<String> METHOD = List.of("method", "clientrequestmethod", "requestmethod",
            "request_method", "http_method", "httpmethod", "cs-method");
    private static final List<String> TARGET = List.of("request_uri", "clientrequesturi", "uri", "url", "requesturl",
            "request_url", "cs-uri");
    private static final List<String> PATH = List.of("path", "clientrequestpath", "cs-uri-stem");
    private static final List<String> QUERY = List.of("query", "query_string", "querystring", "clientrequestquery",
            "args", "cs-uri-query");
    private static final List<String> STATUS = List.of("status", "edgeresponsestatus", "status_code", "statuscode",
            "response_code", "sc-status", "originresponsestatus");
    private static final List<String> AGENT = List.of("user_agent", "useragent", "clientrequestuseragent",
            "http_user_agent", "ua", "cs(user-agent)");
    /** nginx's own JSON often carries the whole request line, "GET /x?y HTTP/1.1". */
    private static final List<String> REQUEST = List.of("request");

    private JsonFormat() {
    }

    /** The request in one JSON line (UTF-8 bytes), or null when it is not one. */
    static LogLine parse(byte[] bytes, int length) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes, 0, length);
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        String method = text(root, METHOD);
        String target = text(root, TARGET);
        String request = text(root, REQUEST);
        if (target == null && request != null) {
            String[] parts = request.split(" ", 3);
            if (parts.length >= 2) {
                method = method == null ? parts[0] : method;
                target = parts[1];
            }
        }
        if (target == null) {
            String path = text(root, PATH);
            String query = text(root, QUERY);
            if (path != null) {
                target = query == null || query.isEmpty() ? path : path + (query.startsWith("?") ? "" : "?") + query;
            }
        }
        JsonNode status = value(root, STATUS);
        if (target == null || status == null || !status.canConvertToInt() && !status.isTextual()) {
            return null;
        }
        int code = status.isNumber() ? status.asInt() : parseStatus(status.asText());
        if (code < 100 || code > 999) {
            return null;
        }
        return LogLine.of(time(value(root, TIME)), method == null ? "GET" : method.toUpperCase(Locale.ROOT),
                asBytes(withoutOrigin(target)), code, text(root, AGENT));
    }

    /** Google Cloud and others log the absolute URL; only the path and query matter here. */
    private static String withoutOrigin(String target) {
        int scheme = target.indexOf("://");
        if (scheme > 0 && scheme < 10) {
            int slash = target.indexOf('/', scheme + 3);
            return slash < 0 ? "/" : target.substring(slash);
        }
        return target;
    }

    /** The same text one char per byte, as the combined format gives it (non-ASCII as its UTF-8 bytes). */
    private static String asBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return s;
    }

    private static int parseStatus(String s) {
        return s.length() == 3 && s.chars().allMatch(Character::isDigit) ? Integer.parseInt(s) : -1;
    }

    /** ISO 8601 text, or a number of seconds, milliseconds, microseconds or nanoseconds since 1970. */
    static Instant time(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            double n = node.asDouble();
            double seconds = n > 1e17 ? n / 1e9 : n > 1e14 ? n / 1e6 : n > 1e11 ? n / 1e3 : n;
            return Instant.ofEpochMilli((long) (seconds * 1000));
        }
        String s = node.asText().strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            if (s.length() == 26 && s.charAt(2) == '/') {
                return CombinedFormat.time(s, 0, s.length()); // nginx's $time_local in a JSON format
            }
            return null;
        }
    }

    private static String text(JsonNode root, List<String> names) {
        JsonNode v = value(root, names);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static JsonNode value(JsonNode root, List<String> names) {
        JsonNode top = find(root, names);
        if (top != null) {
            return top;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            JsonNode child = it.next().getValue();
            if (child.isObject()) {
                JsonNode found = find(child, names);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode object, List<String> names) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (names.contains(e.getKey().toLowerCase(Locale.ROOT)) && !e.getValue().isNull()) {
                return e.getValue();
            }
        }
        return null;
    }
}
