package kb.search;

import static kb.search.TestRecords.article;
import static kb.search.TestRecords.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ranking on a small fixed corpus: what a customer typing into the search box should get. */
class SearchRankingTest {
    private static SearchIndex index;

    @BeforeAll
    static void index() {
        List<SearchRecord> records = List.of(
                article("facebook/password/", "Facebook password changes",
                        "Changing your Facebook password ends the token, so the account disconnects."),
                section("facebook/password/", "Facebook password changes", "what-to-do", "What to do",
                        "Reconnect the account after you change the password."),
                article("linkedin/expiry/", "LinkedIn token expiry",
                        "LinkedIn tokens expire every year; reconnect to get a new one."),
                section("linkedin/expiry/", "LinkedIn token expiry", "inactivity", "Inactivity rule",
                        "A token also expires after sixty days without activity such as publishing."),
                article("instagram/business/", "Instagram Business accounts",
                        "Instagram Business follows the rules of its Facebook Page."),
                article("twitter/", "Twitter connections", "Twitter tokens never expire."),
                article("gmb/", "Google My Business", "Google My Business tokens last a year."),
                article("youtube/", "YouTube connections", "YouTube tokens refresh each time they are used."),
                article("general/", "General questions",
                        "This page mentions linkedin once in passing, among many other words about accounts."),
                article("brazil/", "Brazil office hours", "Our support team in Brazil answers in Portuguese."),
                article("brain/", "Brain teasers", "Brain teasers for the team."),
                article("reconnect/", "How to reconnect an account",
                        "Open the social accounts screen and choose reconnect. Reconnecting creates a new token."),
                article("logout/", "Why you are disconnected", "A disconnected account must be reconnected."),
                article("exports/", "Exporting reports", "Download a report as a spreadsheet."),
                article("camera/", "Camera settings", "Long exposure photos need a steady hand."),
                article("queue/", "Rate limits", "When a network is busy, heavy throttling slows publishing down."),
                article("tone/", "Tone of voice", "Replies keep a friendly tone."),
                article("roles/", "Losing access to a Page", "The Page disconnects when whoever added it loses their role."),
                article("phone/", "Lost phone", "Lost your phone? Access your account with a backup code."));
        Map<String, List<String>> synonyms = Map.of(
                "facebook", List.of("fb"), "instagram", List.of("ig", "insta"), "linkedin", List.of("li"),
                "twitter", List.of("x"), "google my business", List.of("gmb", "google business profile"),
                "youtube", List.of("yt"), "disconnect", List.of("logged out", "unlinked", "kicked out"),
                "reconnect", List.of("reauth", "relink"));
        index = SearchIndexer.build(records, new ByteBuffersDirectory(), synonyms);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static String top(String query) {
        List<Hit> hits = index.search(query, 5, false);
        assertFalse(hits.isEmpty(), "no results for '" + query + "'");
        return hits.get(0).url();
    }

    @Test
    void titleMatchOutranksPassingBodyMention() {
        List<Hit> hits = index.search("linkedin", 10, false);
        assertEquals("linkedin/expiry/", hits.get(0).url());
        assertTrue(hits.stream().map(Hit::url).toList().indexOf("general/") > 0);
    }

    @Test
    void articleWhoseTitleNamesTheQueryRanksAboveItsOwnSection() {
        assertEquals("linkedin/expiry/", top("linkedin token expiry"));
    }

    @Test
    void sectionHitCarriesItsAnchor() {
        assertEquals("linkedin/expiry/#inactivity", top("inactivity rule"));
    }

    @ParameterizedTest
    @CsvSource({"facebok, facebook/password/", "linkdin, linkedin/expiry/", "instagarm, instagram/business/",
            "youtueb, youtube/"})
    void oneTypoStillFindsTheArticle(String query, String expected) {
        assertEquals(expected, top(query));
    }

    @Test
    void twoTyposInALongWordStillFind() {
        assertEquals("reconnect/", top("reconecting"));
    }

    @Test
    void theCorrectionMeantWinsOverARarerWordAsClose() {
        // "tokne" swaps two letters of "token", on many pages, and has one letter more than "tone",
        // on one page whose title it is.
        String top = top("tokne expiry");
        assertTrue(top.startsWith("linkedin/expiry/"), top);
        assertTrue(index.search("tokne", 10, false).get(0).url().matches("linkedin/expiry/.*|twitter/|gmb/|youtube/|reconnect/|facebook/password/"),
                "a page about tokens comes first");
    }

    @Test
    void aMisspellingOfFourLettersIsForgiven() {
        assertEquals("linkedin/expiry/", top("linkedin tokn"));
        assertEquals("reconnect/", top("reconnect acount"));
    }

    @Test
    void typoToleranceNeverBuriesAnExactHit() {
        assertEquals("brazil/", top("brazil"));
        assertFalse(index.search("brazil", 10, false).stream().anyMatch(h -> h.url().equals("brain/")),
                "an exact word must not also match words one typo away");
    }

    @Test
    void lastWordIsAPrefixWhileTyping() {
        assertEquals("youtube/", index.search("yout", 5, true).get(0).url());
        assertTrue(index.search("yout", 5, false).isEmpty(), "without prefix mode 'yout' is not a word");
    }

    @Test
    void completionsOfTheWordBeingTypedMatchTitlesNotPassingMentions() {
        List<String> urls = index.search("expo", 10, true).stream().map(Hit::url).toList();
        assertEquals("exports/", urls.get(0));
        assertFalse(urls.contains("camera/"), "'exposure' in running text is no completion of 'expo'");
        assertEquals("camera/", top("exposure"), "typed whole, the word finds its page");
    }

    @ParameterizedTest
    @CsvSource({"thro", "throt", "thrott", "throttl", "throttli", "throttlin", "throttling"})
    void aWordFoundOnlyInRunningTextKeepsItsResultsWhileTyped(String typed) {
        List<Hit> hits = index.search(typed, 5, true);
        assertFalse(hits.isEmpty(), "'" + typed + "' lost its results");
        assertEquals("queue/", hits.get(0).url());
    }

    @ParameterizedTest
    @CsvSource({"linkdi, linkedin/expiry/", "reconec, reconnect/", "instagar, instagram/business/",
            "token linkdi, linkedin/expiry/"})
    void aTypoInAWordStillBeingTypedKeepsItsResults(String typed, String expected) {
        List<Hit> hits = index.search(typed, 5, true);
        assertFalse(hits.isEmpty(), "'" + typed + "' lost its results");
        assertEquals(expected, hits.get(0).url());
    }

    @ParameterizedTest
    @CsvSource({"reaut, reconnect/", "reli, reconnect/", "unlin, logout/"})
    void aSynonymIsCompletedWhileTyped(String typed, String expected) {
        List<Hit> hits = index.search(typed, 5, true);
        assertFalse(hits.isEmpty(), "'" + typed + "' finds nothing");
        assertEquals(expected, hits.get(0).url());
    }

    @Test
    void aCompletedWordWithATypoIsNotReadAsAStart() {
        assertTrue(index.search("linkdi", 5, false).isEmpty(), "outside search-as-you-type 'linkdi' is no word");
    }

    @ParameterizedTest
    @CsvSource({"fb, facebook/password/", "ig, instagram/business/", "insta, instagram/business/",
            "li, linkedin/expiry/", "x, twitter/", "gmb, gmb/", "google business profile, gmb/", "yt, youtube/",
            "logged out, logout/", "unlinked, logout/", "kicked out, logout/", "reauth, reconnect/", "relink, reconnect/"})
    void synonymsFromKbYamlWork(String query, String expected) {
        assertEquals(expected, top(query));
    }

    @Test
    void anIrregularFormFindsThePageThatUsesAnotherFormOfTheWord() {
        // "lost" is not "losing" to the stemmer; without its forms, the page naming "lost" wins.
        assertEquals("roles/", top("lost access"));
        assertEquals("phone/", top("lost phone"));
    }

    @Test
    void aCustomersWholeQuestionFindsTheAnswer() {
        // The page, landing on its section that says what to do (its title names no "disconnected").
        String top = top("i changed my facebook password and now it's disconnected");
        assertTrue(top.startsWith("facebook/password/"), top);
    }

    @Test
    void aSectionCloseBehindItsPageIsWhereTheResultLandsUnlessThePageTitleSaysItAll() {
        // "inactivity" is in the section's heading, not in the page's title "LinkedIn token expiry".
        assertEquals("linkedin/expiry/#inactivity", top("linkedin token inactivity"));
        assertEquals("linkedin/expiry/", top("linkedin token expiry"));
    }

    @Test
    void aDataRowYieldsToTheArticleThatExplainsItYetAnswersWhatItAloneSays() {
        List<SearchRecord> records = List.of(
                article("youtube/", "YouTube connections", "YouTube tokens refresh each time Lofty uses them, so the"
                        + " connection stays up; a new password or a removed channel still disconnects it."),
                section("youtube/", "YouTube connections", "why", "Why YouTube stays connected",
                        "Each use refreshes the token, which is why it has no fixed lifespan."),
                article("linkedin/", "LinkedIn token expiry", "LinkedIn tokens last a year; reconnect before then."),
                row("youtube", "YouTube token lifespan", "No fixed lifespan. Reconnect: never needed."),
                row("linkedin", "LinkedIn token lifespan", "365 days. Reconnect: every year."));
        try (SearchIndex rows = SearchIndexer.build(records, new ByteBuffersDirectory(), Map.of())) {
            assertTrue(rows.search("youtube token", 5, false).get(0).url().startsWith("youtube/"),
                    "the article, not its line of the table");
            assertEquals("lifespans/#youtube", rows.search("youtube token lifespan", 5, false).get(0).url(),
                    "the row, when it is what was asked for");
        }
    }

    private static SearchRecord row(String id, String title, String text) {
        return new SearchRecord(SearchRecord.Kind.NETWORK, "lifespans/", id, title, "", "Token lifespans", "", "", text, 0);
    }

    @Test
    void whatTheNetworkSaysIsNotWhatTheCustomerAsksAbout() {
        // "says" is rare in help pages, so it weighed more than "restricted" in the share of the
        // query matched, and a page that quotes what LinkedIn says came first.
        List<SearchRecord> records = List.of(
                article("restricted/", "Restricted LinkedIn profile",
                        "LinkedIn restricts a profile after unusual activity; the account then disconnects."),
                article("avoid/", "Avoid LinkedIn restrictions", "Keep to LinkedIn's limits."),
                section("avoid/", "Avoid LinkedIn restrictions", "another-browser", "Sign in from another browser",
                        "If LinkedIn says it noticed something odd on your account, sign in from another browser."),
                article("pages/", "LinkedIn Pages", "Connect a LinkedIn Page to your account."),
                article("facebook/", "Restricted Facebook Page", "Facebook restricts a Page that breaks its rules."),
                article("twitter/", "Twitter connections", "Twitter tokens never expire."));
        try (SearchIndex said = SearchIndexer.build(records, new ByteBuffersDirectory(), Map.of())) {
            assertEquals("restricted/", said.search("linkedin says my account is restricted", 5, false).get(0).url());
        }
    }

    @Test
    void aQuestionThatAHeadingHoldsLandsOnThatSectionThoughThePageTitleNamesTheRest() {
        // The page's own record (title, summary, tags, introduction) outscores its sections.
        List<SearchRecord> records = List.of(
                new SearchRecord(SearchRecord.Kind.ARTICLE, "expiry/", null, "LinkedIn token expiry", "", "Help",
                        "When a LinkedIn token reaches its expiry.", "linkedin token expiry", "Every LinkedIn token reaches"
                        + " its expiry a year after it was issued; the LinkedIn token expiry date shows on the accounts screen.",
                        "expiry/".hashCode() & 0xffff),
                section("expiry/", "LinkedIn token expiry", "what-to-do", "What to do",
                        "Reconnect from the accounts screen before the date."),
                section("expiry/", "LinkedIn token expiry", "why", "Why tokens end", "LinkedIn asks for a new sign-in."),
                article("checkpoint/", "Facebook security checkpoint", "Facebook asks you to confirm who you are."),
                section("checkpoint/", "Facebook security checkpoint", "what-to-do", "What to do", "Follow Facebook's steps."),
                article("role/", "Insufficient Page role", "Your Page role is too low to publish."),
                section("role/", "Insufficient Page role", "what-to-do", "What to do", "Ask an admin for a higher role."));
        try (SearchIndex asked = SearchIndexer.build(records, new ByteBuffersDirectory(), Map.of())) {
            assertEquals("expiry/", asked.search("linkedin token expiry", 5, false).get(0).url());
            assertEquals("expiry/#what-to-do", asked.search("what do i do at linkedin token expiry", 5, false).get(0).url());
        }
    }

    @Test
    void aHeadingThatNamesTheWholeQueryLandsTheResultThoughThePageTitleNamesItAmongOtherThings() {
        List<SearchRecord> records = List.of(
                // The page's own record (summary, tags, introduction) outscores the section.
                new SearchRecord(SearchRecord.Kind.ARTICLE, "names/", null, "Real names and shared logins", "", "Help",
                        "Why networks flag made-up names and shared logins.", "real names, shared logins",
                        "Networks want real names on profiles. Shared logins make them suspicious: a shared login used from"
                        + " many places looks stolen, so keep shared logins to one person per login.", "names/".hashCode() & 0xffff),
                section("names/", "Real names and shared logins", "real-names", "Real names",
                        "Use the name on your ID."),
                section("names/", "Real names and shared logins", "shared-logins", "Shared logins across a team and its offices",
                        "One account used from many places looks stolen to a network."),
                article("password/", "Password changes", "A new password ends every session."));
        try (SearchIndex named = SearchIndexer.build(records, new ByteBuffersDirectory(), Map.of())) {
            assertEquals("names/#shared-logins", named.search("shared logins", 5, false).get(0).url(),
                    "the section about shared logins alone, not the page about names too");
            assertEquals("names/", named.search("real names shared logins", 5, false).get(0).url(),
                    "no heading names it all: the page does");
        }
    }

    @Test
    void aSymptomSaidWithNotLandsOnTheSectionWhoseHeadingSaysItOfAWordAsked() {
        List<SearchRecord> records = List.of(
                article("autofill/", "Autofill in the browser", "The extension fills sign-in forms."),
                section("autofill/", "Autofill in the browser", "fill", "Fill a login",
                        "Click the key icon and the extension fills the form."),
                section("autofill/", "Autofill in the browser", "nothing-filled", "When nothing is filled",
                        "The extension fills a form only at the address its login was saved for."),
                section("autofill/", "Autofill in the browser", "not-supported", "Forms we do not support",
                        "Some forms load inside another site's frame."),
                article("no-show/", "No-show fee", "A fee when the extension is not used for a form."),
                article("install/", "Install the extension", "Add the extension to your browser."));
        try (SearchIndex negated = SearchIndexer.build(records, new ByteBuffersDirectory(), Map.of())) {
            assertEquals("autofill/#fill", negated.search("extension fill form", 5, false).get(0).url(),
                    "without a negation the section that says most about filling answers");
            assertEquals("autofill/#nothing-filled", negated.search("extension does not fill form", 5, false).get(0).url(),
                    "the heading says 'nothing' about filling, as the customer says 'not'");
            assertEquals("autofill/#nothing-filled", negated.search("extension doesn’t fill form", 5, false).get(0).url(),
                    "a typographic apostrophe reads as the plain one");
        }
    }

    @Test
    void exactWordsRankAboveWordsThatOnlyShareTheStem() {
        List<Hit> hits = index.search("reconnecting", 10, false);
        assertEquals("reconnect/", hits.get(0).url(), "the article saying 'Reconnecting' comes first");
    }

    @Test
    void oddQueriesGetASensibleAnswerNeverAnException() {
        assertTrue(index.search("the and of", 10, true).isEmpty(), "only stop words");
        assertTrue(index.search("?!... ---", 10, true).isEmpty(), "only punctuation");
        assertFalse(index.search("token ".repeat(1000), 10, true).isEmpty(), "5,000 characters");
        index.search("title:( AND OR \" * ~", 10, true); // Lucene syntax is just text here
    }
}
