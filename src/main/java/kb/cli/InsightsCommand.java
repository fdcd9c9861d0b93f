package kb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kb.content.Content;
import kb.content.ContentLoader;
import kb.diagnostic.KbException;
import kb.diagnostic.Problems;
import kb.insights.Collector;
import kb.insights.HtmlReport;
import kb.insights.JsonReport;
import kb.insights.LogReader;
import kb.insights.Report;
import kb.insights.Reports;
import kb.insights.TextReport;
import kb.pipeline.BuildOptions;
import kb.pipeline.SiteSearch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kb insights}: what readers searched, found, missed and rated, from the host's access logs. */
@Command(name = "insights", mixinStandardHelpOptions = true,
        description = "Reports what readers searched, found, missed and rated, from the static host's access logs"
                + " (nginx or Apache combined format, JSON lines, gzipped or not).")
final class InsightsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SiteOptions site;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    @Option(names = "--since", paramLabel = "WHEN", description = "Only requests from this date (2026-11-01) or instant on.")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "Only requests before this instant, or up to the end of this date.")
    String until;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "At most N rows per list (default: ${DEFAULT-VALUE}).")
    int top;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Access-log files; rotations may be gzipped.")
    List<Path> logs;

    /** How the report is given. */
    static final class Format {
        @Option(names = "--json", description = "Print the report as JSON.")
        boolean json;

        @Option(names = "--html", paramLabel = "DIR", description = "Write the report to DIR/index.html: one file, charts included.")
        Path html;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant from;
        Instant to;
        try {
            from = since == null ? null : instant(since, false);
            to = until == null ? null : instant(until, true);
        } catch (DateTimeParseException e) {
            err.println("kb: --since and --until take a date like 2026-11-01 or an instant like 2026-11-01T09:00:00Z, got '"
                    + e.getParsedString() + "'");
            return ExitCodes.USAGE;
        }
        if (top < 1) {
            err.println("kb: --top must be at least 1, got " + top);
            return ExitCodes.USAGE;
        }
        List<String> unreadable = new ArrayList<>();
        for (Path log : logs) {
            if (!Files.isRegularFile(log) || !Files.isReadable(log)) {
                unreadable.add(log + ": cannot read this log file (" + (Files.exists(log) ? "not a readable file" : "no such file") + ")");
            }
        }
        if (!unreadable.isEmpty()) {
            unreadable.forEach(err::println);
            err.flush();
            return ExitCodes.CONTENT_ERRORS;
        }

        BuildOptions options = new BuildOptions(site.content, site.templates, site.out, site.baseUrl, false, false, false);
        Problems problems = new Problems();
        Content content = new ContentLoader(site.content, false).load(problems);
        SiteSearch.Opened opened;
        try {
            problems.throwIfErrors();
            opened = SiteSearch.open(options);
        } catch (KbException e) {
            ProblemPrinter.print(err, e.problems());
            return ExitCodes.CONTENT_ERRORS;
        }
        Report report;
        try (var index = opened.index()) {
            Collector collector = new Collector(basePath(opened.baseUrl()), from, to);
            LogReader reader = new LogReader(collector);
            for (Path log : logs) {
                try {
                    reader.read(log);
                } catch (IOException e) {
                    // A gzip cut short mid-rotation still counts up to where it breaks.
                    err.println(log + ": stopped reading: " + (e instanceof NoSuchFileException ? "file vanished" : e.getMessage()));
                }
            }
            report = Reports.of(collector, reader, new IndexedSite(content, index), top);
        }
        if (format.json) {
            JsonReport.write(report, out);
        } else if (format.html != null) {
            try {
                out.println("Wrote " + HtmlReport.write(report, format.html));
            } catch (IOException e) {
                err.println(format.html + ": cannot write the report there (" + e.getClass().getSimpleName() + ": "
                        + e.getMessage() + ")");
                err.flush();
                return ExitCodes.CONTENT_ERRORS;
            }
        } else {
            TextReport.print(report, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** A date means its first instant (UTC), or with {@code endOfDay} the first instant of the next day. */
    private static Instant instant(String text, boolean endOfDay) {
        if (text.length() == 10) {
            LocalDate day = LocalDate.parse(text);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    private static String basePath(String baseUrl) {
        String path = URI.create(baseUrl).getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
