package kb.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks the links a theme writes (navigation, footers, scripts, stylesheets) on a written page:
 * every relative {@code href} and {@code src} must reach a file of the site, and every anchor an
 * element of its page. Content links are checked earlier, with their Markdown positions; this
 * covers what only the templates say.
 */
public final class TemplateLinkCheck {
    private TemplateLinkCheck() {
    }

    /** Checks the page at {@code page} (a file under {@code site}) written by {@code template}. */
    public static void check(Path site, Path page, Path template, Problems problems) {
        Document doc;
        try {
            doc = Jsoup.parse(page.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Element el : doc.select("a[href], link[href], script[src], img[src]")) {
            String ref = el.hasAttr("href") ? el.attr("href") : el.attr("src");
            String problem = problem(site, page, doc, ref);
            if (problem != null) {
                problems.error(SourceLocation.of(template), problem + " (on " + site.relativize(page) + ")");
            }
        }
    }

    private static String problem(Path site, Path page, Document doc, String ref) {
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
        Path target = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
        if (!target.startsWith(site)) {
            return "link '" + ref + "' leaves the site";
        }
        if (Files.isDirectory(target)) {
            target = target.resolve("index.html");
        }
        if (!Files.isRegularFile(target)) {
            return "broken link '" + ref + "'";
        }
        String anchor = uri.getFragment();
        if (anchor != null && !anchor.isEmpty() && target.toString().endsWith(".html")) {
            Document other = target.equals(page) ? doc : parse(target);
            if (other.getElementById(anchor) == null) {
                return "broken anchor '" + ref + "'";
            }
        }
        return null;
    }

    private static Document parse(Path file) {
        try {
            return Jsoup.parse(file.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
