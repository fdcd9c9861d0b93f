package kb.check;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
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
        forEachLine(file, (number, line) -> {
            if (line.isEmpty() || line.startsWith("#")) {
                return;
            }
            String url = line.replaceFirst("^/", "");
            int hash = url.indexOf('#');
            String page = hash < 0 ? url : url.substring(0, hash);
            String anchor = hash < 0 ? null : url.substring(hash + 1);
            String now = redirects.getOrDefault(page, page);
            SourceLocation at = new SourceLocation(file, number, 1);
            if (!targets.hasPage(now)) {
                problems.error(at, "published page " + line + " would disappear",
                        "add 'aliases: [" + page.replaceFirst("/$", "") + "]' to the article that replaces it,"
                                + " or build once with --accept-removals");
            } else if (anchor != null && !targets.hasAnchor(now, anchor)) {
                problems.error(at, "published anchor " + line + " would disappear",
                        "pin it on the heading that replaces it: ## Heading {#" + anchor + "}, or keep it as an alias:"
                                + " {#new-id #" + anchor + "}; or build once with --accept-removals");
            }
        });
    }

    /**
     * Whether {@code content}'s manifest already holds what {@link #updated} would make of it
     * (removals accepted or not): its header, then every line {@code targets} publishes and no
     * other, sorted, one a line. Then no published URL disappears and there is nothing to
     * write: the usual case of a rebuild, where checking the file line by line, sorting every
     * published URL and deflating them to compare with the file was a third of the check phase
     * at 10,000 articles (JFR). One read of the file, and no line sorted.
     */
    public static boolean current(Path content, PublishedTargets targets) {
        Path file = content.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long bytes = 0;
            for (String header : HEADER.split("\n")) {
                String line = in.readLine();
                if (!header.equals(line)) {
                    return false;
                }
                bytes += header.length() + 1;
            }
            int lines = 0;
            String last = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (last != null && line.compareTo(last) <= 0 || !targets.publishes(line)) {
                    return false;
                }
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                lines++;
                last = line;
            }
            // Unique published lines, as many as are published: the same lines. The length rules
            // out what reading lines hides (a carriage return, a last line without its newline).
            return lines == targets.lineCount() && bytes == Files.size(file);
        } catch (IOException | UncheckedIOException e) {
            return false; // not UTF-8, or unreadable: the line-by-line path says what is wrong
        }
    }

    /** The manifest's first lines (see README: links that last). */
    private static final String HEADER = "# Every URL and anchor this help center has published. Written by the build;\n"
            + "# commit it. A build fails if one would disappear (see README: links that last).\n";

    /**
     * The manifest after this build, as the file's bytes, deflated: what was published before
     * (unless removals were accepted) plus everything published now, sorted. A build holds it
     * from its link check to its swap; at 100,000 articles the text is about a million lines,
     * some 45 MB, a tenth of that deflated. One sorted list rather than a tree of lines, and of
     * the file's lines only those the build does not publish (it is read a line at a time).
     */
    public static byte[] updated(Path content, PublishedTargets targets, boolean acceptRemovals) {
        List<String> all = targets.lines();
        Path file = content.resolve(FILE);
        if (!acceptRemovals && Files.isRegularFile(file)) {
            List<String> before = new ArrayList<>();
            forEachLine(file, (number, line) -> {
                if (!line.isEmpty() && !line.startsWith("#") && !targets.publishes(line)) {
                    before.add(line);
                }
            });
            if (!before.isEmpty()) {
                all.addAll(before);
                all.sort(null);
            }
        }
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (OutputStream out = new BufferedOutputStream(new DeflaterOutputStream(packed), 1 << 16)) {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            String last = null;
            for (String line : all) {
                if (!line.equals(last)) {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                    last = line;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: not expected
        }
        return packed.toByteArray();
    }

    /** Writes the manifest {@link #updated} made over the file, unless the file holds that text already. */
    public static void record(Path content, byte[] updated) {
        Path file = content.resolve(FILE);
        try {
            if (!Files.isRegularFile(file) || !holds(file, updated)) {
                try (InputStream text = new InflaterInputStream(new ByteArrayInputStream(updated))) {
                    Files.copy(text, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code file} holds the text deflated in {@code updated}, compared a buffer at a time. */
    private static boolean holds(Path file, byte[] updated) throws IOException {
        try (InputStream a = Files.newInputStream(file);
                InputStream b = new InflaterInputStream(new ByteArrayInputStream(updated))) {
            byte[] x = new byte[1 << 16];
            byte[] y = new byte[1 << 16];
            while (true) {
                int n = a.readNBytes(x, 0, x.length);
                int m = b.readNBytes(y, 0, y.length);
                if (!Arrays.equals(x, 0, n, y, 0, m)) {
                    return false;
                }
                if (n < x.length) {
                    return true;
                }
            }
        }
    }

    /** One line of the file, stripped, with its number from 1. */
    private interface LineReader {
        void line(int number, String line);
    }

    /** Reads the file a line at a time: at 100,000 articles it has about a million. */
    private static void forEachLine(Path file, LineReader reader) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                reader.line(++number, line.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
