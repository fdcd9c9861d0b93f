package kb.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kb.diagnostic.KbException;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;

/** Reads and validates {@code content/kb.yaml}. */
final class SiteConfigReader {
    static final Set<String> KEYS = Set.of("name", "description", "base_url", "language", "support",
            "featured", "raw_html", "review_after_days", "verify_after_days", "synonyms", "widget", "insights", "languages");
    private static final Set<String> LANGUAGE_KEYS = Set.of("code", "name", "description", "synonyms", "support");
    /** A BCP 47 tag: a primary language subtag, then optional region or script subtags. */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");
    /** Folders of content/ that are not a language's: a language's folder may not take their name. */
    private static final Set<String> CONTENT_FOLDERS = Set.of("articles", "faq", "data");
    private static final Set<String> SUPPORT_KEYS = Set.of("email", "phone", "chat");

    private SiteConfigReader() {
    }

    static SiteConfig read(Path file, Problems problems) {
        if (!Files.isRegularFile(file)) {
            problems.error(SourceLocation.of(file), "missing site settings file kb.yaml",
                    "create it with at least 'name:' and 'base_url:'");
            return null;
        }
        YamlNode root;
        try {
            root = YamlReader.read(file, SourceText.read(file).text(), 1);
        } catch (KbException e) {
            problems.addAll(e.problems());
            return null;
        }
        Fields f = new Fields(root, "kb.yaml", KEYS, problems);
        String name = f.requiredText("name");
        String baseUrl = f.requiredText("base_url");
        if (!baseUrl.isEmpty() && !isAbsoluteHttp(baseUrl)) {
            problems.error(f.at("base_url"), "base_url must be an absolute http(s) address, found '" + baseUrl + "'",
                    "for example https://help.example.com/");
        }
        Support support = f.node("support").map(n -> support(n, problems)).orElse(new Support(null, null, null));
        String description = f.text("description").orElse("");
        Map<String, List<String>> synonyms = synonyms(f, problems);
        List<Language> languages = languages(f, name, description, synonyms, support, problems);
        return new SiteConfig(
                name,
                description,
                baseUrl.isEmpty() ? "http://localhost/" : baseUrl,
                languages.get(0).code(),
                support,
                f.integers("featured").stream().map(Located::value).toList(),
                f.bool("raw_html", false),
                f.positive("review_after_days").orElse(365),
                f.positive("verify_after_days").orElse(180),
                synonyms,
                f.node("widget").map(n -> WidgetSettingsReader.read(n, problems)).orElse(WidgetSettings.DEFAULT),
                f.onOff("insights", true),
                languages);
    }

    /**
     * {@code languages:} (codes, or mappings with a code and the language's name, description,
     * synonyms and support details, each detail not given being the site's), else the single
     * {@code language:} (default {@code en}). Never empty.
     */
    private static List<Language> languages(Fields f, String name, String description,
            Map<String, List<String>> synonyms, Support support, Problems problems) {
        String single = f.text("language").orElse(null);
        SourceLocation singleAt = f.at("language");
        if (single != null && !CODE.matcher(single).matches()) {
            problems.error(singleAt, "language '" + single + "' is not a language code", "use a code like en, es or pt-BR");
        }
        YamlNode node = f.node("languages").orElse(null);
        if (node == null) {
            return List.of(new Language(single == null ? "en" : single, name, description, synonyms, support, singleAt));
        }
        List<YamlNode> items = node instanceof YamlNode.Sequence seq ? seq.items() : List.of();
        if (items.isEmpty()) {
            problems.error(node.at(), "languages must be a list of language codes, the default first, found "
                    + (node instanceof YamlNode.Sequence ? "an empty list" : node.kind()), "for example  languages: [en, es]");
            return List.of(new Language(single == null ? "en" : single, name, description, synonyms, support, singleAt));
        }
        List<Language> out = new java.util.ArrayList<>();
        for (YamlNode item : items) {
            Language l = language(item, out.isEmpty(), name, description, synonyms, support, problems);
            if (l == null) {
                continue;
            }
            if (out.stream().anyMatch(o -> o.code().equalsIgnoreCase(l.code()))) {
                problems.error(l.at(), "language '" + l.code() + "' is listed twice", "list each language once");
                continue;
            }
            out.add(l);
        }
        if (out.isEmpty()) {
            out.add(new Language(single == null ? "en" : single, name, description, synonyms, support, singleAt));
        } else if (single != null && !single.equals(out.get(0).code())) {
            problems.error(singleAt, "language '" + single + "' is not the first of languages (" + out.get(0).code() + ")",
                    "the first of languages is the default language: remove 'language:' or make them the same");
        }
        return out;
    }

    private static Language language(YamlNode item, boolean first, String name, String description,
            Map<String, List<String>> synonyms, Support support, Problems problems) {
        String code;
        SourceLocation at = item.at();
        Language own = null;
        if (item instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.TEXT) {
            code = s.text().strip();
        } else if (item instanceof YamlNode.Mapping) {
            Fields lf = new Fields(item, "a language", LANGUAGE_KEYS, problems);
            code = lf.requiredText("code");
            at = lf.at("code");
            if (first) {
                for (String key : List.of("name", "description", "synonyms", "support")) {
                    if (lf.has(key)) {
                        problems.error(lf.at(key), "the default language's " + key + " is the top-level '" + key + "'",
                                "move it to the top of kb.yaml");
                    }
                }
            } else {
                own = new Language(code, lf.text("name").orElse(name), lf.text("description").orElse(description),
                        lf.has("synonyms") ? synonyms(lf, problems) : synonyms,
                        lf.node("support").map(n -> support(n, problems).over(support)).orElse(support), at);
            }
        } else {
            problems.error(item.at(), "each language must be a code or a mapping with 'code:', found " + item.kind(),
                    "for example  - es  or  - code: es");
            return null;
        }
        if (code.isEmpty()) {
            return null;
        }
        if (!CODE.matcher(code).matches()) {
            problems.error(at, "'" + code + "' is not a language code", "use a code like en, es or pt-BR");
            return null;
        }
        if (ContentLoader.RESERVED.contains(code) || CONTENT_FOLDERS.contains(code)) {
            problems.error(at, "the language code '" + code + "' names one of kb's own folders",
                    "kb keeps " + String.join(", ", new java.util.TreeSet<>(ContentLoader.RESERVED)) + ", articles and data for itself");
            return null;
        }
        return own != null ? own : new Language(code, name, description, synonyms, support, at);
    }

    static boolean isAbsoluteHttp(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Support support(YamlNode node, Problems problems) {
        Fields f = new Fields(node, "support", SUPPORT_KEYS, problems);
        return new Support(f.text("email").orElse(null), f.text("phone").orElse(null), f.text("chat").orElse(null));
    }

    private static Map<String, List<String>> synonyms(Fields f, Problems problems) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        YamlNode node = f.node("synonyms").orElse(null);
        if (node == null) {
            return out;
        }
        if (!(node instanceof YamlNode.Mapping map)) {
            problems.error(node.at(), "synonyms must map a word to the other ways readers type it, found " + node.kind(),
                    "for example  facebook: [fb]");
            return out;
        }
        for (YamlNode.Entry entry : map.entries().values()) {
            Fields one = new Fields(new YamlNode.Mapping(Map.of(entry.key(), entry), map.at()), "synonyms",
                    Set.of(entry.key()), problems);
            out.put(entry.key().strip(), one.texts(entry.key()).stream().map(Located::value).toList());
        }
        return out;
    }
}
