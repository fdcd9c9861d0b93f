package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import kb.search.Analyses;
import org.junit.jupiter.api.Test;

/** The table of where each held entry starts finds every key put, and no other, however many there are. */
class EntryPlacesTest {
    @Test
    void findsEveryKeyPutPastWhatItWasMadeForAndNoOther() {
        Random random = new Random(7);
        Map<Analyses.Key, Long> expected = new HashMap<>();
        EntryPlaces places = new EntryPlaces(4);
        for (long place = 0; place < 5000; place++) {
            // Keys that differ in one part only, as near as digests never are.
            Analyses.Key key = place % 2 == 0 ? new Analyses.Key(random.nextLong(), 1, 2, 3) : new Analyses.Key(9, 9, 9, place);
            places.put(key, place);
            expected.put(key, place);
        }
        assertEquals(expected.size(), places.size());
        expected.forEach((key, place) -> assertEquals(place, places.get(key), key.toString()));
        assertEquals(-1, places.get(new Analyses.Key(9, 9, 9, -1)));
        assertEquals(-1, places.get(new Analyses.Key(9, 9, 8, 1)));
    }

    @Test
    void aKeyPutAgainTakesItsNewPlace() {
        EntryPlaces places = new EntryPlaces(2);
        Analyses.Key key = new Analyses.Key(1, 2, 3, 4);
        places.put(key, 10);
        places.put(key, 20);
        assertEquals(1, places.size());
        assertEquals(20, places.get(key));
    }

    @Test
    void addingAnotherTableKeepsThePlacesThisOneHas() {
        EntryPlaces whole = new EntryPlaces(2);
        EntryPlaces added = new EntryPlaces(2);
        Analyses.Key both = new Analyses.Key(1, 1, 1, 1);
        Analyses.Key only = new Analyses.Key(2, 2, 2, 2);
        whole.put(both, 1);
        added.put(both, 1L << 32 | 5);
        added.put(only, 1L << 32 | 9);
        whole.addAbsent(added);
        assertEquals(1, whole.get(both));
        assertEquals(1L << 32 | 9, whole.get(only));
        assertEquals(2, whole.size());
    }
}
