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
    /** Compiled once: String#split compiles its pattern on every call. */
    private static final Pattern SPACES = Pattern.compile("\\s+");
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
        // Each stem by number, and in how many headings it names something.
        Map<String, Integer> ids = new HashMap<>();
        List<String> words = new ArrayList<>();
        int[] named = new int[64];
        // One long per heading and word: the hash of the heading's wording around the word, with
        // the word's number in the low bits. Sorted, one wording's words are neighbours. A map
        // from each wording to its words took hundreds of megabytes at 100,000 articles.
        long[] frames = new long[1024];
        int frameCount = 0;
        List<long[]> listed = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        Map<String, String> stemmed = new HashMap<>();
        try (Analyzer surface = chain.analyzer(false)) {
            for (SearchRecord r : records) {
                String head = head(r);
                if (head == null || head.isBlank() || !seen.add(head) || SPACES.split(head, MAX_RAW + 1).length > MAX_RAW) {
                    continue; // a sentence, not a heading that names things
                }
                int[] stems = ids(stems(surface, head, chain, stemmed), ids, words);
                if (stems == null) {
                    continue;
                }
                if (named.length < words.size()) {
                    named = java.util.Arrays.copyOf(named, Math.max(words.size(), 2 * named.length));
                }
                for (int w : java.util.Arrays.stream(stems).distinct().toArray()) {
                    named[w]++;
                }
                if (stems.length >= MIN_FRAME && stems.length <= MAX_HEAD) {
                    if (frameCount + stems.length > frames.length) {
                        frames = java.util.Arrays.copyOf(frames, 2 * (frameCount + stems.length));
                    }
                    for (int i = 0; i < stems.length; i++) {
                        frames[frameCount++] = (frame(stems, i) & ~WORD) | stems[i];
                    }
                }
                String[] items = head.indexOf(',') >= 0 || head.indexOf(' ') >= 0 ? LIST.split(head) : new String[0];
                for (int i = 0; i + 1 < items.length; i++) {
                    int[] left = ids(stems(surface, items[i], chain, stemmed), ids, words);
                    int[] right = ids(stems(surface, items[i + 1], chain, stemmed), ids, words);
                    if (left != null && right != null && left.length > 0 && right.length > 0) {
                        listed.add(new long[] {left[left.length - 1], right[0]});
                    }
                }
            }
        }
        if (named.length < words.size()) {
            named = java.util.Arrays.copyOf(named, words.size());
        }
        Map<String, Set<String>> pairs = new TreeMap<>();
        listed.forEach(p -> pair(pairs, words.get((int) p[0]), words.get((int) p[1])));
        java.util.Arrays.sort(frames, 0, frameCount);
        for (int start = 0, end; start < frameCount; start = end) {
            long wording = frames[start] & ~WORD;
            end = start + 1;
            while (end < frameCount && (frames[end] & ~WORD) == wording) {
                end++;
            }
            // The words of one wording, in number order, each once (sorted, so repeats are neighbours).
            int[] around = java.util.Arrays.stream(frames, start, end).mapToInt(f -> (int) (f & WORD)).distinct().toArray();
            if (around.length >= 2 && around.length <= MAX_FRAME) {
                for (int w : around) {
                    pair(pairs, words.get(around[0]), words.get(w));
                }
            }
        }
        int least = Math.max(MIN_NAMED, seen.size() / PER_HEADINGS);
        int[] counts = named;
        java.util.function.Predicate<String> rare = w -> counts[ids.get(w)] < least;
        pairs.keySet().removeIf(rare);
        pairs.values().forEach(others -> others.removeIf(rare));
        pairs.values().removeIf(Set::isEmpty);
        return Forms.of(kinds(pairs), UnaryOperator.identity());
    }

    /** What {@link #mine} reads of a record: the heading it names things by, or null. */
    private static String head(SearchRecord r) {
        return switch (r.kind()) {
            case ARTICLE, FAQ -> r.title();
            case SECTION -> r.heading();
            default -> null;
        };
    }

    /**
     * A key of all that {@link #mine} reads of {@code records} for a given chain: each one's
     * heading, in order. Two lists with the same key have the same kinds.
     */
    static String headingsKey(List<SearchRecord> records) {
        List<String> heads = new ArrayList<>(records.size());
        for (SearchRecord r : records) {
            heads.add(head(r));
        }
        return Analyses.key("headings", heads).toString();
    }

    /** The low bits of a {@link #mine} frame entry: the word's number. */
    private static final long WORD = (1L << 20) - 1;

    /** The stems by number, numbering new ones; null when there are more than {@link #WORD} stems. */
    private static int[] ids(List<String> stems, Map<String, Integer> ids, List<String> words) {
        int[] out = new int[stems.size()];
        for (int i = 0; i < out.length; i++) {
            Integer id = ids.get(stems.get(i));
            if (id == null) {
                if (words.size() > WORD) {
                    return null;
                }
                ids.put(stems.get(i), id = words.size());
                words.add(stems.get(i));
            }
            out[i] = id;
        }
        return out;
    }

    /** A 64-bit hash of a heading's wording around its i-th word (its length, the place, the other words). */
    private static long frame(int[] stems, int i) {
        long h = stems.length * 31L + i;
        for (int j = 0; j < stems.length; j++) {
            h = (h ^ (j == i ? -1 : stems[j])) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
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
