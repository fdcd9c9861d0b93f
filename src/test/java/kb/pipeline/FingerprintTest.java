package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The build cache trusts a page or document whose key matches: keys must tell inputs apart. */
class FingerprintTest {
    private static byte[] of(String text) {
        return new Fingerprint().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSameBytesFedInPiecesGiveTheSameKey() {
        byte[] text = "A token lasts sixty days.".getBytes(StandardCharsets.UTF_8);
        MessageDigest pieces = new Fingerprint();
        pieces.update(text, 0, 7);
        pieces.update(text[7]);
        pieces.update(Arrays.copyOfRange(text, 8, text.length));
        assertArrayEquals(of("A token lasts sixty days."), pieces.digest());
    }

    @Test
    void aDigestStartsTheNextOneAfresh() {
        MessageDigest d = new Fingerprint();
        d.update("first page".getBytes(StandardCharsets.UTF_8));
        d.digest();
        assertArrayEquals(of("second page"), d.digest("second page".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void editsOfOneCharacterAndSwappedCharactersGiveOtherKeys() {
        Set<String> keys = new HashSet<>();
        String base = "Reconnect Facebook every 60 days.";
        keys.add(Arrays.toString(of(base)));
        for (int i = 0; i < base.length(); i++) {
            char[] edited = base.toCharArray();
            edited[i]++;
            keys.add(Arrays.toString(of(new String(edited))));
            if (i + 1 < base.length() && base.charAt(i) != base.charAt(i + 1)) {
                char[] swapped = base.toCharArray();
                swapped[i] = base.charAt(i + 1);
                swapped[i + 1] = base.charAt(i);
                keys.add(Arrays.toString(of(new String(swapped))));
            }
        }
        long swaps = java.util.stream.IntStream.range(0, base.length() - 1)
                .filter(i -> base.charAt(i) != base.charAt(i + 1)).count();
        assertEquals(1 + base.length() + swaps, keys.size());
    }

    @Test
    void aTextAndTheSameTextWithAZeroByteMoreDiffer() {
        assertFalse(Arrays.equals(of("page"), of("page\0")));
        assertEquals(24, of("").length);
    }
}
