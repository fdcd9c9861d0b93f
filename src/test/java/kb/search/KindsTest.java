package kb.search;

import static kb.search.TestRecords.article;
import static kb.search.TestRecords.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Words of one kind, mined from a help center's headings, and what they do to its ranking. */
class KindsTest {
    /** A help center that names Facebook everywhere, and whose LinkedIn page says "how long ... lasts" in a heading. */
    private static List<SearchRecord> tokens(boolean siblingTitles) {
        List<SearchRecord> records = new ArrayList<>(List.of(
                article("linkedin/expiry/", "LinkedIn yearly token expiry", "LinkedIn ends every token after a year."),
                section("linkedin/expiry/", "LinkedIn yearly token expiry", "how-long", "How long a LinkedIn token lasts",
                        "A LinkedIn token lasts 365 days, unless the account is inactive."),
                article("facebook/expired/", "Facebook token expired",
                        "Facebook ends a token after 60 days: a Facebook token lasts two months. Reconnect to get a new one."),
                article("facebook/password/", "Facebook password changes", "Changing your Facebook password disconnects it."),
                article("facebook/checkpoint/", "Facebook security checkpoint", "Facebook may ask you to confirm your identity."),
                article("facebook/roles/", "Facebook Page roles", "You need a Facebook Page role to connect a Page.")));
        if (siblingTitles) {
            records.add(article("facebook/revoked/", "Facebook access revoked", "Removing the app from Facebook disconnects it."));
            records.add(article("linkedin/revoked/", "LinkedIn access revoked", "Removing the app from LinkedIn disconnects it."));
        }
        return records;
    }

    private static List<String> kinds(List<SearchRecord> records) {
        String encoded = Kinds.encode(Kinds.mine(records, Chain.EN));
        return encoded.isEmpty() ? List.of() : List.of(encoded.split(","));
    }

    @Test
    void headingsWordedAlikeAroundDifferentNamesMakeThoseNamesOneKind() {
        assertEquals(List.of("facebook linkedin"), kinds(tokens(true)));
        assertEquals(List.of(), kinds(tokens(false)), "no two headings contrast them");
    }

    @Test
    void namesListedTogetherInAHeadingAreOneKind() {
        List<SearchRecord> records = new ArrayList<>(List.of(
                article("networks/", "Twitter, YouTube and Pinterest", "Three networks."),
                article("plans/", "Upgrade or downgrade", "Change your plan."),
                article("pinterest/", "Pinterest boards", "Boards."), article("twitter/", "Twitter threads", "Threads."),
                article("youtube/", "YouTube channels", "Channels."), article("upgrade/", "Upgrade to Pro", "Pro.")));
        // Names the help center goes by: each in two headings or more. "Downgrade" is named once.
        assertEquals(List.of("pinterest twitter youtub"), kinds(records));
        records.add(article("downgrade/", "Downgrade to Free", "Free."));
        assertEquals(List.of("downgrad upgrad", "pinterest twitter youtub"), kinds(records));
    }

    @Test
    void questionWordsAndTemplatesMakeNoKind() {
        List<SearchRecord> records = new ArrayList<>(List.of(
                section("a/", "A", "do", "What to do", "x"), section("b/", "B", "include", "What to include", "x")));
        // One wording around many words is a template ("Set up X for Facebook"), not a contrast.
        for (String feature : List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf")) {
            records.add(article(feature + "/", "Set up " + feature + " for Facebook", "x"));
            records.add(article(feature + "/limits/", feature + " limits", "x")); // named twice: a name, yet in a template
        }
        assertEquals(List.of(), kinds(records));
    }

    @Test
    void aHeadingAboutAnotherOfTheKindAskedForLosesToOneAboutTheOneAsked() {
        String query = "how long does a facebook token last";
        try (SearchIndex without = SearchIndexer.build(tokens(false), new ByteBuffersDirectory(), Map.of());
                SearchIndex with = SearchIndexer.build(tokens(true), new ByteBuffersDirectory(), Map.of())) {
            // Without the kind, LinkedIn's heading holds "how long", "token" and "lasts": it comes first.
            assertEquals("linkedin/expiry/#how-long", without.search(query, 10, false).get(0).url());
            // With it, LinkedIn's page is about another network than the one asked.
            List<Hit> hits = with.search(query, 10, false);
            assertEquals("facebook/expired/", hits.get(0).url());
            assertTrue(hits.stream().anyMatch(h -> h.url().startsWith("linkedin/expiry/")), "still found");
            // However many results are asked for, the first is the same.
            assertEquals(hits.get(0).url(), with.search(query, 1, false).get(0).url());
            // The one asked about is not demoted.
            assertEquals("linkedin/expiry/#how-long", with.search("how long does a linkedin token last", 10, false).get(0).url());
        }
    }
}
