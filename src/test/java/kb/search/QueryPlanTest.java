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
}
