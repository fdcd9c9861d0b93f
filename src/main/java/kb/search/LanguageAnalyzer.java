package kb.search;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * A {@link Chain} other than English: the chain of Lucene's analyzer for that language, in its
 * order, after kb's apostrophe mapping ({@link KbAnalyzer}), without the stemmer for surface words.
 * <ul>
 *   <li>es, pt: lower case, stop words, light stemmer.
 *   <li>fr, it: elided articles dropped ("l'accès" is "accès"), lower case, stop words, light stemmer.
 *   <li>de: lower case, stop words, {@link GermanNormalizationFilter} (ä, ae and a alike, ß as ss,
 *       so "Uberprufung" finds "Überprüfung"), light stemmer.
 *   <li>ar: lower case, Arabic-Indic digits as 0-9, stop words, {@link ArabicNormalizationFilter}
 *       (no diacritics, one alef), light stemmer.
 *   <li>cjk: full-width Latin and half-width kana folded, lower case, overlapping pairs of Han,
 *       kana and Hangul characters ({@link CJKBigramFilter}), stop words.
 *   <li>standard: lower case.
 * </ul>
 */
final class LanguageAnalyzer extends Analyzer {
    private final Chain chain;
    private final boolean stem;
    private final boolean joinHyphenated;

    LanguageAnalyzer(Chain chain, boolean stem, boolean joinHyphenated) {
        this.chain = chain;
        this.stem = stem;
        this.joinHyphenated = joinHyphenated;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return KbAnalyzer.APOSTROPHES.over(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = joinHyphenated && chain != Chain.CJK ? new HyphenJoin(source) : source;
        switch (chain) {
            case FR -> result = new ElisionFilter(result, FrenchAnalyzer.DEFAULT_ARTICLES);
            case IT -> result = new ElisionFilter(result, Chain.ITALIAN_ARTICLES);
            case CJK -> result = new CJKWidthFilter(result);
            default -> { }
        }
        result = new LowerCaseFilter(result);
        switch (chain) {
            case AR -> result = new StopFilter(new DecimalDigitFilter(result), chain.stopWords());
            case CJK -> result = new StopFilter(new CJKBigramFilter(result), chain.stopWords());
            case STANDARD -> { }
            default -> result = new StopFilter(result, chain.stopWords());
        }
        switch (chain) {
            case DE -> result = new GermanNormalizationFilter(result);
            case AR -> result = new ArabicNormalizationFilter(result);
            default -> { }
        }
        return new TokenStreamComponents(source, stem ? chain.stem(result) : result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
