package kb.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Lucene's Porter stem of one surface word, as the index analyzer would produce it. */
final class Stemmer {
    private Stemmer() {
    }

    static String stem(String word) {
        try (Tokenizer source = new KeywordTokenizer();
                PorterStemFilter filter = new PorterStemFilter(source)) {
            source.setReader(new StringReader(word));
            CharTermAttribute term = filter.addAttribute(CharTermAttribute.class);
            filter.reset();
            String out = filter.incrementToken() ? term.toString() : word;
            filter.end();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
