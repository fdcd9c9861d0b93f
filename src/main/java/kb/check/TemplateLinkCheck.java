package kb.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks the links a theme writes (navigation, footers, scripts, stylesheets) on a rendered page:
 * every relative {@code href} and {@code src} must reach a file of the site, and every anchor an
 * element of its page. Content links are checked earlier, with their Markdown positions; this
 * covers what only the templates say.
 */
public final class TemplateLinkCheck {
    /** Stands for the site root while relative links are resolved, so one that climbs out shows. */
    private static final Path ROOT = Path.of("/kb-site");

    private TemplateLinkCheck() {
    }

    /** Checks the page at {@code page} (a path in {@code site}) rendered from {@code template}. */
    public static void check(SiteFiles site, String page, Path template, Problems problems) {
        String html = site.read(page);
        if (html == null) {
            return; // not rendered: an earlier error stopped it, and is reported
        }
        Document doc = Jsoup.parse(html);
        // The ids of each page an anchor points into, gathered once: looking each anchor up in
        // the document made a long article with a "back to the top" link per part quadratic
        // (a 10 MB article spent 45 of its 61 s build here).
        Map<String, Set<String>> ids = new HashMap<>();
        ids.put(page, ids(doc));
        for (Element el : doc.select("a[href], link[href], script[src], img[src]")) {
            String ref = el.hasAttr("href") ? el.attr("href") : el.attr("src");
            String problem = problem(site, page, ids, ref);
            if (problem != null) {
                problems.error(SourceLocation.of(template), problem + " (on " + page + ")");
            }
        }
    }

    private static Set<String> ids(Document doc) {
        Set<String> ids = new HashSet<>();
        for (Element el : doc.getAllElements()) {
            String id = el.id();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String problem(SiteFiles site, String page, Map<String, Set<String>> ids, String ref) {
        if (ref.isEmpty() || ref.startsWith("mailto:") || ref.startsWith("tel:") || ref.startsWith("data:")) {
            return null;
        }
        if (ref.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s", "").startsWith("javascript:")) {
            return "javascript: link '" + ref + "'";
        }
        URI uri;
        try {
            uri = new URI(ref);
        } catch (URISyntaxException e) {
            return "malformed link '" + ref + "'";
        }
        if (uri.getScheme() != null || uri.getHost() != null || ref.startsWith("/")) {
            return null; // absolute: canonical URLs, the preview's own scripts, other sites
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        Path self = ROOT.resolve(page);
        Path resolved = path.isEmpty() ? self : self.getParent().resolve(path).normalize();
        if (!resolved.startsWith(ROOT)) {
            return "link '" + ref + "' leaves the site";
        }
        String target = ROOT.relativize(resolved).toString().replace('\\', '/');
        if (!site.exists(target)) {
            target = target.isEmpty() ? "index.html" : target + "/index.html";
        }
        if (!site.exists(target)) {
            return "broken link '" + ref + "'";
        }
        String anchor = uri.getFragment();
        if (anchor != null && !anchor.isEmpty() && target.endsWith(".html")) {
            if (!ids.computeIfAbsent(target, t -> ids(Jsoup.parse(site.read(t)))).contains(anchor)) {
                return "broken anchor '" + ref + "'";
            }
        }
        return null;
    }
}
