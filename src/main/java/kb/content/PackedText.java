package kb.content;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A long text kept deflated until it is read. A build holds every article's Markdown, HTML and
 * plain text from the moment it is read or rendered until its page is written: about 1.2 GB at
 * 100,000 articles, which did not fit in a 1 GB heap; deflated (the fastest level) it is a third
 * of that. Short texts are kept as they are, where deflating gains little.
 * Equal texts are equal values: deflating is deterministic.
 */
public final class PackedText {
    /** Below this many characters a text is kept as a String. */
    private static final int PACK_FROM = 512;
    private static final PackedText EMPTY = new PackedText("", null, 0);

    // One deflater and inflater per thread, reused: each new one allocates and frees a quarter
    // of a megabyte of native memory, and a large build packs and unpacks a million texts.
    private static final ThreadLocal<Deflater> DEFLATER =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));

    private final String plain;
    private final byte[] packed;
    /** The length of the text's UTF-8 bytes, when packed. */
    private final int length;

    private PackedText(String plain, byte[] packed, int length) {
        this.plain = plain;
        this.packed = packed;
        this.length = length;
    }

    public static PackedText of(String text) {
        if (text.isEmpty()) {
            return EMPTY;
        }
        if (text.length() < PACK_FROM) {
            return new PackedText(text, null, 0);
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        Deflater d = DEFLATER.get();
        d.reset();
        d.setInput(utf8);
        d.finish();
        // Deflating never grows a text by more than a few bytes per 16 KB block.
        byte[] out = new byte[utf8.length + utf8.length / 1000 + 64];
        int n = 0;
        while (!d.finished()) {
            if (n == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            n += d.deflate(out, n, out.length - n);
        }
        return new PackedText(null, Arrays.copyOf(out, n), utf8.length);
    }

    /**
     * A text as {@link #deflated} and {@link #utf8Length} gave it out, taken without deflating it
     * again: the build cache keeps rendered documents this way, and reading 10,000 articles' back
     * as text to pack them anew was two fifths of opening it (JFR). Bytes that do not inflate to
     * {@code utf8Length} bytes of UTF-8 fail when the text is read.
     *
     * @param deflated handed over: the caller no longer changes it
     */
    public static PackedText ofDeflated(byte[] deflated, int utf8Length) {
        if (deflated.length == 0 || utf8Length <= 0) {
            throw new IllegalArgumentException("a packed text of " + utf8Length + " bytes from " + deflated.length);
        }
        return new PackedText(null, deflated, utf8Length);
    }

    /** The text's UTF-8 bytes as deflated (a copy), or null for a text kept as it is: then {@link #text} is the whole of it. */
    public byte[] deflated() {
        return packed == null ? null : packed.clone();
    }

    /** The length of the UTF-8 bytes {@link #deflated} inflates to (0 for a text kept as it is). */
    public int utf8Length() {
        return length;
    }

    public String text() {
        if (packed == null) {
            return plain;
        }
        Inflater in = INFLATER.get();
        in.reset();
        in.setInput(packed);
        byte[] utf8 = new byte[length];
        try {
            int n = 0;
            while (n < length) {
                int got = in.inflate(utf8, n, length - n);
                if (got == 0 && (in.finished() || in.needsInput())) {
                    break;
                }
                n += got;
            }
            if (n != length) {
                throw new IllegalStateException("packed text is " + n + " bytes, not " + length);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("packed text does not inflate", e);
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }

    public boolean isEmpty() {
        return packed == null && plain.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackedText p && length == p.length
                && (packed == null ? plain.equals(p.plain) : Arrays.equals(packed, p.packed));
    }

    @Override
    public int hashCode() {
        return packed == null ? plain.hashCode() : Arrays.hashCode(packed);
    }

    @Override
    public String toString() {
        return text();
    }
}
