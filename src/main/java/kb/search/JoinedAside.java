package kb.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Keeps {@link HyphenJoin}'s joined words out of the synonym filter and puts them back after it.
 * {@link SynonymGraphFilter} reads its input as a line of words: a joined word between the parts
 * of "re-authenticate" kept the rule for "re authent" from matching, so a page saying
 * "re-authenticate" lost its synonym group ("reconnect" and the rest), and the group's postings
 * no longer equalled those of "re" and "authent": at 10,000 articles typing "reconnect facebook"
 * loaded two 13 KB lists where it had loaded one ({@link BrowserExport}'s shared lists).
 *
 * <p>A joined word comes back after the last token that starts before its end, stacked like a
 * synonym ({@link StackedSynonyms}); the index has no positions, so only its count matters. One
 * the synonym filter gave over the same text already (a group with "e-mail" and "email") is not
 * given twice.
 */
final class JoinedAside {
    private final ArrayDeque<AttributeSource.State> held = new ArrayDeque<>();

    private JoinedAside() {
    }

    /** {@code middle} (the synonym filter) over {@code in}, without the joined words, which follow it. */
    static TokenStream around(TokenStream in, UnaryOperator<TokenStream> middle) {
        JoinedAside aside = new JoinedAside();
        return aside.new Back(middle.apply(aside.new Hold(in)));
    }

    /** Takes the joined words out of the stream. */
    private final class Hold extends TokenFilter {
        private final TypeAttribute type = addAttribute(TypeAttribute.class);

        Hold(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (input.incrementToken()) {
                if (!HyphenJoin.TYPE.equals(type.type())) {
                    return true;
                }
                held.add(captureState());
            }
            return false;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            held.clear();
        }
    }

    /** Gives each joined word back once the stream is past its text. */
    private final class Back extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        /** The synonyms given, as term and offsets: a joined word among them is not given again. */
        private final Set<String> synonyms = new HashSet<>();
        /** The token read past a joined word's end, given after it. */
        private AttributeSource.State ahead;
        /** Where the last token given starts. */
        private int lastStart;

        Back(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (ahead == null) {
                if (!input.incrementToken()) {
                    return joined(Integer.MAX_VALUE);
                }
                if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())) {
                    synonyms.add(key());
                }
                if (held.isEmpty()) {
                    lastStart = offset.startOffset();
                    return true;
                }
                ahead = captureState();
            }
            restoreState(ahead);
            if (joined(offset.startOffset())) {
                return true;
            }
            restoreState(ahead);
            ahead = null;
            lastStart = offset.startOffset();
            return true;
        }

        /**
         * Gives the first held joined word that ends at or before {@code start} and that no
         * synonym gave already; false when none is left to give.
         */
        private boolean joined(int start) {
            while (!held.isEmpty()) {
                restoreState(held.peek());
                if (offset.endOffset() > start) {
                    return false;
                }
                held.poll();
                if (!synonyms.contains(key())) {
                    // Lucene refuses offsets that go backwards, even unindexed: the word starts
                    // where the token given before it did.
                    int from = Math.max(offset.startOffset(), lastStart);
                    offset.setOffset(from, Math.max(offset.endOffset(), from));
                    return true;
                }
            }
            return false;
        }

        private String key() {
            return term + " " + offset.startOffset() + " " + offset.endOffset();
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            synonyms.clear();
            ahead = null;
            lastStart = 0;
        }
    }
}
