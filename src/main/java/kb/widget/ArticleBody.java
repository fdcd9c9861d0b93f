package kb.widget;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An article body as a tree of plain values the widget turns into DOM nodes one by one:
 * {@code ["p", {attributes} or null, child, ...]} for an element, a string for text. The host
 * page never parses markup from the help center (no innerHTML), and only the tags and
 * attributes below survive; links become site-relative ({@code faq/#x}) so the widget resolves
 * them against wherever the help center is served.
 */
final class ArticleBody {
    /** Tags kept as they are. */
    static final Set<String> TAGS = Set.of("p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "strong", "em", "b",
            "i", "code", "pre", "blockquote", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "br", "hr",
            "kbd", "dl", "dt", "dd", "sup", "sub", "del", "s", "mark", "small", "abbr", "div", "span", "section", "aside",
            "figure", "figcaption", "details", "summary");
    /** Tags dropped with everything inside them. */
    static final Set<String> DROPPED = Set.of("script", "style", "iframe", "object", "embed", "template", "noscript",
            "form", "input", "button", "select", "textarea", "svg", "math", "video", "audio", "canvas", "link", "meta");
    /** Attributes kept, by tag ("*": any tag). */
    static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "*", Set.of("id"),
            "a", Set.of("href", "title"),
            "abbr", Set.of("title"),
            "th", Set.of("colspan", "rowspan", "scope"),
            "td", Set.of("colspan", "rowspan"),
            "ol", Set.of("start"));
    /** Containers where whitespace between children means nothing: not worth a byte in the file. */
    static final Set<String> BLOCKS = Set.of("ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "aside", "div",
            "section", "blockquote", "figure", "details");
    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto", "tel");

    private ArticleBody() {
    }

    /** The body of the article at {@code pageUrl} (site-relative) as a list of nodes. */
    static List<Object> of(String html, String pageUrl) {
        List<Object> out = new ArrayList<>();
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Node n : body.childNodes()) {
            convert(n, pageUrl, out);
        }
        return out;
    }

    private static void convert(Node node, String pageUrl, List<Object> out) {
        if (node instanceof TextNode t) {
            boolean between = t.isBlank() && node.parent() instanceof Element p
                    && (BLOCKS.contains(p.normalName()) || p.normalName().equals("body"));
            if (!t.getWholeText().isEmpty() && !between) {
                out.add(t.getWholeText());
            }
            return;
        }
        if (!(node instanceof Element e)) {
            return; // comments, doctypes
        }
        String tag = e.normalName();
        if (tag.equals("h1")) {
            tag = "h2";
        }
        if (DROPPED.contains(tag) || isOwnPermalink(e)) {
            return;
        }
        if (tag.equals("img")) {
            String alt = e.attr("alt").strip();
            if (!alt.isEmpty()) {
                out.add(alt);
            }
            return;
        }
        List<Object> children = new ArrayList<>();
        for (Node child : e.childNodes()) {
            convert(child, pageUrl, children);
        }
        if (!TAGS.contains(tag)) {
            out.addAll(children); // unknown wrapper: keep what it says
            return;
        }
        List<Object> element = new ArrayList<>();
        element.add(tag);
        element.add(attributes(e, tag, pageUrl));
        element.addAll(children);
        out.add(element);
    }

    /** A heading's link to itself (the page's copy-link button): the reader has its own "open" link. */
    private static boolean isOwnPermalink(Element e) {
        if (!e.normalName().equals("a") || !e.attr("href").startsWith("#")) {
            return false;
        }
        Element heading = e.closest("h1, h2, h3, h4, h5, h6");
        return heading != null && e.attr("href").equals("#" + heading.id());
    }

    private static Map<String, String> attributes(Element e, String tag, String pageUrl) {
        Map<String, String> out = new java.util.TreeMap<>();
        Set<String> allowed = ATTRIBUTES.getOrDefault(tag, Set.of());
        e.attributes().forEach(a -> {
            String name = a.getKey().toLowerCase(Locale.ROOT);
            if (!allowed.contains(name) && !ATTRIBUTES.get("*").contains(name)) {
                return;
            }
            String value = a.getValue();
            if (name.equals("href")) {
                value = href(value, pageUrl);
                if (value == null) {
                    return;
                }
            }
            out.put(name, value);
        });
        return out.isEmpty() ? null : out;
    }

    /**
     * A link as the widget needs it: {@code #x} stays (a section of this article), a link inside
     * the site becomes relative to the site root, an absolute http(s), mailto or tel link stays;
     * anything else (javascript:, data:) is dropped.
     */
    static String href(String href, String pageUrl) {
        String h = href.strip();
        if (h.startsWith("#")) {
            return h;
        }
        try {
            URI uri = new URI(h);
            if (uri.getScheme() != null) {
                return SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT)) ? h : null;
            }
            if (uri.getRawAuthority() != null) {
                return null; // protocol-relative: not a link the help center writes
            }
            URI site = new URI("http://site.invalid/");
            URI resolved = site.resolve(pageUrl).resolve(uri);
            String path = resolved.getRawPath() == null ? "" : resolved.getRawPath();
            if (!path.startsWith("/")) {
                return null;
            }
            String relative = path.substring(1).replaceFirst("(^|/)index\\.html$", "$1");
            return relative + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery())
                    + (resolved.getRawFragment() == null ? "" : "#" + resolved.getRawFragment());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
