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
            "featured", "raw_html", "review_after_days", "verify_after_days", "synonyms", "widget", "insights");
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
        return new SiteConfig(
                name,
                f.text("description").orElse(""),
                baseUrl.isEmpty() ? "http://localhost/" : baseUrl,
                f.text("language").orElse("en"),
                support,
                f.integers("featured").stream().map(Located::value).toList(),
                f.bool("raw_html", false),
                f.positive("review_after_days").orElse(365),
                f.positive("verify_after_days").orElse(180),
                synonyms(f, problems),
                f.node("widget").map(n -> WidgetSettingsReader.read(n, problems)).orElse(WidgetSettings.DEFAULT),
                f.onOff("insights", true));
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
