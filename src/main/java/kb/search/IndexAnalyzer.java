package kb.search;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * The analyzer the index is written with: the language's {@link Chain} plus kb.yaml's synonyms
 * for that language (each phrase analysed by that chain), applied
 * at index time in both directions. A page that says "Google My Business" is then also found by
 * "gmb", and one that says "logged out" by "disconnect", while queries, in Java and in the
 * browser, need only the plain chain: no synonym logic has to be ported to JavaScript.
 */
final class IndexAnalyzer {
    private IndexAnalyzer() {
    }

    /** Per field: stemmed with synonyms, except the exact and surface fields. */
    static Analyzer create(Chain chain, Map<String, List<String>> synonyms) {
        return create(chain, synonyms, Map.of());
    }

    /**
     * Per field: stemmed with synonyms, except the exact and surface fields; the fields that name
     * things (title, heading, tags) also get the initials of the help center's names
     * ({@link Acronyms}) where a name occurs: the initials stand for the thing named, not for
     * every passing mention, and the body's postings stay as they were. Every field reads
     * "&amp;" as nothing, as queries do (QueryPlan#surfaceWords), so "P&amp;L" is the word "pl".
     */
    static Analyzer create(Chain chain, Map<String, List<String>> synonyms, Map<String, String> acronyms) {
        Analyzer stemmed = stemmed(chain, synonymMap(chain, synonyms));
        Analyzer naming = acronyms.isEmpty() ? stemmed : stemmed(chain, synonymMap(chain, synonyms, acronyms));
        Analyzer surface = chain.analyzer(false);
        Analyzer surfaceWords = chain.indexAnalyzer(false);
        return new Joined(new PerFieldAnalyzerWrapper(stemmed, Map.of(
                IndexFields.TITLE, naming,
                IndexFields.HEADING, naming,
                IndexFields.TAGS, naming,
                IndexFields.TITLE_EXACT, surface,
                IndexFields.HEADING_EXACT, surface,
                IndexFields.SURFACE, surfaceWords)));
    }

    private static Analyzer stemmed(Chain chain, SynonymMap map) {
        return map == null ? chain.indexAnalyzer(true) : new WithSynonyms(chain.indexAnalyzer(true), map);
    }

    /** "&amp;" between letters joins them ("P&amp;L", "R&amp;D", "Q&amp;A"): the index drops it, as queries do. */
    static final RareCharMapping.Keys AMPERSAND = RareCharMapping.Keys.of("&", "");

    /** An analyzer that reads its text through {@link #AMPERSAND} first, and hands it to {@link HyphenJoin}. */
    private static final class Joined extends AnalyzerWrapper {
        private final Analyzer base;

        Joined(Analyzer base) {
            super(base.getReuseStrategy());
            this.base = base;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return base;
        }

        @Override
        protected Reader wrapReader(String fieldName, Reader reader) {
            return AMPERSAND.over(HyphenJoin.reading(reader));
        }
    }

    /** Every phrase of a group maps to every other, each analysed as the index analyses text. */
    static SynonymMap synonymMap(Chain chain, Map<String, List<String>> synonyms) {
        return synonymMap(chain, synonyms, Map.of());
    }

    /** The words of an analysed phrase. */
    private static List<String> words(CharsRef phrase) {
        return List.of(phrase.toString().split(String.valueOf(SynonymMap.WORD_SEPARATOR)));
    }

    /** kb.yaml's groups, plus each mined phrase to its initials (one way: the initials stand for the phrase). */
    static SynonymMap synonymMap(Chain chain, Map<String, List<String>> synonyms, Map<String, String> acronyms) {
        try (Analyzer analyzer = chain.analyzer(true)) {
            SynonymMap.Builder builder = new SynonymMap.Builder(true);
            int rules = 0;
            Set<String> named = new HashSet<>();
            for (Map.Entry<String, List<String>> group : new TreeMap<>(synonyms).entrySet()) {
                List<CharsRef> phrases = new ArrayList<>();
                phrases.add(analyse(analyzer, group.getKey()));
                for (String alt : group.getValue()) {
                    phrases.add(analyse(analyzer, alt));
                }
                phrases.forEach(p -> named.addAll(words(p)));
                for (CharsRef from : phrases) {
                    for (CharsRef to : phrases) {
                        if (from.length > 0 && to.length > 0 && !from.equals(to)) {
                            builder.add(from, to, true);
                            rules++;
                        }
                    }
                }
            }
            // Not over a word of kb.yaml's synonyms: the longest rule that matches wins, so the
            // initials of "Facebook and Instagram Business" would keep "facebook" from being "fb".
            // Nor initials that are a synonym already ("li" of "login issues" where "li" is LinkedIn).
            for (Map.Entry<String, String> acronym : acronyms.entrySet()) {
                CharsRef from = analyse(analyzer, acronym.getKey());
                CharsRef to = analyse(analyzer, acronym.getValue());
                boolean free = !named.contains(to.toString()) && words(from).stream().noneMatch(named::contains);
                if (free && from.length > 0 && to.length > 0) {
                    builder.add(from, to, true);
                    rules++;
                }
            }
            return rules == 0 ? null : builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * kb.yaml's synonym groups as the index analyses them: per group, its distinct phrases, each
     * its stems joined by one space ("log out"). The page a search result opens marks a group's
     * other phrases where the query named one (kb-highlight.js), since the query matched them.
     */
    static List<List<String>> analysedGroups(Chain chain, Map<String, List<String>> synonyms) {
        List<List<String>> out = new ArrayList<>();
        try (Analyzer analyzer = chain.analyzer(true)) {
            for (Map.Entry<String, List<String>> group : new TreeMap<>(synonyms).entrySet()) {
                Set<String> phrases = new LinkedHashSet<>();
                for (String phrase : concat(group.getKey(), group.getValue())) {
                    CharsRef analysed = analyse(analyzer, phrase);
                    if (analysed.length > 0) {
                        phrases.add(analysed.toString().replace(SynonymMap.WORD_SEPARATOR, ' '));
                    }
                }
                if (phrases.size() > 1) {
                    out.add(List.copyOf(phrases));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static CharsRef analyse(Analyzer analyzer, String phrase) throws IOException {
        CharsRefBuilder out = new CharsRefBuilder();
        try (TokenStream ts = analyzer.tokenStream("", phrase)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (out.length() > 0) {
                    out.append(SynonymMap.WORD_SEPARATOR);
                }
                out.append(term.buffer(), 0, term.length());
            }
            ts.end();
        }
        return out.get();
    }

    /** A stemmed chain followed by the synonym graph, flattened for indexing. */
    private static final class WithSynonyms extends AnalyzerWrapper {
        private final Analyzer base;
        private final SynonymMap map;

        WithSynonyms(Analyzer base, SynonymMap map) {
            super(base.getReuseStrategy());
            this.base = base;
            this.map = map;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return base;
        }

        @Override
        protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents chain) {
            TokenStream out = new StackedSynonyms(JoinedAside.around(chain.getTokenStream(), in -> new SynonymGraphFilter(in, map, true)));
            return new TokenStreamComponents(chain.getSource(), out);
        }
    }
}
