package kb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kb.pipeline.BuildOptions;
import kb.pipeline.SiteSearch;
import kb.diagnostic.KbException;
import kb.search.Hit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kb search}: the site's own search, ranked as the browser ranks it. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Searches the help center as its search box does.")
final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SiteOptions site;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "At most N results (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--lang", paramLabel = "L",
            description = "Search the help center in language L, as its L pages do (default: the first of kb.yaml's languages).")
    String lang;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to search for.")
    List<String> query;

    /** How results are printed. */
    static final class Format {
        @Option(names = "--json", description = "Print JSON: [{url, title, excerpt, score, ...}].")
        boolean json;

        @Option(names = "--markdown", description = "Print [Title › Section](url) lines to paste into a ticket.")
        boolean markdown;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (limit < 1) {
            spec.commandLine().getErr().println("kb: --limit must be at least 1, got " + limit);
            return ExitCodes.USAGE;
        }
        // C1 only, as bin/kb's -XX:TieredStopAtLevel=1 (which java -jar cannot be given): a search
        // is over before C2's code would repay compiling it.
        QuickJit.forThisRun();
        SiteSearch.Opened opened;
        try {
            opened = SiteSearch.open(new BuildOptions(site.content, site.templates, site.out, site.baseUrl, false, false, false),
                    lang);
        } catch (SiteSearch.UnknownLanguage e) {
            spec.commandLine().getErr().println("kb: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (KbException e) {
            ProblemPrinter.print(spec.commandLine().getErr(), e.problems());
            return ExitCodes.CONTENT_ERRORS;
        }
        List<Hit> hits;
        try (var index = opened.index()) {
            hits = index.search(String.join(" ", query), limit, true);
        }
        String base = opened.baseUrl().endsWith("/") ? opened.baseUrl() : opened.baseUrl() + "/";
        if (format.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(hits, base)));
        } else if (format.markdown) {
            hits.forEach(h -> out.println("[" + label(h).replace("]", "\\]") + "](" + permanent(h, base) + ")"));
        } else if (hits.isEmpty()) {
            out.println("No results for \"" + String.join(" ", query) + "\".");
        } else {
            // println, not printf: java.util.Formatter would load the locale's number formats
            // for the one %d, and a search only prints.
            for (int i = 0; i < hits.size(); i++) {
                Hit h = hits.get(i);
                out.println((i + 1) + ". " + label(h));
                out.println("   " + base + h.url());
                out.println("   " + h.excerpt());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The link to paste into a ticket: an article's permanent short link (it survives renames and
     * moves), keeping the section anchor; FAQ answers and table rows by their own URL.
     */
    static String permanent(Hit h, String base) {
        if (h.articleId() <= 0) {
            return base + h.url();
        }
        int hash = h.url().indexOf('#');
        return base + "a/" + h.articleId() + "/" + (hash < 0 ? "" : h.url().substring(hash));
    }

    private static String label(Hit h) {
        return h.section() == null || h.section().isEmpty() ? h.title() : h.title() + " › " + h.section();
    }

    private static List<Map<String, Object>> json(List<Hit> hits, String base) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Hit h : hits) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", h.url());
            m.put("title", h.title());
            m.put("section", h.section());
            m.put("excerpt", h.excerpt());
            m.put("score", h.score());
            m.put("kind", h.kind());
            m.put("absolute_url", base + h.url());
            if (h.articleId() > 0) {
                m.put("short_url", permanent(h, base));
            }
            out.add(m);
        }
        return out;
    }
}
