package kb.output;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Resolves links as writers write them: relative {@code .md} paths between content files, site
 * paths ({@code /faq/#anchor}), same-page anchors and external URLs. The rewrite of a link and
 * its check both come from here, so what is checked is what the page links to.
 */
public final class SiteLinks {
    private static final Set<String> EXTERNAL_SCHEMES = Set.of("http", "https", "mailto", "tel");

    private final Path contentRoot;

    public SiteLinks(Path contentRoot) {
        this.contentRoot = contentRoot.toAbsolutePath().normalize();
    }

    /** Resolves {@code href} written in {@code source} (a file under content/). */
    public LinkTarget resolve(Path source, String href) {
        String trimmed = href.strip();
        if (trimmed.isEmpty()) {
            return LinkTarget.invalid("empty link");
        }
        if (trimmed.startsWith("#")) {
            return new LinkTarget(LinkTarget.Kind.SAME_PAGE, null, trimmed.substring(1), null);
        }
        String scheme = scheme(trimmed);
        if (scheme != null) {
            return external(trimmed, scheme);
        }
        if (trimmed.startsWith("//") || trimmed.contains("\\")) {
            return LinkTarget.invalid("link '" + href + "' is neither a site path nor a full URL");
        }
        int hash = trimmed.indexOf('#');
        String path = hash < 0 ? trimmed : trimmed.substring(0, hash);
        String anchor = hash < 0 ? null : trimmed.substring(hash + 1);
        if (path.startsWith("/")) {
            String url = path.substring(1);
            return new LinkTarget(LinkTarget.Kind.PAGE, url, anchor, null);
        }
        if (path.endsWith(".md")) {
            return markdownFile(source, path, anchor, href);
        }
        return LinkTarget.invalid("link '" + href + "' is not a Markdown file, a site path (/...) or a full URL");
    }

    private LinkTarget markdownFile(Path source, String path, String anchor, String href) {
        Path target = source.toAbsolutePath().getParent().resolve(path).normalize();
        if (!target.startsWith(contentRoot)) {
            return LinkTarget.invalid("link '" + href + "' leaves content/");
        }
        String rel = contentRoot.relativize(target).toString().replace('\\', '/');
        String noExt = rel.substring(0, rel.length() - 3);
        if (noExt.startsWith("articles/")) {
            return new LinkTarget(LinkTarget.Kind.PAGE, noExt.substring("articles/".length()) + "/", anchor, null);
        }
        if (noExt.startsWith("faq/")) {
            return new LinkTarget(LinkTarget.Kind.PAGE, UrlScheme.FAQ, anchor, null);
        }
        return LinkTarget.invalid("link '" + href + "' points at " + rel + ", which is not an article or FAQ file");
    }

    private static LinkTarget external(String href, String scheme) {
        if (!EXTERNAL_SCHEMES.contains(scheme)) {
            return LinkTarget.invalid("links with the '" + scheme + ":' scheme are not allowed");
        }
        try {
            URI uri = new URI(href);
            if (scheme.startsWith("http") && (uri.getHost() == null || uri.getHost().isBlank())) {
                return LinkTarget.invalid("malformed URL '" + href + "': no host");
            }
        } catch (URISyntaxException e) {
            return LinkTarget.invalid("malformed URL '" + href + "': " + e.getReason());
        }
        return new LinkTarget(LinkTarget.Kind.EXTERNAL, href, null, null);
    }

    /** The scheme of an absolute URL, lower-cased, or null for a relative one. */
    private static String scheme(String href) {
        int colon = href.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String candidate = href.substring(0, colon);
        int slash = href.indexOf('/');
        if (slash >= 0 && slash < colon) {
            return null;
        }
        // Browsers ignore control characters and spaces inside a scheme: "java\tscript:" runs.
        String cleaned = candidate.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
        return cleaned.matches("[a-z][a-z0-9+.-]*") ? cleaned : null;
    }
}
