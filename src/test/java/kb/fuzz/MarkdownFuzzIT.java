package kb.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import kb.diagnostic.Problems;
import kb.markdown.Facts;
import kb.markdown.Links;
import kb.markdown.MarkdownRenderer;
import kb.markdown.RenderedMarkdown;
import kb.output.LinkTarget;
import kb.output.SiteLinks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * kb's Markdown (GFM, heading ids, callouts, inline facts) over arbitrary text. The renderer
 * never throws: bad input becomes problems. With raw HTML off, nothing in the output runs
 * script, and any link the browser would run as script is one the link check refuses.
 */
class MarkdownFuzzIT {
    private static final Path FILE = Path.of("content/articles/fuzz/input.md").toAbsolutePath();
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer(false, kb.markdown.EnglishLabels.LABELS);
    private static final SiteLinks LINKS = new SiteLinks(Path.of("content").toAbsolutePath());

    /** Two networks; anything else is an unknown network, as with the real data file. */
    static final Facts FACTS = new Facts() {
        @Override
        public String inline(String fact, String network) {
            if (!network.equals("facebook") && !network.equals("linkedin")) {
                throw new IllegalArgumentException("unknown network '" + network + "'");
            }
            return switch (fact) {
                case "lifespan" -> "60 days";
                case "name" -> network.equals("facebook") ? "Facebook <&> \"Meta\"" : "LinkedIn";
                default -> throw new IllegalArgumentException("unknown fact '" + fact + "'");
            };
        }

        @Override
        public String box(String network) {
            inline("name", network);
            return "<aside class=\"token-facts\">" + network + "</aside>";
        }
    };

    @FuzzTest(maxDuration = "5m")
    void rendersOrReports(byte[] input) {
        check(new String(input, StandardCharsets.UTF_8));
    }

    /** The same over long runs of one construct ({@link LongRuns}), in bounded time. */
    @FuzzTest(maxDuration = "10m")
    void longRunsRenderOrReport(FuzzedDataProvider data) {
        String text = LongRuns.text(data, LongRuns.MARKDOWN);
        long start = LongRuns.start();
        check(text);
        LongRuns.inTime(start, 20, "rendering " + text.length() + " characters");
    }

    private static void check(String text) {
        Problems problems = new Problems();
        RenderedMarkdown out = MARKDOWN.render(FILE, 5, text, Links.AS_WRITTEN, FACTS, problems);
        Document html = Jsoup.parseBodyFragment(out.html());
        if (!html.select("script, iframe, object, embed").isEmpty()) {
            throw new AssertionError("raw HTML got through: " + out.html());
        }
        for (Element e : html.getAllElements()) {
            e.attributes().forEach(a -> {
                if (a.getKey().toLowerCase(Locale.ROOT).startsWith("on")) {
                    throw new AssertionError("event handler attribute in output: " + out.html());
                }
            });
        }
        boolean runsScript = html.select("a[href], img[src]").stream()
                .map(e -> e.hasAttr("href") ? e.attr("href") : e.attr("src"))
                .anyMatch(MarkdownFuzzIT::runsScript);
        boolean refused = out.links().stream()
                .anyMatch(l -> LINKS.resolve(FILE, l.href()).kind() == LinkTarget.Kind.INVALID);
        if (runsScript && !refused) {
            throw new AssertionError("a script link passes the link check: " + out.html() + "\n" + out.links());
        }
    }

    /** Whether a browser would run this URL as script: it ignores whitespace and controls in the scheme. */
    static boolean runsScript(String url) {
        String squeezed = url.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
        return squeezed.startsWith("javascript:") || squeezed.startsWith("vbscript:") || squeezed.startsWith("data:");
    }
}
