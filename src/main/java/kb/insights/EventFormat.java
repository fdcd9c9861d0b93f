package kb.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The anonymous events a page sends and {@code kb insights} reads back from the host's access
 * log: one {@code GET} each to {@link #PATH} with a few query parameters, no cookie, no
 * identifier. Written once here; the build hands the path, {@link #forBrowser()} and the
 * {@link Reason} codes to the theme, so {@code kb-events.js} and the log reader cannot drift.
 */
public final class EventFormat {
    /** Where events go, relative to the site root: a static host logs it like any other request. */
    public static final String PATH = "_kb/e";
    /** The browser module that sends them; a build with {@code insights: off} does not ship it. */
    public static final String MODULE = "assets/js/kb-events.js";
    /** Queries are cut to this many characters before sending: enough for any real question. */
    public static final int MAX_QUERY = 200;

    /** Parameter: the event's type, one of {@link Type}. */
    public static final String TYPE = "t";
    /** Parameter: what the reader searched for. */
    public static final String QUERY = "q";
    /** Parameter: how many results the search showed. */
    public static final String COUNT = "n";
    /** Parameter: the 1-based rank of the chosen result. */
    public static final String RANK = "r";
    /** Parameter: the chosen result's URL, relative to the site root. */
    public static final String URL = "u";
    /** Parameter: the rated page's URL relative to the site root, plus {@code #anchor} for an FAQ answer. */
    public static final String PAGE = "p";
    /** Parameter: {@code yes} or {@code no}, the answer to "Was this helpful?". */
    public static final String VOTE = "v";
    /** Parameter: why an answer did not help, one of {@link Reason}. */
    public static final String WHY = "why";
    /** Parameter: the page's language. */
    public static final String LANG = "lang";
    /** Parameter: where a search or choice happened: {@code box} (header) or {@code page} (results page). */
    public static final String SOURCE = "src";
    /** The two answers to "Was this helpful?". */
    public static final String YES = "yes";
    public static final String NO = "no";

    private EventFormat() {
    }

    /**
     * Everything {@code kb-events.js} needs to write events, as JSON for an attribute of its
     * script tag: parameter names, type codes, the answers and the query limit.
     */
    public static String forBrowser() {
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("type", TYPE);
        names.put("query", QUERY);
        names.put("count", COUNT);
        names.put("rank", RANK);
        names.put("url", URL);
        names.put("page", PAGE);
        names.put("vote", VOTE);
        names.put("why", WHY);
        names.put("lang", LANG);
        names.put("source", SOURCE);
        Map<String, Object> types = new LinkedHashMap<>();
        for (Type t : Type.values()) {
            types.put(t.name().toLowerCase(Locale.ROOT), t.code());
        }
        Map<String, Object> format = new LinkedHashMap<>();
        format.put("params", names);
        format.put("types", types);
        format.put("yes", YES);
        format.put("no", NO);
        format.put("maxQuery", MAX_QUERY);
        try {
            return new ObjectMapper().writeValueAsString(format);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    /** The kinds of event. */
    public enum Type {
        SEARCH("search"), CHOOSE("choose"), VOTE("vote"), REASON("reason");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Optional<Type> of(String code) {
            return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
        }
    }

    /** Why an answer did not help: the short list the reader picks from after "No". */
    public enum Reason {
        OUTDATED("outdated"), UNCLEAR("unclear"), UNANSWERED("unanswered");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Optional<Reason> of(String code) {
            return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
        }

        /** Every code, in the order the theme offers them. */
        public static List<String> codes() {
            return Arrays.stream(values()).map(Reason::code).toList();
        }
    }
}
