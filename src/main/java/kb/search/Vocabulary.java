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
 * stem, plus the stems only synonyms brought in: what prefix and typo matching look through.
 * The browser gets the same list, split by first character.
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

    static Vocabulary read(IndexReader reader, Chain chain) throws IOException {
        java.util.TreeMap<BytesRef, Word> out = new java.util.TreeMap<>();
        java.util.Set<String> stems = new java.util.HashSet<>();
        Terms terms = MultiTerms.getTerms(reader, IndexFields.SURFACE);
        java.util.function.UnaryOperator<String> stemmer = chain.wordStemmer();
        if (terms != null) {
            TermsEnum te = terms.iterator();
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                String word = term.utf8ToString();
                Word w = new Word(word, te.docFreq(), stemmer.apply(word));
                out.put(BytesRef.deepCopyOf(term), w);
                stems.add(w.stem());
            }
        }
        // A stem that no page's word stems to came from kb.yaml's synonyms ("reauth", "unlink"):
        // in no page, yet indexed, and a word to complete and correct like the others. It is
        // read from the index, so `kb search` and the export agree without the synonym list.
        java.util.Map<String, Integer> extra = new java.util.TreeMap<>();
        for (String field : IndexFields.BOOSTS.keySet()) {
            Terms stemmed = IndexFields.isExact(field) ? null : MultiTerms.getTerms(reader, field);
            if (stemmed == null) {
                continue;
            }
            TermsEnum te = stemmed.iterator();
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                String stem = term.utf8ToString();
                if (!stems.contains(stem)) {
                    extra.merge(stem, te.docFreq(), Math::max);
                }
            }
        }
        extra.forEach((stem, df) -> out.putIfAbsent(new BytesRef(stem), new Word(stem, df, stem)));
        return new Vocabulary(new ArrayList<>(out.values()));
    }

    /** Words in sorted (UTF-8 byte) order. */
    public List<Word> words() {
        return words;
    }

    public boolean contains(String word) {
        return byWord.containsKey(word);
    }
}
