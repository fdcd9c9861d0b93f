package kb.insights;

import java.util.List;
import java.util.Map;

/**
 * What the logs say, ready to print: each list is ranked and cut to the requested length, and
 * every row that needs a writer's attention carries a {@link Finding} saying what to do.
 */
public record Report(Totals totals, List<SearchRow> topSearches, List<SearchRow> noResults, long fixedNoResults,
        List<SearchRow> notChosen, List<RankRow> choicesByRank, List<ReadRow> mostRead, List<RatingRow> helpfulness,
        List<MissingRow> notFound) {
    public Report {
        topSearches = List.copyOf(topSearches);
        noResults = List.copyOf(noResults);
        notChosen = List.copyOf(notChosen);
        choicesByRank = List.copyOf(choicesByRank);
        mostRead = List.copyOf(mostRead);
        helpfulness = List.copyOf(helpfulness);
        notFound = List.copyOf(notFound);
    }

    /**
     * How much was read and counted.
     *
     * @param firstMalformed {@code file:line} of the first skipped line, or null
     * @param countsFloor 0 when every count is exact; else how much a count may be short (see {@link Bounded})
     */
    public record Totals(long lines, long malformed, String firstMalformed, long requests, long outsideWindow,
            long events, long badEvents, long searches, long choices, long votes, long countsFloor) { }

    /** What to do about a row: {@code kind} is synonym, article, alias, rewrite, update or none. */
    public record Finding(String kind, String advice) { }

    /**
     * A query as readers typed it (inert, lower case) and what came of it.
     *
     * @param results how many results readers were shown (the last time), or for a search that
     *     found nothing then, how many it finds today
     */
    public record SearchRow(String query, long searches, long noResults, long chosen, int results, Finding todo) { }

    public record RankRow(int rank, long choices) { }

    public record ReadRow(String url, String title, long reads) { }

    /** Answers about one article or FAQ answer; {@code title} is null when no such page exists now. */
    public record RatingRow(String url, String title, String kind, long yes, long no, Map<String, Long> reasons,
            Finding todo) {
        public RatingRow {
            reasons = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reasons));
        }
    }

    /** An address that answered 404, with the article it most likely meant, if one matches. */
    public record MissingRow(String path, long hits, String closestUrl, String closestTitle, String closestSource,
            Finding todo) { }
}
