package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Words of one kind: the names a help center tells its sibling pages and sections apart by
 * (networks, products, plans, platforms: "Facebook access revoked" and "LinkedIn access revoked"),
 * mined from its titles, headings and FAQ questions at build time. A result whose title or
 * heading names another of a kind than the query asks for, and not the one asked, is about
 * that other one (SearchIndex#demoted): "how long does a facebook token last" is not answered by
 * "How long a LinkedIn token lasts", however many of its other words that heading holds.
 *
 * <p>Two signals, both in headings alone (where an author names what a page is about):
 * <ul>
 * <li>the same wording around a different word ("Facebook access revoked", "LinkedIn access
 * revoked"; "Void an invoice", "Create the invoice"), question words and stop words aside;
 * <li>words listed together ("Facebook and Instagram Business", "Twitter, Google My Business
 * and YouTube", "Upgrade or downgrade").
 * </ul>
 * Two words paired by either belong to one kind, and pairs that share a word join. Only names
 * the help center goes by count: words named in {@link #MIN_NAMED} headings or more (and one in
 * {@link #PER_HEADINGS}). A wording shared by more than {@link #MAX_FRAME} words is a template,
 * not a contrast, and a kind of more than {@link #MAX_KIND} words has grown through such
 * templates: both are left out, so a generated help center of thousands of look-alike titles
 * gets a few kinds rather than noise.
 */
final class Kinds {
    static final int MAX_FRAME = 6;
    /**
     * A word of a kind names things in this many headings or more: a name the help center goes
     * by, not one heading's wording. Tuned on bench/relevance's tuning halves: 1 lets one Spanish
     * heading's wording in ("insuficiente" against "conectar"), 3 loses the fixture's "deposit".
     */
    static final int MIN_NAMED = 2;
    /**
     * ... and in one of this many headings: in a help center of thousands of articles, a network
     * or a plan is named in hundreds of them, and a word named in a few is one feature's name.
     */
    static final int PER_HEADINGS = 1000;
    /**
     * A wording is a frame from three words on (stop words and question words aside): two-word
     * headings that differ in one word are too often two ways to say one thing ("Token expires",
     * "Token lasts"). Tuned on bench/relevance's tuning halves: two and three rank alike there.
     */
    static final int MIN_FRAME = 3;
    static final int MAX_KIND = 12;
    /** Headings of more words (stop words and question words aside) are sentences: their wording is no frame. */
    static final int MAX_HEAD = 8;
    /** Headings of more words as written are sentences, and not read at all (reading every one cost most of the mining). */
    static final int MAX_RAW = 16;
    /** Between the items of a list: commas and the languages' "and" and "or". */
    private static final Pattern LIST = Pattern.compile(
            "\\s*[,;/]\\s*|\\s+(?:and|or|y|o|e|u|und|oder|et|ou)\\s+", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Kinds() {
    }

    /** The kinds of {@code records}' headings, as groups of stems ({@link Forms#groups()}). */
    static Forms mine(List<SearchRecord> records, Chain chain) {
        if (chain == Chain.CJK) {
            return Forms.NONE; // pairs of characters, not words
        }
        Map<String, Set<String>> frames = new HashMap<>();
        Map<String, Set<String>> pairs = new TreeMap<>();
        Set<String> seen = new java.util.HashSet<>();
        Map<String, Integer> named = new HashMap<>();
        Map<String, String> stemmed = new HashMap<>();
        try (Analyzer surface = chain.analyzer(false)) {
            for (SearchRecord r : records) {
                String head = switch (r.kind()) {
                    case ARTICLE, FAQ -> r.title();
                    case SECTION -> r.heading();
                    default -> null;
                };
                if (head == null || head.isBlank() || !seen.add(head) || head.split("\\s+", MAX_RAW + 1).length > MAX_RAW) {
                    continue; // a sentence, not a heading that names things
                }
                List<String> stems = stems(surface, head, chain, stemmed);
                new java.util.HashSet<>(stems).forEach(w -> named.merge(w, 1, Integer::sum));
                if (stems.size() >= MIN_FRAME && stems.size() <= MAX_HEAD) {
                    for (int i = 0; i < stems.size(); i++) {
                        List<String> frame = new ArrayList<>(stems);
                        frame.set(i, "");
                        frames.computeIfAbsent(i + ":" + String.join(" ", frame), k -> new TreeSet<>()).add(stems.get(i));
                    }
                }
                String[] items = head.indexOf(',') >= 0 || head.indexOf(' ') >= 0 ? LIST.split(head) : new String[0];
                for (int i = 0; i + 1 < items.length; i++) {
                    List<String> left = stems(surface, items[i], chain, stemmed);
                    List<String> right = stems(surface, items[i + 1], chain, stemmed);
                    if (!left.isEmpty() && !right.isEmpty()) {
                        pair(pairs, left.get(left.size() - 1), right.get(0));
                    }
                }
            }
        }
        frames.values().forEach(words -> {
            if (words.size() >= 2 && words.size() <= MAX_FRAME) {
                String first = words.iterator().next();
                words.forEach(w -> pair(pairs, first, w));
            }
        });
        int least = Math.max(MIN_NAMED, seen.size() / PER_HEADINGS);
        pairs.keySet().removeIf(w -> named.getOrDefault(w, 0) < least);
        pairs.values().forEach(others -> others.removeIf(w -> named.getOrDefault(w, 0) < least));
        pairs.values().removeIf(Set::isEmpty);
        return Forms.of(kinds(pairs), UnaryOperator.identity());
    }

    private static void pair(Map<String, Set<String>> pairs, String a, String b) {
        if (!a.equals(b)) {
            pairs.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
            pairs.computeIfAbsent(b, k -> new TreeSet<>()).add(a);
        }
    }

    /** The joined pairs, one line of stems per kind, kinds of more than {@link #MAX_KIND} left out. */
    private static List<String> kinds(Map<String, Set<String>> pairs) {
        List<String> out = new ArrayList<>();
        Set<String> done = new java.util.HashSet<>();
        for (String start : pairs.keySet()) {
            if (done.contains(start)) {
                continue;
            }
            Set<String> kind = new TreeSet<>();
            List<String> todo = new ArrayList<>(List.of(start));
            while (!todo.isEmpty()) {
                String w = todo.remove(todo.size() - 1);
                if (kind.add(w)) {
                    todo.addAll(pairs.get(w));
                }
            }
            done.addAll(kind);
            if (kind.size() <= MAX_KIND) {
                out.add(String.join(" ", kind));
            }
        }
        return out;
    }

    /** A heading's stems, stop words, question words and numbers aside. */
    private static List<String> stems(Analyzer analyzer, String text, Chain chain, Map<String, String> stemmed) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", text.replace("&", ""))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = term.toString();
                if (!chain.filler().contains(w) && !w.chars().allMatch(Character::isDigit)) {
                    out.add(stemmed.computeIfAbsent(w, chain::stem));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The kinds as one line, groups split by "," and stems by " " (as the browser reads them: kb-search.js). */
    static String encode(Forms kinds) {
        return String.join(",", kinds.groups().stream().map(g -> String.join(" ", g)).toList());
    }

    static Forms decode(String line) {
        return line == null || line.isEmpty() ? Forms.NONE
                : Forms.of(List.of(line.split(",")), UnaryOperator.identity());
    }
}
