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
import java.util.regex.Pattern;
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
    /** Compiled once: String#split compiles its pattern on every call, about once per record here. */
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TAGS = Pattern.compile(Pattern.quote(SearchRecord.TAG_SEPARATOR));

    private Acronyms() {
    }

    /** Phrase (its surface words, one space apart) to its initials, sorted by phrase. */
    static Map<String, String> mine(List<SearchRecord> records, Chain chain) {
        return mine(records, records, chain, null, null).initials();
    }

    /**
     * The initials and what the next build may take of how they were found.
     *
     * @param memo what the records' words gave, for the next build; null when not kept
     */
    record Mined(Map<String, String> initials, AcronymsMemo memo) { }

    /**
     * As {@link #mine(List, Chain)}, reading the names from {@code heads} (the records without
     * their bodies, which an article unpacks to give) and the words from {@code records}, taking
     * from {@code before} (null: nothing) what it found of the records whose {@code keys} entry
     * it holds (null keys: none has one).
     */
    static Mined mine(List<SearchRecord> heads, List<SearchRecord> records, Chain chain, Analyses.Key[] keys,
            AcronymsMemo before) {
        if (chain == Chain.CJK) {
            // pairs of characters, not words: they have no initials
            return new Mined(Map.of(), keys == null ? null : new AcronymsMemo(keyed(keys), Map.of(), Set.of()));
        }
        Map<String, Integer> named = new TreeMap<>();
        Map<String, List<String>> seen = new HashMap<>();
        try (Analyzer surface = chain.analyzer(false)) {
            for (SearchRecord r : heads) {
                for (String phrase : names(r)) {
                    if (phrase.isBlank() || SPACES.split(phrase).length > MAX_RAW_WORDS) {
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
        AcronymsMemo memo = null;
        if (keys != null) {
            Map<String, Analyses.Key> witnesses = new HashMap<>();
            Set<Analyses.Key> now = keyed(keys);
            Set<String> taken = wordsOf(records, new HashSet<>(out.values()), keys, now, before, witnesses);
            Set<String> absent = new HashSet<>(out.values());
            absent.removeAll(witnesses.keySet());
            memo = new AcronymsMemo(now, witnesses, absent);
            out.values().removeIf(taken::contains);
        } else if (!out.isEmpty()) {
            Set<String> taken = wordsOf(records, new HashSet<>(out.values()));
            out.values().removeIf(taken::contains);
        }
        return new Mined(out, memo);
    }

    /** The records' keys, but for the null ones. */
    private static Set<Analyses.Key> keyed(Analyses.Key[] keys) {
        Set<Analyses.Key> out = new HashSet<>(keys.length * 2);
        for (Analyses.Key k : keys) {
            if (k != null) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * {@link #wordsOf(List, Set)} with what {@code before} found: an initial found in a record
     * that is still here is a word; one that no record with a key held is looked for only in the
     * records new to this build (or without a key); any other, in all of them. Each initial
     * found in a record with a key is put in {@code witnesses} with that key; one found only in
     * records without a key is looked for on, so that {@code witnesses} lacks exactly the
     * initials no record with a key holds.
     */
    private static Set<String> wordsOf(List<SearchRecord> records, Set<String> initials, Analyses.Key[] keys,
            Set<Analyses.Key> now, AcronymsMemo before, Map<String, Analyses.Key> witnesses) {
        Set<String> out = new HashSet<>();
        Set<String> inAll = new HashSet<>();
        Set<String> inNew = new HashSet<>();
        for (String x : initials) {
            Analyses.Key w = before == null ? null : before.words().get(x);
            if (w != null && now.contains(w)) {
                out.add(x);
                witnesses.put(x, w);
            } else if (before != null && before.absent().contains(x)) {
                inNew.add(x);
            } else {
                inAll.add(x);
            }
        }
        for (int i = 0; i < records.size() && !(inAll.isEmpty() && inNew.isEmpty()); i++) {
            Analyses.Key key = keys[i];
            boolean fresh = key == null || before == null || !before.records().contains(key);
            if (!fresh && inAll.isEmpty()) {
                continue; // not read at all: an article's body is unpacked to be read
            }
            shortWords(records.get(i), w -> {
                if (inAll.contains(w) || fresh && inNew.contains(w)) {
                    out.add(w);
                    if (key != null) {
                        witnesses.put(w, key);
                        inAll.remove(w);
                        inNew.remove(w);
                    }
                }
                return inAll.isEmpty() && inNew.isEmpty();
            });
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
            out.addAll(List.of(TAGS.split(r.tags())));
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
            if (shortWords(r, w -> initials.contains(w) && out.add(w) && out.size() == initials.size())) {
                return out;
            }
        }
        return out;
    }

    /**
     * Gives {@code word} each of the record's words as long as initials can be, lower-cased,
     * until it answers true; returns whether it did.
     */
    private static boolean shortWords(SearchRecord r, java.util.function.Predicate<String> word) {
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
                if (i - start >= MIN_WORDS && i - start <= MAX_WORDS
                        && word.test(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
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
