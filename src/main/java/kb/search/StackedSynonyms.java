package kb.search;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Puts every synonym {@link SynonymGraphFilter} adds on the position of the token before it, and
 * every word of the text itself on a position of its own: a synonym adds a word to a field, never
 * length to it.
 *
 * <p>The index records no positions (DOCS_AND_FREQS), so all a field takes from its tokens is
 * each word's count and, for the norm, the number of tokens that advance the position. Lucene's
 * FlattenGraphFilter, which this replaces, rebuilt the graph's positions token by token and was
 * most of the analysis: on the 1,000-article benchmark's sections it took 0.5 s of the 0.9 s
 * that analysis with synonyms took (the chain alone 0.2 s, the synonyms 0.2 s). Its norms
 * differed only where a multi-word synonym met its text: "log out" with "kicked out" counted two
 * positions there, while a one-word "gmb" with "google my business" counted three.
 */
final class StackedSynonyms extends TokenFilter {
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    /** Whether no token has been given yet. */
    private boolean first;
    /** Whether a synonym took the first position, which the text's own first word then stacks on. */
    private boolean owed;

    StackedSynonyms(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws java.io.IOException {
        if (!input.incrementToken()) {
            return false;
        }
        // A hyphenated word's joined form stands on its first part's position as a synonym does.
        boolean synonym = SynonymGraphFilter.TYPE_SYNONYM.equals(type.type()) || HyphenJoin.TYPE.equals(type.type());
        int increment;
        if (first) {
            // Lucene refuses a field whose first token does not advance, and the graph gives a
            // synonym before the words it stands for.
            increment = Math.max(1, position.getPositionIncrement());
            owed = synonym;
        } else if (synonym) {
            increment = 0;
        } else if (owed) {
            increment = 0;
            owed = false;
        } else {
            increment = Math.max(1, position.getPositionIncrement());
        }
        position.setPositionIncrement(increment);
        first = false;
        return true;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        first = true;
        owed = false;
    }
}
