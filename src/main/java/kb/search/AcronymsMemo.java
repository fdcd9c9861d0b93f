package kb.search;

import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * What one build learnt of its mined initials against the records' words ({@link Acronyms}),
 * kept for the next build: an initial that is a word of the help center is left out, and
 * finding that out read every record's body, 15% of a one-edit rebuild's samples at 10,000
 * articles (JFR). The next build reads only the records new to it for the initials it knows
 * no record held, and all of them only for an initial this build did not look for or whose
 * record is gone.
 *
 * @param records the key of each record looked through that has one ({@link SearchIndexer}: a
 *     digest of its texts and of the rendered document its body comes from)
 * @param words each initial found as a word, with the key of a record that holds it
 * @param absent the initials looked for that no record with a key holds (a record without one,
 *     an FAQ answer, is read by every build)
 */
public record AcronymsMemo(Set<Analyses.Key> records, Map<String, Analyses.Key> words, Set<String> absent) {
    public AcronymsMemo {
        // Not copied: the set holds a key per record, 70,399 at 10,000 articles.
        records = Collections.unmodifiableSet(records);
        words = Map.copyOf(words);
        absent = Set.copyOf(absent);
    }
}
