package kb.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;

/** The filters and globals kb's theme needs beyond Pebble's own. */
final class KbPebbleExtension extends AbstractExtension {
    @Override
    public Map<String, Filter> getFilters() {
        return Map.of("jsonld", new JsonLdFilter());
    }

    /** {@code kb_version}, for the generator tag: which kb built a page, when a team reports a bug. */
    @Override
    public Map<String, Object> getGlobalVariables() {
        return Map.of("kb_version", kb.Version.current());
    }

    /**
     * Serialises a value as JSON safe inside {@code <script type="application/ld+json">}: every
     * {@code <}, {@code >} and {@code &} is escaped, so no text can close the script element.
     */
    static final class JsonLdFilter implements Filter {
        // Keys sorted: a model built with Map.of iterates in a different order on every run,
        // and the same content must give byte-identical pages.
        private static final ObjectMapper JSON = new ObjectMapper()
                .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int lineNumber) {
            try {
                return new SafeString(scriptSafe(JSON.writeValueAsString(input)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write JSON-LD: " + e.getOriginalMessage(), e);
            }
        }

        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }
    }

    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
