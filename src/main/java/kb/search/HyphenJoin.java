package kb.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Indexes a word written with a hyphen also as one word: "pre-orders" is found by "preorders",
 * "sign-in" by "signin", "e-mail" by "email", as well as by its parts. Customers type compounds
 * joined or apart at random, and a query word the index lacks finds nothing, while the tokenizer
 * splits every hyphenated word. Only the index does this (queries keep the plain chain): a joined
 * query word then meets the joined word of the text, a split one its parts.
 *
 * <p>The joined word stands on the first part's position ({@link #TYPE}, stacked like a synonym:
 * {@link StackedSynonyms}), so it adds no length to the field. Two letters around a single hyphen
 * make a join; "30-day" and "a - b" do not. The tokenizer loses the hyphen, so the filter reads the
 * text itself: {@link #reading} hands it over on the thread that analyses it.
 */
final class HyphenJoin extends TokenFilter {
    /** The type of a joined word. */
    static final String TYPE = "JOINED";

    /** The text being analysed on this thread, set as the analyzer reads it ({@link #reading}). */
    private static final ThreadLocal<String> TEXT = new ThreadLocal<>();

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private String text;
    /** The token read ahead to see whether it joins the one before, to be given next. */
    private State ahead;
    /** The joined word, to be given before {@link #ahead}. */
    private State joined;
    private boolean exhausted;

    HyphenJoin(TokenStream in) {
        super(in);
    }

    /**
     * Reads all of {@code reader} so that a HyphenJoin on this thread sees the text whose offsets
     * its tokens carry; the reader to analyse instead.
     */
    static Reader reading(Reader reader) {
        try {
            java.io.StringWriter all = new java.io.StringWriter();
            reader.transferTo(all);
            String read = all.toString();
            TEXT.set(read);
            return new StringReader(read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (joined != null) {
            restoreState(joined);
            joined = null;
            return true;
        }
        if (ahead != null) {
            restoreState(ahead);
            ahead = null;
        } else if (exhausted || !input.incrementToken()) {
            exhausted = true;
            return false;
        }
        int end = offset.endOffset();
        if (!hyphenAfter(end)) {
            // Most words: given as they come, with no look ahead (capturing every token's state
            // cost a cold 1,000-article build 15% more CPU).
            return true;
        }
        State first = captureState();
        String firstWord = term.toString();
        int start = offset.startOffset();
        if (input.incrementToken()) {
            if (offset.startOffset() == end + 1) {
                String word = firstWord + term;
                int last = offset.endOffset();
                ahead = captureState();
                clearAttributes();
                term.append(word);
                offset.setOffset(start, last);
                position.setPositionIncrement(0);
                type.setType(TYPE);
                joined = captureState();
            } else {
                ahead = captureState();
            }
        } else {
            exhausted = true;
        }
        restoreState(first);
        return true;
    }

    /** Whether a word ending at offset {@code end} is followed by one hyphen and a letter. */
    private boolean hyphenAfter(int end) {
        return text != null && end > 0 && end + 1 < text.length()
                && text.charAt(end) == '-' && Character.isLetter(text.charAt(end - 1)) && Character.isLetter(text.charAt(end + 1));
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        text = TEXT.get();
        ahead = null;
        joined = null;
        exhausted = false;
    }
}
