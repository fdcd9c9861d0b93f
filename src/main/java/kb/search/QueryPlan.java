package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What a query asks for, word by word: each "slot" is one query word with the terms that may
 * stand for it (the word's stem; words it is a prefix of, while typing; close spellings, for a
 * typo) and how much each is worth. The browser client builds exactly the same plan from the same
 * vocabulary (templates/assets/js/kb-search.js), which is what makes both rank alike.
 */
public record QueryPlan(List<Slot> slots) {
    /** Longer queries are cut: a pasted paragraph is not worth a slower search. */
    static final int MAX_WORDS = 32;
    static final int MAX_EXPANSIONS = 10;
    /**
     * Prefixes shorter than this are not expanded: "pa" stands for too many words to be useful,
     * and would make the browser load postings for all of them.
     */
    static final int MIN_PREFIX = 3;
    static final float PREFIX_WEIGHT = 0.6f;
    /** Words from this length up are corrected when the index lacks them ("pasword", "tokn"). */
    static final int MIN_TYPO = 4;
    /** What the likeliest correction of a word is worth; the n-th likeliest gets this divided by n. */
    static final float ONE_TYPO_WEIGHT = 0.4f;
    static final float TWO_TYPOS_WEIGHT = 0.3f;
    /**
     * How much likelier a slip of the fingers is than a wrong letter, for one edit: two letters
     * swapped, one left out or one typed twice ("youtbue", "suport", "linkedinn") against one
     * replaced or one extra ("tokem", "tokrn"). Weighs a correction's likelihood with how often
     * the corrected word occurs (Typos.likelihood).
     */
    static final int SLIP = 2;
    /**
     * What the likeliest correction is worth when it is one slip of the fingers away ("youtbue",
     * "suport", "linkedinn"): the commonest kind of typo, and one that rarely lands on another
     * word by chance, so the word meant weighs nearly as much as if it had been typed right and
     * the query's other words do not outrank it ("youtbue token" found the lifespan table's row
     * for "token" before the YouTube article). Tuned on bench/relevance's tuning halves: 0.6 to 1
     * rank alike there (0.4, {@link #ONE_TYPO_WEIGHT}, is worse); giving every likeliest
     * correction this weight, slip or not, lost sections on the Spanish half.
     */
    static final float SLIP_TYPO_WEIGHT = 0.8f;
    /** A word the half-typed last word, typo and all, may be the start of: "linkdi" for "linkedin". */
    static final float FUZZY_PREFIX_WEIGHT = 0.3f;

    public QueryPlan {
        slots = List.copyOf(slots);
    }

    /** One query word and its alternatives, the exact one first. */
    public record Slot(String surface, String stem, List<Alternative> alternatives, boolean filler) {
        public Slot {
            alternatives = List.copyOf(alternatives);
        }
    }

    /**
     * Words customers wrap a question in ("how do I", "can I", "do I have to", "again", "keep"): matched, but at
     * {@link #FILLER_WEIGHT}, and never counted as words found together, so they neither pull in
     * pages that merely share them (an FAQ "How do I contact support?") nor dilute the words
     * that carry the question. Also the verbs customers report a symptom with ("LinkedIn says my
     * account is restricted", "the app shows", "my logo looks tiny", "Facebook wants me to"): rare
     * in help pages, so at full weight they outweighed the words that name the problem, and a page
     * that happens to quote what a network says came first. Exported for the browser.
     */
    static final java.util.SortedSet<String> FILLER = new java.util.TreeSet<>(List.of(
            "how", "what", "why", "when", "where", "which", "who", "do", "does", "did", "done", "can", "could",
            "should", "would", "i", "i'm", "me", "my", "we", "our", "us", "you", "your", "keep", "keeps", "again",
            "long", "get", "got", "still", "need", "want", "ok", "okay", "please", "anyway", "now", "happens",
            "happen", "possible", "way", "there", "am", "so", "have", "has", "had", "say", "says", "said", "wants", "wanted",
            "seem", "seems", "looks", "shows", "tells", "told"));
    /**
     * The same for Spanish, as customers type it: with and without accents, since "cómo" and
     * "cuánto" are no stop words while "como" and "cuando" are (the stop filter drops those before
     * they get here). "qué", "por", "mi", "hay" and "tengo" are stop words already.
     */
    static final java.util.SortedSet<String> SPANISH_FILLER = new java.util.TreeSet<>(List.of(
            "cómo", "cuánto", "cuanto", "cuánta", "cuanta", "cuántos", "cuantos", "cuántas", "cuantas", "cuándo",
            "dónde", "cuál", "cuáles", "cuales", "quién", "quiénes", "puedo", "puede", "pueden", "podemos", "podría",
            "hago", "hacer", "hace", "necesito", "necesita", "necesitamos", "quiero", "queremos", "debo", "debe",
            "sigue", "siguen", "sigo", "todavía", "aún", "vez", "pasa", "ocurre", "sucede", "ahora", "posible",
            "forma", "manera", "favor", "ok", "usted", "ustedes"));
    /**
     * German, French, Portuguese and Italian, the same way: question words, "can I", "how long"
     * ("lange", "temps", "tempo"), "my", "please", with and without accents where customers drop
     * them. Words the language's stop filter drops never get here, so some are left out.
     */
    static final java.util.SortedSet<String> GERMAN_FILLER = new java.util.TreeSet<>(List.of(
            "wie", "was", "warum", "wieso", "weshalb", "wann", "wo", "woher", "wohin", "welche", "welcher", "welches",
            "wer", "kann", "können", "konnen", "könnte", "kannst", "muss", "müssen", "soll", "sollte", "ich", "mein",
            "meine", "meinen", "mir", "mich", "wir", "unser", "unsere", "immer", "noch", "wieder", "bitte", "mache",
            "machen", "tun", "gibt", "geht", "lange", "möglich", "moglich", "brauche", "will", "möchte", "mochte"));
    static final java.util.SortedSet<String> FRENCH_FILLER = new java.util.TreeSet<>(List.of(
            "comment", "pourquoi", "quand", "où", "quel", "quelle", "quels", "quelles", "qui", "quoi", "puis", "peux",
            "peut", "pouvons", "pouvez", "dois", "doit", "faut", "faire", "fais", "je", "mon", "ma", "mes", "moi",
            "nous", "notre", "nos", "vous", "votre", "encore", "toujours", "combien", "temps", "possible", "besoin",
            "veux", "voudrais", "svp", "merci"));
    static final java.util.SortedSet<String> PORTUGUESE_FILLER = new java.util.TreeSet<>(List.of(
            "como", "porque", "porquê", "quando", "onde", "qual", "quais", "quem", "quanto", "quanta", "quantos",
            "quantas", "posso", "pode", "podem", "podemos", "preciso", "precisa", "devo", "deve", "faço", "faco",
            "fazer", "eu", "meu", "minha", "meus", "minhas", "nós", "nosso", "nossa", "ainda", "sempre", "tempo",
            "possível", "possivel", "favor", "quero", "ok"));
    static final java.util.SortedSet<String> ITALIAN_FILLER = new java.util.TreeSet<>(List.of(
            "come", "perché", "perche", "quando", "dove", "quale", "quali", "chi", "cosa", "quanto", "quanta",
            "quanti", "quante", "posso", "può", "puo", "possiamo", "devo", "deve", "faccio", "fare", "io", "mio",
            "mia", "miei", "mie", "noi", "nostro", "nostra", "ancora", "sempre", "tempo", "possibile", "favore",
            "voglio", "bisogno", "ok"));
    static final float FILLER_WEIGHT = 0.25f;

    /**
     * A term that may stand for the query word.
     *
     * @param surface the unstemmed word, matched against the exact fields; null for expansions
     * @param completion a word the typed one may be the start of: matched in the
     *     {@link IndexFields#COMPLETION} fields only, with one exception (Searcher#slotQuery)
     */
    public record Alternative(String stem, String surface, float weight, boolean completion) { }

    public boolean isEmpty() {
        return slots.isEmpty();
    }

    /**
     * Plans {@code query}.
     *
     * @param indexed whether a term has postings (a synonym from kb.yaml has, yet is no word of
     *     the vocabulary)
     * @param prefix whether the last word may be the start of a longer word (search as you type)
     */
    public static QueryPlan of(String query, Vocabulary vocabulary, Predicate<String> indexed, boolean prefix) {
        return of(query, Chain.EN, vocabulary, indexed, prefix);
    }

    /** Plans {@code query} with the analysis {@code chain} of the index's language. */
    public static QueryPlan of(String query, Chain chain, Vocabulary vocabulary, Predicate<String> indexed,
            boolean prefix) {
        return of(query, chain, chain.supportTerms(), vocabulary, indexed, prefix);
    }

    /**
     * Plans {@code query} with the analysis {@code chain} of the index's language and the
     * support desk's words ({@link SupportTerms}) as kb.yaml leaves them.
     */
    static QueryPlan of(String query, Chain chain, Forms terms, Vocabulary vocabulary, Predicate<String> indexed,
            boolean prefix) {
        List<String> words = surfaceWords(query, chain);
        // A question word typed with its accent ("cómo", "dónde") is the stop word its plain
        // spelling is ("como", "donde"): dropped alike, so both spellings rank alike.
        words.removeIf(w -> {
            String plain = unaccented(w);
            return !plain.equals(w) && chain.stopWords().contains(plain);
        });
        List<Slot> slots = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String surface = words.get(i);
            String stem = chain.stem(surface);
            if (!seen.add(stem)) {
                continue;
            }
            Map<String, Alternative> alts = new LinkedHashMap<>();
            boolean filler = chain.filler().contains(surface);
            float scale = filler ? FILLER_WEIGHT : 1f;
            alts.put(stem, new Alternative(stem, surface, scale, false));
            boolean typing = prefix && i == words.size() - 1;
            boolean completes = false;
            if (typing && surface.length() >= MIN_PREFIX) {
                List<Vocabulary.Word> longer = vocabulary.words().stream()
                        .filter(w -> w.word().startsWith(surface) && !w.word().equals(surface))
                        .sorted(Comparator.comparingInt((Vocabulary.Word w) -> -w.df()).thenComparing(Vocabulary.Word::word))
                        .limit(MAX_EXPANSIONS)
                        .toList();
                longer.forEach(w -> alts.putIfAbsent(w.stem(), new Alternative(w.stem(), null, PREFIX_WEIGHT * scale, true)));
                completes = !longer.isEmpty();
            }
            if (!filler) {
                // Before corrections: "lost", in no page, is a form of "losing", not a slip from it.
                related(surface, stem, chain, vocabulary, indexed, scale, alts);
                // Then the support desk's other words for it, worth less than the word's own forms.
                for (String other : terms.of(stem)) {
                    if (indexed.test(other)) {
                        alts.putIfAbsent(other, new Alternative(other, null, SupportTerms.WEIGHT * scale, false));
                    }
                }
            }
            if (surface.length() >= MIN_TYPO && !vocabulary.contains(surface)) {
                int maxEdits = maxEdits(surface);
                // The stem too: a misspelled form of a word the pages use in another form
                // ("autentication" for "authenticator": three edits apart, their stems one).
                int stemEdits = stem.length() >= MIN_TYPO ? maxEdits(stem) : -1;
                List<Candidate> corrections = vocabulary.words().stream()
                        .filter(w -> w.word().codePointAt(0) == surface.codePointAt(0)
                                && !chain.filler().contains(w.word()))
                        .map(w -> {
                            int edits = Typos.distance(surface, w.word(), maxEdits);
                            if (edits <= maxEdits) {
                                return Candidate.of(surface, w.word(), edits, w);
                            }
                            int byStem = Typos.distance(stem, w.stem(), Math.max(stemEdits, 0));
                            return byStem <= stemEdits ? Candidate.of(stem, w.stem(), byStem, w) : null;
                        })
                        .filter(c -> c != null)
                        .sorted(Comparator.comparingInt(Candidate::edits)
                                .thenComparingLong(c -> -c.likelihood())
                                .thenComparing(c -> c.word().word()))
                        .limit(MAX_EXPANSIONS)
                        .toList();
                // Ranked by likelihood, the n-th word worth 1/n of the first: the word meant wins
                // over a rarer one as few edits away, which would otherwise rank its pages first.
                int rank = 0;
                for (Candidate c : corrections) {
                    if (!alts.containsKey(c.word().stem())) {
                        float weight = (c.edits() == 1 ? ONE_TYPO_WEIGHT : TWO_TYPOS_WEIGHT) / ++rank;
                        if (rank == 1 && c.slip()) {
                            weight = SLIP_TYPO_WEIGHT;
                        }
                        alts.put(c.word().stem(), new Alternative(c.word().stem(), null, weight * scale, false));
                    }
                }
                if (typing && !completes && !indexed.test(stem)) {
                    // Nothing starts with what was typed: a typo inside a word still being typed.
                    // Its results would vanish until the word is done; the words it is a slip
                    // away from the start of keep them.
                    vocabulary.words().stream()
                            .filter(w -> w.word().codePointAt(0) == surface.codePointAt(0)
                                    && w.word().length() > surface.length()
                                    && Typos.prefixDistance(surface, w.word(), maxEdits) <= maxEdits)
                            .sorted(Comparator.comparingInt((Vocabulary.Word w) -> -w.df()).thenComparing(Vocabulary.Word::word))
                            .limit(MAX_EXPANSIONS)
                            .forEach(w -> alts.putIfAbsent(w.stem(), new Alternative(w.stem(), null, FUZZY_PREFIX_WEIGHT * scale, false)));
                }
            }
            slots.add(new Slot(surface, stem, new ArrayList<>(alts.values()), filler));
        }
        return new QueryPlan(phrases(slots, terms, indexed));
    }

    /**
     * Two words in a row that the support desk says for one ({@link SupportTerms}: "logged out"
     * for logout, "turn off" for disable, "money back" for refund): each of the two stands
     * for the group's words too, after its own alternatives. The browser does the same
     * (kb-search.js, phrases).
     */
    private static List<Slot> phrases(List<Slot> slots, Forms terms, Predicate<String> indexed) {
        List<Slot> out = new ArrayList<>(slots);
        for (int i = 0; i + 1 < slots.size(); i++) {
            List<String> others = terms.of(slots.get(i).stem() + Forms.PHRASE + slots.get(i + 1).stem());
            for (int k = i; k <= i + 1 && !others.isEmpty(); k++) {
                Slot slot = out.get(k);
                Map<String, Alternative> alts = new LinkedHashMap<>();
                slot.alternatives().forEach(a -> alts.putIfAbsent(a.stem(), a));
                for (String other : others) {
                    if (indexed.test(other)) {
                        alts.putIfAbsent(other, new Alternative(other, null, SupportTerms.WEIGHT, false));
                    }
                }
                out.set(k, new Slot(slot.surface(), slot.stem(), new ArrayList<>(alts.values()), slot.filler()));
            }
        }
        return out;
    }

    /**
     * A correction of a typed word: how many edits away, how likely it was meant (Typos#likelihood),
     * and whether it is one slip of the fingers away ({@link #SLIP_TYPO_WEIGHT}).
     */
    private record Candidate(Vocabulary.Word word, int edits, long likelihood, boolean slip) {
        /** {@code typed} against {@code meant}: the surface words, or their stems, as they were compared. */
        static Candidate of(String typed, String meant, int edits, Vocabulary.Word word) {
            boolean slip = edits == 1 && Typos.isSlip(typed, meant);
            return new Candidate(word, edits, Typos.likelihood(typed, meant, edits, word.df()), slip);
        }
    }

    /**
     * Other forms of the word, which its stem does not reach: the irregular forms of English
     * words ({@link Forms}: "lost" for "losing", "paid" for "pay") at the word's own weight, and the
     * help center's words whose stem extends the word's stem, or is extended by it, by at most
     * {@link #DERIVED_LETTERS} letters ("expiri" of "expiry" for "expir" of "expired", "registr"
     * of "registration" for "regist" of "register") at {@link #DERIVED_WEIGHT}. The browser
     * finds the same in the same places (kb-search.js, related).
     */
    private static void related(String surface, String stem, Chain chain, Vocabulary vocabulary,
            Predicate<String> indexed, float scale, Map<String, Alternative> alts) {
        for (String form : chain.forms(stem)) {
            if (indexed.test(form)) {
                alts.putIfAbsent(form, new Alternative(form, null, Forms.WEIGHT * scale, false));
            }
        }
        if (stem.length() < MIN_DERIVED) {
            return;
        }
        vocabulary.words().stream()
                .filter(w -> w.word().codePointAt(0) == surface.codePointAt(0) && isDerived(stem, w.stem())
                        && !chain.filler().contains(w.word()))
                .forEach(w -> alts.putIfAbsent(w.stem(), new Alternative(w.stem(), null, DERIVED_WEIGHT * scale, false)));
    }

    /** Whether one stem extends the other by 1 to {@link #DERIVED_LETTERS} letters, both {@link #MIN_DERIVED} long or more. */
    static boolean isDerived(String stem, String other) {
        int d = other.length() - stem.length();
        return d != 0 && Math.abs(d) <= DERIVED_LETTERS && Math.min(stem.length(), other.length()) >= MIN_DERIVED
                && (d > 0 ? other.startsWith(stem) : stem.startsWith(other));
    }

    /**
     * Tuned on bench/relevance's tuning halves: stems from 5 letters (4 let "form" stand for
     * "format"), 2 letters more or less (1 misses Spanish forms, 3 gains nothing), at half a
     * word's weight (0.3 to 0.75 rank alike).
     */
    static final int MIN_DERIVED = 5;
    static final int DERIVED_LETTERS = 2;
    static final float DERIVED_WEIGHT = 0.5f;

    /**
     * Whether {@code heading} holds the query's question: {@link #ASKED_WORDS} of its question
     * words or more ("what ... do" in "What to do", "how long" in "How long it takes"). The customer asked for
     * that part of the page, so a result lands on it even when the page's title names every
     * other word. The browser decides the same (kb-search.js, askedBy).
     */
    public boolean isAskedBy(String heading, Chain chain) {
        if (heading == null) {
            return false;
        }
        Set<String> stems = new java.util.HashSet<>();
        surfaceWords(heading, chain).forEach(w -> stems.add(chain.stem(w)));
        return slots.stream().filter(s -> s.filler() && stems.contains(s.stem())).count() >= ASKED_WORDS;
    }

    /**
     * One query word of a kind ({@link Kinds}): the stems that name it (its alternatives) and the
     * other words of its kind, which the query names nowhere.
     */
    record Contrast(Set<String> asked, Set<String> others) { }

    /** The query's words that have a kind, each with the others of its kind; none for most queries. */
    List<Contrast> contrasts(Forms kinds) {
        Set<String> all = new java.util.HashSet<>();
        slots.forEach(s -> s.alternatives().forEach(a -> all.add(a.stem())));
        List<Contrast> out = new ArrayList<>();
        for (Slot s : slots) {
            if (s.filler()) {
                continue;
            }
            Set<String> asked = new java.util.HashSet<>();
            Set<String> others = new java.util.HashSet<>();
            for (Alternative a : s.alternatives()) {
                asked.add(a.stem());
                // What the word surely means (its forms, its likeliest correction when one slip
                // away) has a kind; the words it may stand for at less weight are no claim.
                if (a.weight() >= SLIP_TYPO_WEIGHT) {
                    others.addAll(kinds.of(a.stem()));
                }
            }
            others.removeAll(all);
            if (!others.isEmpty()) {
                out.add(new Contrast(asked, others));
            }
        }
        return out;
    }

    /**
     * Whether a record's title and heading name another of a kind than the query asks for, and
     * not the one asked (SearchIndex#demoted). The browser decides the same (kb-search.js, namesOther).
     */
    static boolean namesOther(List<Contrast> contrasts, String title, String heading, Chain chain) {
        Set<String> stems = new java.util.HashSet<>();
        for (String text : new String[] {title, heading}) {
            if (text != null) {
                surfaceWords(text, chain).forEach(w -> stems.add(chain.stem(w)));
            }
        }
        return contrasts.stream().anyMatch(c -> !java.util.Collections.disjoint(stems, c.others())
                && java.util.Collections.disjoint(stems, c.asked()));
    }

    /**
     * Tuned on bench/relevance's tuning halves: one question word or two land the same results
     * there; two is the stricter ("how" alone is no question about a section).
     */
    static final int ASKED_WORDS = 2;

    /** The word without its combining accents (U+0300 to U+036F once decomposed), as kb-search.js has it. */
    static String unaccented(String word) {
        return java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD).replaceAll("[\\u0300-\\u036f]", "");
    }

    /** How many edits a misspelling of this length may be from the word meant. */
    private static int maxEdits(String word) {
        return word.length() >= 9 ? 2 : 1;
    }

    /** Whether {@code heading} names any word the query asks about (by any of its terms; question words aside). */
    public boolean isMentionedBy(String heading, Chain chain) {
        Set<String> stems = new java.util.HashSet<>();
        surfaceWords(heading, chain).forEach(w -> stems.add(chain.stem(w)));
        return slots.stream().filter(s -> !s.filler())
                .anyMatch(s -> s.alternatives().stream().anyMatch(a -> stems.contains(a.stem())));
    }

    /**
     * Whether {@code title} names every word the query asks about (any of each word's terms; the
     * question words only when there is nothing else): then its page answers as a whole.
     */
    public boolean isNamedBy(String title, Chain chain) {
        Set<String> stems = new java.util.HashSet<>();
        surfaceWords(title, chain).forEach(w -> stems.add(chain.stem(w)));
        List<Slot> content = slots.stream().filter(s -> !s.filler()).toList();
        return (content.isEmpty() ? slots : content).stream()
                .allMatch(s -> s.alternatives().stream().anyMatch(a -> stems.contains(a.stem())));
    }

    /**
     * The query's words as the unstemmed chain gives them, at most {@link #MAX_WORDS}, "&amp;" read as
     * nothing ("p&amp;l" is "pl"), as the index reads it (IndexAnalyzer#AMPERSAND).
     */
    static List<String> surfaceWords(String query, Chain chain) {
        List<String> out = new ArrayList<>();
        try (org.apache.lucene.analysis.Analyzer analyzer = chain.analyzer(false);
                TokenStream ts = analyzer.tokenStream("", query.replace("&", ""))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < MAX_WORDS) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
