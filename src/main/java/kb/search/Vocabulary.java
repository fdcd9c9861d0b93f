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
        // The terms come in UTF-8 byte order, the order kept: a list, not a sorted map. Stems are
        // looked up as bytes, so the stemmed fields' terms (several times the words) are decoded
        // only when a synonym brought them in: on a 10,000-article site this was a sixth of a search.
        List<Word> words = new ArrayList<>();
        List<BytesRef> order = new ArrayList<>();
        java.util.Set<BytesRef> stems = new java.util.HashSet<>();
        Terms terms = MultiTerms.getTerms(reader, IndexFields.SURFACE);
        java.util.function.UnaryOperator<String> stemmer = chain.wordStemmer();
        if (terms != null) {
            TermsEnum te = terms.iterator();
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                String word = term.utf8ToString();
                Word w = new Word(word, te.docFreq(), stemmer.apply(word));
                words.add(w);
                order.add(BytesRef.deepCopyOf(term));
                stems.add(w.stem().equals(word) ? order.get(order.size() - 1) : new BytesRef(w.stem()));
            }
        }
        // A stem that no page's word stems to came from kb.yaml's synonyms ("reauth", "unlink"):
        // in no page, yet indexed, and a word to complete and correct like the others. It is
        // read from the index, so `kb search` and the export agree without the synonym list.
        java.util.TreeMap<BytesRef, Integer> extra = new java.util.TreeMap<>();
        for (String field : IndexFields.BOOSTS.keySet()) {
            Terms stemmed = IndexFields.isExact(field) ? null : MultiTerms.getTerms(reader, field);
            if (stemmed == null) {
                continue;
            }
            TermsEnum te = stemmed.iterator();
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                if (!stems.contains(term)) {
                    extra.merge(BytesRef.deepCopyOf(term), te.docFreq(), Math::max);
                }
            }
        }
        return new Vocabulary(extra.isEmpty() ? words : merged(words, order, extra));
    }

    /**
     * The page words and the synonyms' stems in one byte order; a stem spelt as a page's word
     * keeps that word's entry.
     */
    private static List<Word> merged(List<Word> words, List<BytesRef> order, java.util.TreeMap<BytesRef, Integer> extra) {
        List<Word> out = new ArrayList<>(words.size() + extra.size());
        int i = 0;
        for (var e : extra.entrySet()) {
            while (i < words.size() && order.get(i).compareTo(e.getKey()) < 0) {
                out.add(words.get(i++));
            }
            if (i < words.size() && order.get(i).equals(e.getKey())) {
                continue;
            }
            String stem = e.getKey().utf8ToString();
            out.add(new Word(stem, e.getValue(), stem));
        }
        out.addAll(words.subList(i, words.size()));
        return out;
    }

    /** Words in sorted (UTF-8 byte) order. */
    public List<Word> words() {
        return words;
    }

    public boolean contains(String word) {
        return byWord.containsKey(word);
    }
}
