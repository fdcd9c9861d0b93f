package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The surface words of the index (lower-cased, unstemmed) with their document frequency and
 * stem: what prefix and typo matching look through. The browser gets the same list, split by
 * first character.
 */
public final class Vocabulary {
    /** One word; {@code stem} is what it is indexed as. */
    public record Word(String word, int df, String stem) { }

    private final List<Word> words;
    private final java.util.Map<String, Word> byWord = new java.util.HashMap<>();

    Vocabulary(List<Word> words) {
        this.words = List.copyOf(words);
        this.words.forEach(w -> byWord.put(w.word(), w));
    }

    static Vocabulary read(IndexReader reader) throws IOException {
        List<Word> out = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, IndexFields.SURFACE);
        if (terms != null) {
            TermsEnum te = terms.iterator();
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                String word = term.utf8ToString();
                out.add(new Word(word, te.docFreq(), Stemmer.stem(word)));
            }
        }
        return new Vocabulary(out);
    }

    /** Words in sorted (UTF-8 byte) order. */
    public List<Word> words() {
        return words;
    }

    public boolean contains(String word) {
        return byWord.containsKey(word);
    }
}
