package kb.search;

import java.util.List;
import java.util.Map;

/**
 * What one build's related lists were found from, kept for the next build (the build cache
 * writes it): the index's statistics that score every list, each record's article and analysis
 * key by doc id, and each article's list with the digest of its text and the words its query
 * asked for. {@link Related} takes a list from it only where it can show the search would find
 * the same one.
 *
 * @param records each record's {@link Analyses} key by doc id; null where its analysis was not kept
 * @param lists by article id
 */
public record RelatedMemo(Stats stats, int[] articleIds, Analyses.Key[] records, Map<Integer, Found> lists) {
    public RelatedMemo {
        if (articleIds.length != records.length) {
            throw new IllegalArgumentException(articleIds.length + " article ids for " + records.length + " records");
        }
        lists = Map.copyOf(lists);
    }

    /**
     * What scores every related list: the records with a body, the records in all (the cap on a
     * query word's document frequency is a share of them), and the body's average length as
     * {@link RoundedBM25} scores it.
     */
    public record Stats(long docCount, int numDocs, long averageLength) { }

    /**
     * One article's list.
     *
     * @param text the {@link Analyses} key of the text it was found from
     * @param count how many were asked for
     * @param query the words the query asked for
     * @param ids what it found, best first
     */
    public record Found(Analyses.Key text, int count, List<String> query, List<Integer> ids) {
        public Found {
            query = List.copyOf(query);
            ids = List.copyOf(ids);
        }
    }
}
