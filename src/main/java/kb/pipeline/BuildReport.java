package kb.pipeline;

import java.util.List;
import kb.diagnostic.Problem;

/**
 * What a build did, for the summary line: counts, warnings, sizes and time per phase.
 *
 * @param phases each phase's name and milliseconds, in order
 */
public record BuildReport(int articles, int sections, int questions, int networks, int pages,
        List<Problem> warnings, long outputBytes, long searchBytes, List<Phase> phases, Reuse reused) {

    public BuildReport {
        warnings = List.copyOf(warnings);
        phases = List.copyOf(phases);
    }

    /**
     * What the build took from the build cache instead of doing again (all zero when it had none).
     *
     * @param documents Markdown documents (articles, FAQ answers) rendered or reused, of every language
     * @param pages pages through the theme, rendered or reused
     * @param related related lists found by a search or taken from the build before, of every language
     * @param searchDocuments the search indexes' documents, indexed or taken from the build before's indexes
     * @param articles article files read, of every language, parsed or taken as the build before read them
     */
    public record Reuse(int documents, int documentsReused, int pages, int pagesReused, int analyses, int analysesReused,
            int factsReused, int related, int relatedReused, int searchDocuments, int searchDocumentsReused,
            int articles, int articlesReused) {
        public static final Reuse NONE = new Reuse(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** One step of the build and how long it took. */
    public record Phase(String name, long millis) { }

    public long totalMillis() {
        return phases.stream().mapToLong(Phase::millis).sum();
    }
}
