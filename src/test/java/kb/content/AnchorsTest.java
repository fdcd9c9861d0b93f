package kb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnchorsTest {
    @Test
    void slugsAreLowerCaseWordsJoinedByHyphens() {
        assertEquals("why-linkedin-disconnects-after-60-days", Anchors.slug("Why LinkedIn disconnects after 60 days?"));
        assertEquals("step-1-open-settings", Anchors.slug("  Step 1: open *Settings*  "));
    }

    @Test
    void accentsAreDroppedSoSlugsStayAscii() {
        assertEquals("cafe-a-la-creme", Anchors.slug("Café à la crème"));
        assertEquals("reconnecter-linkedin", Anchors.slug("Réconnecter LinkedIn"));
    }

    @Test
    void textWithoutLatinLettersOrDigitsGivesAnEmptySlug() {
        assertEquals("", Anchors.slug("日本語"));
        assertEquals("", Anchors.slug("!!!"));
    }

    @Test
    void longSlugsAreCutAtAWordBoundaryUnder80Characters() {
        String slug = Anchors.slug("word ".repeat(40));
        assertTrue(slug.length() <= 80, slug);
        assertFalse(slug.endsWith("-"), slug);
    }

    @Test
    void aPinnedIdAndItsAliasesAreSplitFromTheHeading() {
        Anchors.HeadingText h = Anchors.parse("Reconnect your Page {#reconnect #old-anchor #older}");
        assertEquals("Reconnect your Page", h.text());
        assertEquals("reconnect", h.pinnedId());
        assertEquals(List.of("old-anchor", "older"), h.aliases());
    }

    @Test
    void bracesThatAreNotAPinnedIdStayInTheText() {
        Anchors.HeadingText h = Anchors.parse("Use {curly} braces {#../etc}");
        assertEquals("Use {curly} braces {#../etc}", h.text());
        assertNull(h.pinnedId());
    }

    @Test
    void onlyUrlSafeIdsAreValid() {
        assertTrue(Anchors.isValid("token-expiry-2"));
        for (String bad : List.of("", "-x", "A", "a/b", "..", "a b", "javascript:x", "a\\b", "é")) {
            assertFalse(Anchors.isValid(bad), bad);
        }
    }
}
