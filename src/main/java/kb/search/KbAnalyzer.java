package kb.search;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The English analysis chain of kb's search ({@link Chain#EN}), mirrored line by line by the browser's
 * {@code templates/assets/js/kb-analyzer.js} (a parity test keeps the two equal).
 *
 * <p>It is {@link EnglishAnalyzer}'s chain with one deliberate addition: curly and full-width
 * apostrophes become {@code '} first, because readers type {@code don't} while writers' editors
 * produce {@code don’t}, and Lucene treats the two as different terms. With {@code stem=false}
 * the chain stops before Porter stemming: that gives the surface words the browser matches
 * prefixes and typos against.
 */
public final class KbAnalyzer extends Analyzer {
    /** Changes whenever the chain changes, so a browser client refuses an index it cannot read. */
    public static final String VERSION = "kb-en-1";

    /** Curly and full-width apostrophes as {@code '}: every chain reads text through this map. */
    static final RareCharMapping.Keys APOSTROPHES = RareCharMapping.Keys.of("\u2019\u2018\u02BC\uFF07", "'");

    private final boolean stem;
    private final boolean joinHyphenated;

    /** @param stem whether to end with Porter stemming (the indexed terms) or not (surface words) */
    public KbAnalyzer(boolean stem) {
        this(stem, false);
    }

    /** @param joinHyphenated whether a hyphenated word is also one word ({@link HyphenJoin}; the index's chain) */
    KbAnalyzer(boolean stem, boolean joinHyphenated) {
        this.stem = stem;
        this.joinHyphenated = joinHyphenated;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return APOSTROPHES.over(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = new EnglishPossessiveFilter(joinHyphenated ? new HyphenJoin(source) : source);
        result = new LowerCaseFilter(result);
        result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        if (stem) {
            result = new PorterStemFilter(result);
        }
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
