package kb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearMissTest {
    private static final List<String> KEYS = List.of("title", "summary", "tags", "lifespan_days", "inactivity_days");

    @Test
    void aTypoNamesTheKeyMeant() {
        assertEquals("did you mean 'title'?", NearMiss.hint("titel", KEYS));
        assertEquals("did you mean 'summary'?", NearMiss.hint("sumary", KEYS));
        assertEquals("did you mean 'tags'?", NearMiss.hint("Tags", KEYS));
    }

    @Test
    void aShortenedKeyNamesTheFullOne() {
        assertEquals("did you mean 'lifespan_days'?", NearMiss.hint("lifespan", KEYS));
        assertEquals("did you mean 'inactivity_days'?", NearMiss.hint("inactivity", KEYS));
    }

    @Test
    void somethingUnrelatedListsWhatIsKnown() {
        assertEquals("known: inactivity_days, lifespan_days, summary, tags, title", NearMiss.hint("layout", KEYS));
        assertEquals("known: inactivity_days, lifespan_days, summary, tags, title", NearMiss.hint("_days", KEYS),
                "two keys end that way: no guess");
    }
}
