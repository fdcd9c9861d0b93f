package kb.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;
import kb.pipeline.BuildReport;
import kb.diagnostic.Problem;

/** The few lines a build prints: what it made, how big, how long; warnings after. */
public final class Summary {
    private Summary() {
    }

    /** What a build made, how big and how long, then its warnings (the first ten unless verbose). */
    public static void print(PrintWriter out, BuildReport r, String where, boolean verbose) {
        out.printf(Locale.ROOT, "Built %s/: %d articles in %d sections, %d FAQ questions, %d networks; %d pages, %s (search %s) in %.1f s%n",
                where, r.articles(), r.sections(), r.questions(), r.networks(), r.pages(), size(r.outputBytes()),
                size(r.searchBytes()), r.totalMillis() / 1000.0);
        out.println("  " + r.phases().stream().map(p -> p.name() + " " + p.millis() + " ms")
                .collect(Collectors.joining(", ")));
        BuildReport.Reuse reused = r.reused();
        if (reused.documentsReused() + reused.pagesReused() > 0) {
            out.printf(Locale.ROOT, "  from the build cache: %,d of %,d Markdown documents, %,d of %,d pages, "
                    + "%,d of %,d analysed search texts, %,d of %,d search documents, %,d of %,d related lists, "
                    + "%,d of %,d articles read%n",
                    reused.documentsReused(), reused.documents(), reused.pagesReused(), reused.pages(),
                    reused.analysesReused(), reused.analyses(), reused.searchDocumentsReused(), reused.searchDocuments(),
                    reused.relatedReused(), reused.related(), reused.articlesReused(), reused.articles());
        }
        warnings(out, r, verbose);
        out.flush();
    }

    /** A report's warnings, the first ten unless verbose. */
    public static void warnings(PrintWriter out, BuildReport r, boolean verbose) {
        if (r.warnings().isEmpty()) {
            return;
        }
        out.println(r.warnings().size() + (r.warnings().size() == 1 ? " warning:" : " warnings:"));
        r.warnings().stream().limit(verbose ? Long.MAX_VALUE : 10).map(Problem::toString).forEach(w -> out.println("  " + w));
        if (!verbose && r.warnings().size() > 10) {
            out.println("  ... and " + (r.warnings().size() - 10) + " more (--verbose lists them all)");
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
