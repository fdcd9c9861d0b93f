package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which terms stand for a typed word: completions, typos, and a typo in a word still being typed. */
class QueryPlanTest {
    private static final Vocabulary WORDS = new Vocabulary(List.of(
            new Vocabulary.Word("link", 40, "link"),
            new Vocabulary.Word("linked", 12, "link"),
            new Vocabulary.Word("linkedin", 30, "linkedin"),
            new Vocabulary.Word("reach", 9, "reach"),
            new Vocabulary.Word("reateam", 4, "reateam"),
            new Vocabulary.Word("reathiom", 3, "reathiom")));

    private static List<String> alternatives(String typed, boolean prefix, java.util.function.Predicate<String> indexed) {
        QueryPlan.Slot last = QueryPlan.of(typed, WORDS, indexed, prefix).slots().get(0);
        return last.alternatives().stream().map(a -> a.stem() + "@" + a.weight()).toList();
    }

    @Test
    void aSlipInsideAWordBeingTypedStandsForTheWordsItIsAnEditFromTheStartOf() {
        assertEquals(List.of("linkdi@1.0", "linkedin@" + QueryPlan.FUZZY_PREFIX_WEIGHT),
                alternatives("linkdi", true, term -> false));
    }

    @Test
    void aFinishedWordIsNotReadAsTheStartOfAnother() {
        assertEquals(List.of("linkdi@1.0"), alternatives("linkdi", false, term -> false));
    }

    @Test
    void aWordThatCompletesNormallyGetsNoSlipReading() {
        // "reateam" starts one edit from "reath", but "reath" is the start of "reathiom".
        assertEquals(List.of("reath@1.0", "reathiom@" + QueryPlan.PREFIX_WEIGHT, "reach@" + QueryPlan.ONE_TYPO_WEIGHT),
                alternatives("reath", true, term -> false));
    }

    @Test
    void aSynonymIsIndexedThoughNoWordOfTheVocabularyAndIsNotReadAsASlip() {
        assertEquals(List.of("reauth@1.0"), alternatives("reauth", true, "reauth"::equals));
        assertEquals(List.of("reauth@1.0", "reathiom@" + QueryPlan.FUZZY_PREFIX_WEIGHT),
                alternatives("reauth", true, term -> false));
    }

    private static final Vocabulary COMMON = new Vocabulary(List.of(
            new Vocabulary.Word("sore", 1, "sore"),
            new Vocabulary.Word("store", 10, "store"),
            new Vocabulary.Word("sure", 15, "sure"),
            new Vocabulary.Word("token", 30, "token"),
            new Vocabulary.Word("tone", 5, "tone"),
            new Vocabulary.Word("you", 50, "you"),
            new Vocabulary.Word("your", 50, "your"),
            new Vocabulary.Word("youtube", 3, "youtub")));

    /** The corrections of one typed word, after its own stem. */
    private static List<String> corrections(String typed) {
        List<QueryPlan.Alternative> alts = QueryPlan.of(typed, COMMON, term -> false, false).slots().get(0).alternatives();
        return alts.subList(1, alts.size()).stream().map(a -> a.stem() + "@" + a.weight()).toList();
    }

    @Test
    void aMisspellingOfFourLettersIsCorrected() {
        assertEquals(List.of("token@" + QueryPlan.SLIP_TYPO_WEIGHT), corrections("tokn"));
    }

    @Test
    void theLikeliestCorrectionComesFirstAndTheNthCountsOneNth() {
        // "tokne": "token" swaps two letters and is common; "tone" has a stray letter and is rare.
        assertEquals(List.of("token@" + QueryPlan.SLIP_TYPO_WEIGHT, "tone@" + QueryPlan.ONE_TYPO_WEIGHT / 2), corrections("tokne"));
        // "stre": a letter left out of "store" is likelier than a wrong one in the commoner "sure".
        assertEquals(List.of("store@" + QueryPlan.SLIP_TYPO_WEIGHT, "sure@" + QueryPlan.ONE_TYPO_WEIGHT / 2,
                "sore@" + QueryPlan.ONE_TYPO_WEIGHT / 3), corrections("stre"));
    }

    @Test
    void onlyASlipOfTheFingersWeighsNearlyAsMuchAsTheWordItself() {
        // "tokrn" has a wrong letter where "tokn" lacks one: a wrong letter lands on other words
        // by chance, a slip rarely does.
        assertEquals(List.of("token@" + QueryPlan.ONE_TYPO_WEIGHT), corrections("tokrn"));
        assertEquals(List.of("youtub@" + QueryPlan.SLIP_TYPO_WEIGHT), corrections("youtbue"));
    }

    @Test
    void aMisspelledFormOfAWordThePagesUseInAnotherFormIsCorrectedByItsStem() {
        // "autentication" is three edits from "authenticator", the pages' only form of the word,
        // but its stem "autent" is one from "authent".
        Vocabulary words = new Vocabulary(List.of(new Vocabulary.Word("authenticator", 2, "authent"),
                new Vocabulary.Word("automate", 4, "autom")));
        List<QueryPlan.Alternative> alts = QueryPlan.of("autentication", words, term -> false, false).slots().get(0).alternatives();
        assertEquals(List.of("autent@1.0", "authent@" + QueryPlan.SLIP_TYPO_WEIGHT),
                alts.stream().map(a -> a.stem() + "@" + a.weight()).toList());
    }

    @Test
    void aQuestionWordTypedWithItsAccentIsDroppedAsItsPlainSpellingIs() {
        // "como" is a Spanish stop word, "cómo" is not; both ask the same.
        Vocabulary words = new Vocabulary(List.of(new Vocabulary.Word("conectar", 5, "conect")));
        java.util.function.Function<String, List<String>> plan = q -> QueryPlan.of(q, Chain.ES, words, term -> true, false)
                .slots().stream().map(QueryPlan.Slot::surface).toList();
        assertEquals(List.of("conectar"), plan.apply("como conectar"));
        assertEquals(List.of("conectar"), plan.apply("cómo conectar"));
        assertEquals(List.of("conectar"), plan.apply("¿Dónde conectar?"));
        assertEquals(List.of("cuánto", "conectar"), plan.apply("cuánto conectar"), "'cuanto' is no stop word either");
    }

    @Test
    void aMisspellingIsNeverReadAsAQuestionWord() {
        // "yout" is one edit from "you" and "your", which carry no meaning of their own.
        assertEquals(List.of(), corrections("yout"));
    }

    private static final Vocabulary FORMS = new Vocabulary(List.of(
            new Vocabulary.Word("expiry", 6, "expiri"),
            new Vocabulary.Word("expire", 9, "expir"),
            new Vocabulary.Word("format", 8, "format"),
            new Vocabulary.Word("losing", 2, "lose")));

    /** Every term standing for one typed word, its own first. */
    private static List<String> forms(String typed) {
        return QueryPlan.of(typed, FORMS, term -> FORMS.words().stream().anyMatch(w -> w.stem().equals(term)), false)
                .slots().get(0).alternatives().stream().map(a -> a.stem() + "@" + a.weight()).toList();
    }

    @Test
    void anIrregularFormStandsForTheWordsOtherFormsThatThePagesUse() {
        // Porter keeps "lost" apart from "losing" and "lose".
        assertEquals(List.of("lost@1.0", "lose@" + Forms.WEIGHT), forms("lost"));
        assertEquals(List.of("lose@1.0"), forms("lose"), "\"lost\" is in no page: not looked for");
    }

    @Test
    void aWordStandsForThePagesWordsWhoseStemExtendsItsOwnByAFewLetters() {
        assertEquals(List.of("expir@1.0", "expiri@" + QueryPlan.DERIVED_WEIGHT), forms("expired"));
        assertEquals(List.of("expiri@1.0", "expir@" + QueryPlan.DERIVED_WEIGHT), forms("expiry"));
        // Short stems are left alone: "form" is no form of "format".
        assertEquals(List.of("form@1.0"), forms("form"));
    }

    /** The question words of a query, as the language's chain reads it. */
    private static List<String> questionWords(String query, Chain chain) {
        return QueryPlan.of(query, chain, new Vocabulary(List.of()), term -> false, false).slots().stream()
                .filter(QueryPlan.Slot::filler).map(QueryPlan.Slot::surface).toList();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "wie lange dauert ein Token | DE | lange",
            "warum ist mein Konto getrennt | DE | warum",
            "combien de temps dure un jeton | FR | combien temps",
            "pourquoi mon compte est déconnecté | FR | pourquoi",
            "quanto tempo dura um token | PT | quanto tempo",
            "porque minha conta desconectou | PT | porque",
            "quanto tempo dura un token | IT | tempo",
            "posso riconnettere il mio account | IT | posso"})
    void questionWordsCountForLessInEveryLanguageWithAStemmer(String query, Chain chain, String expected) {
        assertEquals(List.of(expected.split(" ")), questionWords(query, chain));
    }
}
