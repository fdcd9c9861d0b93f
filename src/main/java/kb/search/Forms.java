package kb.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * English words whose forms the Porter stemmer keeps apart because they are irregular: "lost"
 * and "losing", "paid" and "pay", "children" and "child". A query word stands for its other
 * forms too, at {@link #WEIGHT}: a customer who "lost admin access" wants the page on "Losing a
 * Page role". Stems, not words, are what a query matches, so each group is kept as the stems of
 * its forms; the browser gets the groups whose stems the index holds (BrowserExport) and plans
 * with them as {@link QueryPlan} does.
 */
final class Forms {
    /** The same word in another form: worth what the typed form is. */
    static final float WEIGHT = 1f;

    /**
     * Each line one word's forms. Forms that are mostly another word ("left", "found" as in
     * "founded", "lay", "saw") are left out, and so are question words and filler ("got", "did",
     * "kept"), which count for little anyway.
     */
    private static final List<String> ENGLISH = List.of(
            "lose lost", "pay paid", "send sent", "make made", "take took taken", "break broke broken",
            "steal stole stolen", "write wrote written", "choose chose chosen", "give gave given",
            "build built", "buy bought", "sell sold", "tell told", "hold held", "mean meant",
            "begin began begun", "show shown", "know knew known", "go went gone", "see seen",
            "forget forgot forgotten", "understand understood", "withdraw withdrew withdrawn", "spend spent",
            "hide hid hidden", "freeze froze frozen", "drive drove driven", "fall fell fallen", "feel felt",
            "bring brought", "think thought", "catch caught", "lead led", "win won", "speak spoke spoken",
            "wake woke woken", "throw threw thrown", "grow grew grown", "draw drew drawn", "fly flew flown",
            "rise rose risen", "shake shook shaken", "forgive forgave forgiven", "undo undid undone",
            "rewrite rewrote rewritten", "rebuild rebuilt", "overwrite overwrote overwritten",
            "mistake mistook mistaken", "child children", "person people", "man men", "woman women",
            "analysis analyses", "criterion criteria");

    private final Map<String, List<String>> byStem;

    private Forms(Map<String, List<String>> byStem) {
        this.byStem = byStem;
    }

    static final Forms NONE = new Forms(Map.of());

    /** Joins the stems of a phrase's two words, as the browser reads them too (kb-search.js, phrases). */
    static final String PHRASE = "+";

    /**
     * The English groups, as {@code chain} stems them; groups that share a stem are one group, so
     * every stem of a group has the same others, and the browser can rebuild them from the groups.
     */
    static Forms english(Chain chain) {
        return of(ENGLISH, chain.wordStemmer());
    }

    /**
     * Groups of words, one line each, as {@code stemmer} stems them; lines that share a stem are
     * one group (SupportTerms builds its tables this way too). Two words joined by "_" are a
     * phrase ("log_out"), kept as their stems joined by {@link #PHRASE}: a query's two words
     * in a row may stand for the group, no alternative is a phrase.
     */
    static Forms of(List<String> lines, UnaryOperator<String> stemmer) {
        List<Set<String>> groups = new ArrayList<>();
        for (String line : lines) {
            Set<String> group = new TreeSet<>();
            for (String word : line.split(" ")) {
                List<String> stems = new ArrayList<>();
                for (String part : word.split("_")) {
                    stems.add(stemmer.apply(part));
                }
                group.add(String.join(PHRASE, stems));
            }
            for (Iterator<Set<String>> it = groups.iterator(); it.hasNext();) {
                Set<String> other = it.next();
                if (!Collections.disjoint(other, group)) {
                    group.addAll(other);
                    it.remove();
                }
            }
            groups.add(group);
        }
        Map<String, List<String>> out = new TreeMap<>();
        for (Set<String> group : groups) {
            for (String stem : group) {
                List<String> others = new ArrayList<>(group);
                others.remove(stem);
                out.put(stem, List.copyOf(others));
            }
        }
        return new Forms(out);
    }

    /** These groups without the given stems; a group left with one stem is no group. */
    Forms less(Set<String> taken) {
        Map<String, List<String>> out = new TreeMap<>();
        byStem.forEach((stem, others) -> {
            List<String> kept = others.stream().filter(o -> !taken.contains(o)).toList();
            if (!taken.contains(stem) && !kept.isEmpty()) {
                out.put(stem, kept);
            }
        });
        return new Forms(out);
    }

    /** The stems of the other forms of the word whose stem this is; none for most words. */
    List<String> of(String stem) {
        return byStem.getOrDefault(stem, List.of());
    }

    /** Each group once, as its stems, in sorted order. */
    List<List<String>> groups() {
        Set<List<String>> seen = new LinkedHashSet<>();
        byStem.forEach((stem, others) -> {
            List<String> all = new ArrayList<>(others);
            all.add(stem);
            Collections.sort(all);
            seen.add(List.copyOf(all));
        });
        return new ArrayList<>(seen);
    }
}
