package kb.search;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The words that say something is not so. A customer reports a symptom as a negation ("the
 * extension does not fill my password", "reminders never went out") and help pages head the
 * section for it the same way ("When nothing is filled", "Nobody got the schedule"); the analysis
 * chain cannot see that, since "not" and "no" are stop words and "never" or "nothing" are rare in
 * the rest of a page. So when the query holds one, a hit whose heading holds one and names a word
 * the query asks about is weighed again (SearchIndex#weighed; a heading's negation about
 * something else, "Payments we do not accept", says nothing of the query's); the browser does the
 * same with the list the manifest carries.
 */
final class Negations {
    private Negations() {
    }

    /**
     * What a hit whose heading says "not" about a word asked is worth, times its score, when the
     * query says "not": enough to lift the section about what goes wrong above one about the same
     * words going right. Tuned on bench/relevance's six older tuning halves together (nDCG@5 0.910
     * at 1; 1.5 and 2 0.912, the check halves 0.892 alike; 3 0.910), see bench/README.md.
     */
    static final float WEIGHT = 2f;

    /** Negative particles, pronouns and adverbs, and negated auxiliaries as typed with or without the apostrophe. */
    static final SortedSet<String> ENGLISH = new TreeSet<>(List.of(
            "not", "no", "never", "nothing", "nobody", "none", "nowhere", "neither", "nor", "cannot", "can't", "cant",
            "won't", "wont", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "isn't", "isnt", "aren't", "arent",
            "wasn't", "wasnt", "weren't", "werent", "hasn't", "hasnt", "haven't", "havent", "hadn't", "hadnt",
            "couldn't", "couldnt", "wouldn't", "wouldnt", "shouldn't", "shouldnt"));
    static final SortedSet<String> SPANISH = new TreeSet<>(List.of(
            "no", "nunca", "jamás", "jamas", "nada", "nadie", "ningún", "ningun", "ninguna", "ninguno", "tampoco", "ni"));

    /**
     * Whether the text holds one of the words, read as kb-search.js reads it (negatedBy): lower
     * case, the typographic apostrophe as the plain one, split at anything but letters, digits
     * apostrophes and hyphens ("no-show" is no "no"). Not the analysis chain, which drops "not" as a stop word.
     */
    static boolean holds(String text, Set<String> words) {
        if (text == null || words.isEmpty()) {
            return false;
        }
        for (String w : text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("[^\\p{L}\\p{N}'-]+")) {
            if (words.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
