package kb.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;

/**
 * {@code content/published-urls.txt}: every page and anchor the site has published, committed
 * with the content. A build that would make one of them disappear fails, naming the line and
 * what to add, so links pasted into tickets keep working; {@code --accept-removals} lets a
 * deliberate removal through once.
 */
public final class PublishedManifest {
    public static final String FILE = "published-urls.txt";

    private PublishedManifest() {
    }

    /**
     * Checks that every line of the manifest is still published.
     *
     * @param redirects old page URL to the URL it now redirects to (aliases, short links)
     */
    public static void check(Path content, PublishedTargets targets, Map<String, String> redirects, Problems problems) {
        Path file = content.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        List<String> lines = read(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String url = line.replaceFirst("^/", "");
            int hash = url.indexOf('#');
            String page = hash < 0 ? url : url.substring(0, hash);
            String anchor = hash < 0 ? null : url.substring(hash + 1);
            String now = redirects.getOrDefault(page, page);
            SourceLocation at = new SourceLocation(file, i + 1, 1);
            if (!targets.hasPage(now)) {
                problems.error(at, "published page " + line + " would disappear",
                        "add 'aliases: [" + page.replaceFirst("/$", "") + "]' to the article that replaces it,"
                                + " or build once with --accept-removals");
            } else if (anchor != null && !targets.hasAnchor(now, anchor)) {
                problems.error(at, "published anchor " + line + " would disappear",
                        "pin it on the heading that replaces it: ## Heading {#" + anchor + "}, or keep it as an alias:"
                                + " {#new-id #" + anchor + "}; or build once with --accept-removals");
            }
        }
    }

    /**
     * The manifest after this build: what was published before (unless removals were accepted)
     * plus everything published now, sorted.
     */
    public static String updated(Path content, PublishedTargets targets, boolean acceptRemovals) {
        TreeSet<String> all = new TreeSet<>(targets.lines());
        Path file = content.resolve(FILE);
        if (!acceptRemovals && Files.isRegularFile(file)) {
            read(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(all::add);
        }
        StringBuilder sb = new StringBuilder("# Every URL and anchor this help center has published. Written by the build;\n"
                + "# commit it. A build fails if one would disappear (see README: links that last).\n");
        all.forEach(line -> sb.append(line).append('\n'));
        return sb.toString();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
