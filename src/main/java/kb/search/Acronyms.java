package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The help center's own abbreviations: the initials of the short phrases it names things by
 * ("profit and loss" gives "pl", which a customer types as "p&amp;l"), mined from its titles,
 * headings and tags at build time and indexed where the phrase names something (a title, heading
 * or tag: IndexAnalyzer), so a query for the initials finds the phrase's pages with nothing for
 * the browser to replay: the initials are terms of the index like any other. kb.yaml's synonyms
 * name the abbreviations an author thought of; these are the ones the pages imply.
 *
 * <p>A phrase counts when its words carry meaning (no question words: "What to do" is no name)
 * and it names something twice or more (a heading and a tag, two titles...): a phrase used once
 * is a heading's wording, not a name, and its initials would be noise. Initials that are a word
 * of the help center ("id" of "issue date") are left out: they would pull the phrase's pages
 * into every search for the word.
 */
final class Acronyms {
    /** Phrases of this many words (stop words aside): "two factor authentication" gives "tfa". */
    static final int MIN_WORDS = 2;
    static final int MAX_WORDS = 3;
    /** Longer titles, headings and tags are sentences, not names ("profit and loss" has 3 words with its stop word). */
    static final int MAX_RAW_WORDS = 5;
    /** How often a phrase must name something (as a title, heading or tag) for its initials to count. */
    static final int MIN_NAMED = 2;

    private Acronyms() {
    }

    /** Phrase (its surface words, one space apart) to its initials, sorted by phrase. */
    static Map<String, String> mine(List<SearchRecord> records, Chain chain) {
        if (chain == Chain.CJK) {
            return Map.of(); // pairs of characters, not words: they have no initials
        }
        Map<String, Integer> named = new TreeMap<>();
        Map<String, List<String>> seen = new HashMap<>();
        try (Analyzer surface = chain.analyzer(false)) {
            for (SearchRecord r : records) {
                for (String phrase : names(r)) {
                    if (phrase.isBlank() || phrase.split("\\s+").length > MAX_RAW_WORDS) {
                        continue; // a sentence, not a name (and tokenising every heading cost most of the mining)
                    }
                    List<String> words = seen.computeIfAbsent(phrase, p -> words(surface, p));
                    if (words.size() >= MIN_WORDS && words.size() <= MAX_WORDS
                            && words.stream().allMatch(w -> w.chars().allMatch(Character::isLetter)
                                    && !chain.filler().contains(w))) {
                        named.merge(String.join(" ", words), 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, String> out = new TreeMap<>();
        named.forEach((phrase, n) -> {
            if (n >= MIN_NAMED) {
                StringBuilder initials = new StringBuilder();
                for (String w : phrase.split(" ")) {
                    initials.appendCodePoint(w.codePointAt(0));
                }
                out.put(phrase, initials.toString());
            }
        });
        if (!out.isEmpty()) {
            Set<String> taken = wordsOf(records, new HashSet<>(out.values()));
            out.values().removeIf(taken::contains);
        }
        return out;
    }

    /** What a record names things by: its title (not repeated on sections), heading and tags. */
    private static List<String> names(SearchRecord r) {
        List<String> out = new ArrayList<>();
        if (r.kind() != SearchRecord.Kind.SECTION) {
            out.add(r.title());
        }
        out.add(r.heading());
        if (r.tags() != null) {
            out.addAll(List.of(r.tags().split(SearchRecord.TAG_SEPARATOR)));
        }
        return out;
    }

    /**
     * Which of {@code initials} are words of the records, matched lower-cased between anything but
     * letters and digits. Only words as long as initials can be ({@link #MIN_WORDS} to
     * {@link #MAX_WORDS} letters) are looked at: splitting every body into words took 1.3 s of a
     * 1,000-article build, this under 0.1 s once warm.
     */
    private static Set<String> wordsOf(List<SearchRecord> records, Set<String> initials) {
        Set<String> out = new HashSet<>();
        for (SearchRecord r : records) {
            for (String text : new String[] {r.title(), r.heading(), r.tags(), r.summary(), r.body()}) {
                int n = text == null ? 0 : text.length();
                for (int i = 0; i < n;) {
                    while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                        i++;
                    }
                    int start = i;
                    while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                        i++;
                    }
                    if (i - start >= MIN_WORDS && i - start <= MAX_WORDS) {
                        String w = text.substring(start, i).toLowerCase(Locale.ROOT);
                        if (initials.contains(w) && out.add(w) && out.size() == initials.size()) {
                            return out;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<String> words(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() <= MAX_WORDS) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
