package kb.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * kb's search analysis chains, one per language, each mirrored by a browser file (a parity test
 * keeps each pair equal). English is {@link KbAnalyzer}, unchanged; the others follow Lucene's
 * analyzer for their language ({@code SpanishAnalyzer}, {@code GermanAnalyzer}, ...) with its light
 * stemmer and stop words, plus kb's apostrophe mapping (see {@link LanguageAnalyzer}). A language
 * kb has no chain for gets {@link #STANDARD}: words split and lower-cased, nothing more.
 */
public enum Chain {
    EN(KbAnalyzer.VERSION, "kb-analyzer.js", PorterStemFilter::new),
    ES("kb-es-1", "kb-analyzer-es.js", SpanishLightStemFilter::new),
    DE("kb-de-1", "kb-analyzer-de.js", GermanLightStemFilter::new),
    FR("kb-fr-1", "kb-analyzer-fr.js", FrenchLightStemFilter::new),
    PT("kb-pt-1", "kb-analyzer-pt.js", PortugueseLightStemFilter::new),
    IT("kb-it-1", "kb-analyzer-it.js", ItalianLightStemFilter::new),
    AR("kb-ar-1", "kb-analyzer-ar.js", ArabicStemFilter::new),
    /** Chinese, Japanese and Korean: overlapping pairs of characters, no stemming. */
    CJK("kb-cjk-1", "kb-analyzer-cjk.js", null),
    STANDARD("kb-std-1", "kb-analyzer-std.js", null);

    /**
     * Italian's elided articles ("l'", "dell'", "un'"...): ItalianAnalyzer's own list, which it
     * keeps private; AnalyzerParityIT checks this copy against it.
     */
    static final CharArraySet ITALIAN_ARTICLES = new CharArraySet(java.util.List.of("c", "l", "all", "dall", "dell",
            "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"), true);

    private final String version;
    private final String script;
    private final UnaryOperator<TokenStream> stemmer;

    Chain(String version, String script, UnaryOperator<TokenStream> stemmer) {
        this.version = version;
        this.script = script;
        this.stemmer = stemmer;
    }

    /** The chain for a BCP 47 language tag ("de", "pt-BR", "ja"); {@link #STANDARD} for one kb does not know. */
    public static Chain of(String language) {
        String code = language == null ? "en" : language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return switch (code) {
            case "en" -> EN;
            case "es" -> ES;
            case "de" -> DE;
            case "fr" -> FR;
            case "pt" -> PT;
            case "it" -> IT;
            case "ar" -> AR;
            case "ja", "zh", "ko" -> CJK;
            default -> STANDARD;
        };
    }

    /** The chain whose {@link #version()} this is, or null. */
    static Chain byVersion(String version) {
        for (Chain chain : values()) {
            if (chain.version.equals(version)) {
                return chain;
            }
        }
        return null;
    }

    /** Changes whenever the chain changes, so a browser client refuses an index it cannot read. */
    public String version() {
        return version;
    }

    /** The browser file (under assets/js/) that holds this chain. */
    public String script() {
        return script;
    }

    /** @param stem whether to end with stemming (the indexed terms) or not (surface words) */
    public Analyzer analyzer(boolean stem) {
        return this == EN ? new KbAnalyzer(stem) : new LanguageAnalyzer(this, stem, false);
    }

    /** The chain the index's text goes through: the same, but a hyphenated word is also one word ({@link HyphenJoin}). */
    Analyzer indexAnalyzer(boolean stem) {
        return this == EN ? new KbAnalyzer(stem, true) : new LanguageAnalyzer(this, stem, true);
    }

    /** The stop words this chain drops, lower-cased as the chain sees them. */
    CharArraySet stopWords() {
        return switch (this) {
            case EN -> org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
            case ES -> SpanishAnalyzer.getDefaultStopSet();
            case DE -> GermanAnalyzer.getDefaultStopSet();
            case FR -> FrenchAnalyzer.getDefaultStopSet();
            case PT -> PortugueseAnalyzer.getDefaultStopSet();
            case IT -> ItalianAnalyzer.getDefaultStopSet();
            case AR -> ArabicAnalyzer.getDefaultStopSet();
            case CJK -> CJKAnalyzer.getDefaultStopSet();
            case STANDARD -> CharArraySet.EMPTY_SET;
        };
    }

    /** Ends the chain with its stemmer, if it has one. */
    TokenStream stem(TokenStream in) {
        return stemmer == null ? in : stemmer.apply(in);
    }

    /**
     * The question words customers wrap a query in, which count for less (QueryPlan): each
     * language with a stemmer needs its own list; Arabic and the others have none yet.
     */
    SortedSet<String> filler() {
        return switch (this) {
            case EN -> QueryPlan.FILLER;
            case ES -> QueryPlan.SPANISH_FILLER;
            case DE -> QueryPlan.GERMAN_FILLER;
            case FR -> QueryPlan.FRENCH_FILLER;
            case PT -> QueryPlan.PORTUGUESE_FILLER;
            case IT -> QueryPlan.ITALIAN_FILLER;
            default -> new TreeSet<>();
        };
    }

    /** The words that say something is not so ({@link Negations}): English's and Spanish's so far. */
    SortedSet<String> negations() {
        return switch (this) {
            case EN -> Negations.ENGLISH;
            case ES -> Negations.SPANISH;
            default -> new TreeSet<>();
        };
    }

    /** Irregular forms of this language's words ({@link Forms}): English's so far. */
    Forms forms() {
        return this == EN ? EnglishForms.FORMS : Forms.NONE;
    }

    /** The stems of the other forms of the word with this stem ({@link Forms}). */
    java.util.List<String> forms(String stem) {
        return forms().of(stem);
    }

    /** Built on first use, by the chain that stems them. */
    private static final class EnglishForms {
        static final Forms FORMS = Forms.english(EN);
    }

    /** The support desk's other words for a word ({@link SupportTerms}), before kb.yaml has its say. */
    Forms supportTerms() {
        return switch (this) {
            case EN -> BuiltInTerms.ENGLISH;
            case ES -> BuiltInTerms.SPANISH;
            default -> Forms.NONE;
        };
    }

    /** Built on first use, by the chain that stems them. */
    private static final class BuiltInTerms {
        static final Forms ENGLISH = SupportTerms.builtIn(EN);
        static final Forms SPANISH = SupportTerms.builtIn(ES);
    }

    /** The stem of one surface word, as the index analyzer would produce it. */
    String stem(String word) {
        return wordStemmer().apply(word);
    }

    /**
     * A stemmer of single words that keeps one token stream for all of them: building the stream
     * (its attributes by reflection) cost far more than stemming, and reading a 10,000-article
     * vocabulary made one per word. Not thread-safe: one per loop.
     */
    UnaryOperator<String> wordStemmer() {
        if (stemmer == null) {
            return UnaryOperator.identity();
        }
        Tokenizer source = new KeywordTokenizer();
        TokenStream filter = stemmer.apply(source);
        CharTermAttribute term = filter.addAttribute(CharTermAttribute.class);
        return word -> {
            try {
                // Lucene's reuse protocol, as an Analyzer reuses its components: reader, reset, end, close.
                source.setReader(new StringReader(word));
                filter.reset();
                String out = filter.incrementToken() ? term.toString() : word;
                filter.end();
                filter.close();
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
