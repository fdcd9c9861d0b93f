package kb.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.content.Fields;
import kb.content.YamlNode;
import kb.diagnostic.Problems;

/**
 * The human-readable fields of one network ({@code activity}, {@code role}, {@code notes}): each
 * a text in the default language, or on a multilingual site a mapping of language codes to texts
 * ({@code notes: {en: ..., es: ...}}). A language without a text shows the default language's.
 */
final class Translations {
    static final List<String> FIELDS = List.of("activity", "role", "notes");

    private final Fields fields;
    private final List<String> languages;
    private final Problems problems;
    /** Field to language code to text, for the fields written as mappings. */
    private final Map<String, Map<String, String>> byLanguage = new HashMap<>();
    /** Field to its text in the default language. */
    private final Map<String, String> defaults = new HashMap<>();

    Translations(Fields fields, List<String> languages, Problems problems) {
        this.fields = fields;
        this.languages = languages;
        this.problems = problems;
        for (String key : FIELDS) {
            YamlNode node = fields.node(key).orElse(null);
            if (node instanceof YamlNode.Mapping map) {
                read(key, map);
                defaults.put(key, byLanguage.get(key).getOrDefault(languages.isEmpty() ? "" : languages.get(0), ""));
            } else {
                defaults.put(key, fields.text(key).orElse(""));
            }
        }
    }

    /** The field's text in the default language, or empty. */
    String text(String key) {
        return defaults.get(key);
    }

    /**
     * The texts in each other language, by code; warns (once per language) about the fields that
     * have a default-language text but none in that language.
     */
    Map<String, Network.Texts> translated(String network, Problems warnings) {
        Map<String, Network.Texts> out = new LinkedHashMap<>();
        for (String code : languages.subList(Math.min(1, languages.size()), languages.size())) {
            List<String> missing = new ArrayList<>();
            String[] texts = new String[FIELDS.size()];
            for (int i = 0; i < FIELDS.size(); i++) {
                String key = FIELDS.get(i);
                Map<String, String> m = byLanguage.get(key);
                texts[i] = m == null ? null : m.get(code);
                if (texts[i] == null && !text(key).isEmpty()) {
                    missing.add(key);
                }
            }
            if (!missing.isEmpty()) {
                warnings.warning(fields.at(missing.get(0)), network + " has no '" + code + "' text for "
                        + String.join(", ", missing) + ": the " + code + " pages show the " + languages.get(0) + " text"
                        + " (write " + missing.get(0) + ": {" + languages.get(0) + ": ..., " + code + ": ...})");
            }
            if (texts[0] != null || texts[1] != null || texts[2] != null) {
                out.put(code, new Network.Texts(texts[0], texts[1], texts[2]));
            }
        }
        return out;
    }

    private void read(String key, YamlNode.Mapping map) {
        if (languages.size() < 2) {
            problems.error(map.at(), "'" + key + "' must be a text, found a mapping",
                    "texts by language are for a site with several languages in kb.yaml");
            byLanguage.put(key, Map.of());
            return;
        }
        Map<String, String> texts = new HashMap<>();
        for (YamlNode.Entry e : map.entries().values()) {
            if (!languages.contains(e.key())) {
                problems.error(e.keyAt(), "'" + e.key() + "' in '" + key + "' is not one of the site's languages",
                        "kb.yaml lists " + String.join(", ", languages));
            } else if (e.value() instanceof YamlNode.Scalar s && s.text() != null && !s.text().isBlank()) {
                texts.put(e.key(), s.text().strip());
            } else {
                problems.error(e.value().at(), "the " + e.key() + " text of '" + key + "' must be a text, found "
                        + e.value().kind());
            }
        }
        if (!texts.containsKey(languages.get(0))) {
            problems.error(map.at(), "'" + key + "' has no text in the default language '" + languages.get(0) + "'",
                    "add " + languages.get(0) + ": ... (the first of languages in kb.yaml)");
        }
        byLanguage.put(key, texts);
    }
}
