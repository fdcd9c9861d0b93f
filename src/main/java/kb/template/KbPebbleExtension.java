package kb.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The filters, functions and globals kb's theme needs beyond Pebble's own. */
final class KbPebbleExtension extends AbstractExtension {
    private final Strings strings;

    KbPebbleExtension(Strings strings) {
        this.strings = strings;
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of("jsonld", new JsonLdFilter());
    }

    /**
     * {@code t('key', args...)}: the theme's words in the page's language; {@code link(href, text)}:
     * a link to pass to {@code t} as an argument, so a translation can place it anywhere in its
     * sentence; {@code script_strings(html)}: the strings of the theme scripts {@code html} loads, for
     * the page's kb-strings block;
     * {@code direction()}: {@code ltr} or {@code rtl} for the page's language.
     */
    @Override
    public Map<String, Function> getFunctions() {
        return Map.of(
                "t", new Translate(strings),
                "link", new Link(),
                "script_strings", new ScriptStrings(strings),
                "direction", new Language((language, args) -> Strings.direction(language)));
    }

    /** The page's language: {@code site.language}, or {@code language} in a fragment's model (the token-facts box). */
    static String language(EvaluationContext context) {
        Object site = context.getVariable("site");
        if (site instanceof SiteModel s) {
            return s.language();
        }
        Object language = context.getVariable("language");
        if (language instanceof String l) {
            return l;
        }
        throw new IllegalStateException("the page's model has no site.language");
    }

    /** Positional arguments as Pebble passes them to a function without argument names: "0", "1" ... */
    private static List<Object> positional(Map<String, Object> args) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; args.containsKey(String.valueOf(i)); i++) {
            out.add(args.get(String.valueOf(i)));
        }
        return out;
    }

    static final class Translate implements Function {
        private final Strings strings;

        Translate(Strings strings) {
            this.strings = strings;
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            List<Object> given = positional(args);
            if (given.isEmpty() || !(given.get(0) instanceof String key)) {
                throw new PebbleException(null, "t() needs a string key first, as in t('search.button')", lineNumber,
                        self.getName());
            }
            String language = language(context);
            if (!strings.keys().contains(key)) {
                throw new PebbleException(null, "unknown string '" + key + "' ("
                        + Strings.unknownHint(key, strings.keys()) + ")", lineNumber, self.getName());
            }
            if (!strings.has(language)) {
                throw new PebbleException(null, "the theme has no strings for language '" + language + "'", lineNumber,
                        self.getName());
            }
            List<Object> rest = given.subList(1, given.size());
            if (rest.stream().noneMatch(SafeString.class::isInstance)) {
                return strings.text(language, key, rest.toArray()); // plain text: Pebble escapes it where it is printed
            }
            // A link() among the arguments: escape the rest here and keep its markup.
            Object[] filled = rest.stream()
                    .map(a -> a instanceof SafeString safe ? safe.toString() : escape(String.valueOf(a))).toArray();
            return new SafeString(Strings.fill(escape(strings.text(language, key)), filled));
        }

        @Override
        public List<String> getArgumentNames() {
            return null; // any number of positional arguments
        }
    }

    /** {@code link(href, text, id?)}: an escaped {@code <a>} to place inside a translated sentence. */
    static final class Link implements Function {
        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            Object id = args.get("id");
            return new SafeString("<a" + (id == null ? "" : " id=\"" + escape(String.valueOf(id)) + "\"")
                    + " href=\"" + escape(String.valueOf(args.get("href"))) + "\">"
                    + (args.get("text") instanceof SafeString safe ? safe.toString() : escape(String.valueOf(args.get("text"))))
                    + "</a>");
        }

        @Override
        public List<String> getArgumentNames() {
            return List.of("href", "text", "id");
        }
    }

    /** The strings the scripts named in some markup use ({@code assets/js/kb-faq.js} in a src), in the page's language. */
    static final class ScriptStrings implements Function {
        private static final java.util.regex.Pattern SCRIPT = java.util.regex.Pattern.compile("assets/js/([\\w.-]+\\.js)");
        private final Strings strings;

        ScriptStrings(Strings strings) {
            this.strings = strings;
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            List<String> names = new ArrayList<>();
            java.util.regex.Matcher m = SCRIPT.matcher(String.valueOf(args.get("html")));
            while (m.find()) {
                names.add(m.group(1));
            }
            return strings.forScripts(language(context), names);
        }

        @Override
        public List<String> getArgumentNames() {
            return List.of("html");
        }
    }

    /** A function of the page's language alone. */
    static final class Language implements Function {
        private final java.util.function.BiFunction<String, Map<String, Object>, Object> body;

        Language(java.util.function.BiFunction<String, Map<String, Object>, Object> body) {
            this.body = body;
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            return body.apply(language(context), args);
        }

        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
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
