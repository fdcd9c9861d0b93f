package kb.search;

import static kb.search.TestRecords.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The support desk's other words for a word: found where the pages say it otherwise, unless kb.yaml says otherwise. */
class SupportTermsTest {
    private static final List<SearchRecord> PAGES = List.of(
            article("cancel/", "Cancel your subscription", "Stop paying at any time: choose Cancel in Billing."),
            article("emails/", "Stop emails", "Pick which emails reach you, or turn them all off."),
            article("pricing/", "Plans and pricing", "What each plan costs per month."));

    private static List<String> urls(Map<String, List<String>> synonyms, String query) {
        try (SearchIndex index = SearchIndexer.build(PAGES, new ByteBuffersDirectory(), synonyms)) {
            return index.search(query, 5, false).stream().map(Hit::url).toList();
        }
    }

    @Test
    void aCustomersWordFindsThePageThatSaysItOtherwise() {
        assertEquals(List.of("cancel/"), urls(Map.of(), "unsubscribe"));
        assertEquals("pricing/", urls(Map.of(), "fee").get(0));
    }

    @Test
    void theCustomersOwnWordStillComesFirst() {
        // "cost" is in the group of "fee" and "price": the page that says "costs" wins over the one that says "pricing".
        assertEquals(List.of("pricing/"), urls(Map.of(), "cost"));
    }

    @Test
    void aWordKbYamlListsWithNoOtherWayToTypeItMeansOnlyItself() {
        assertEquals(List.of(), urls(Map.of("unsubscribe", List.of()), "unsubscribe"));
        assertEquals(List.of("cancel/"), urls(Map.of("terminate", List.of()), "unsubscribe"), "only the word listed");
    }

    @Test
    void kbYamlsOtherGroupsAddToTheBuiltInOnes() {
        // Here "unsubscribe" is also "stop emails", at full weight: the page so titled first, cancelling still found.
        assertEquals(List.of("emails/", "cancel/"), urls(Map.of("unsubscribe", List.of("stop emails")), "unsubscribe"));
    }

    @Test
    void twoWordsInARowStandForTheWordTheyMean() {
        List<SearchRecord> pages = List.of(
                article("logout/", "Logout and sessions", "A logout ends every session on every device."),
                article("logs/", "Log files", "Download the log of what changed and who changed it."));
        try (SearchIndex index = SearchIndexer.build(pages, new ByteBuffersDirectory(), Map.of())) {
            assertEquals("logout/", index.search("logged out", 5, false).get(0).url());
            assertEquals("logs/", index.search("log", 5, false).get(0).url(), "one word alone is no phrase");
            assertEquals("logs/", index.search("out log", 5, false).get(0).url(), "nor two in the other order");
        }
    }

    @Test
    void anAbbreviationFindsThePageThatSpellsItOut() {
        List<SearchRecord> pages = List.of(
                article("two-step/", "Two-step verification", "Turn on two-step verification to protect your account."),
                article("sso/", "Single sign-on", "Connect your identity provider so that staff use single sign-on."),
                article("alerts/", "Alerts", "Choose which alerts reach you by email."),
                article("steps/", "First steps", "Two quick steps to verify your email address."));
        try (SearchIndex index = SearchIndexer.build(pages, new ByteBuffersDirectory(), Map.of())) {
            assertEquals("two-step/", index.search("2fa", 5, false).get(0).url());
            assertEquals("two-step/", index.search("mfa setup", 5, false).get(0).url());
            assertEquals("sso/", index.search("sso", 5, false).get(0).url());
            assertEquals("alerts/", index.search("notifications", 5, false).get(0).url());
        }
    }

    @Test
    void whatAQuestionAsksForFindsThePageThatNamesIt() {
        List<SearchRecord> pages = List.of(
                article("why/", "Why payments fail", "A card can be declined by the bank or be out of date."),
                article("cards/", "Card payments", "Clients pay by card; each payment shows on the invoice."),
                article("tokens/", "Token lifespans", "Each token lasts a set time before you sign in again."),
                article("sessions/", "Sessions", "A session ends when you close the browser; a long one is no risk."));
        try (SearchIndex index = SearchIndexer.build(pages, new ByteBuffersDirectory(), Map.of())) {
            assertEquals("why/", index.search("payment failure reasons", 5, false).get(0).url(), "reasons: why");
            assertEquals("tokens/", index.search("how long does a session token last", 5, false).get(0).url(),
                    "how long: lifespan");
        }
    }

    @Test
    void spanishHasItsOwnGroups() {
        Forms terms = Chain.ES.supportTerms();
        assertTrue(terms.of(Chain.ES.stem("expirado")).contains(Chain.ES.stem("caducado")));
        assertEquals(List.of(), Chain.DE.supportTerms().of(Chain.DE.stem("kündigen")));
    }
}
