package kb.search;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * What a {@link MappingCharFilter} of one-character keys reads, the same characters and offsets,
 * at almost no cost on text that holds none of the keys. Lucene's filter looks every character up
 * in its map through a rolling buffer: in a cold 1,000-article build that was about 6% of the
 * CPU samples (JFR), for keys (curly apostrophes, an ampersand) that most texts do not hold. This
 * filter hands the characters on as they are read until the first key, and from that key on
 * reads through a {@code MappingCharFilter}, whose offsets it shifts by what it handed on.
 */
final class RareCharMapping extends CharFilter {
    /** Characters that each read as {@code replacement}; {@link #over} reads a text through them. */
    record Keys(String chars, NormalizeCharMap map) {
        static Keys of(String chars, String replacement) {
            NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
            chars.chars().forEach(c -> map.add(String.valueOf((char) c), replacement));
            return new Keys(chars, map.build());
        }

        Reader over(Reader reader) {
            return new RareCharMapping(this, reader);
        }
    }

    private final Keys keys;
    /** Characters handed on so far, each as read, while no key has been met. */
    private int passed;
    /** Non-null from the first key on: Lucene's filter over the rest of the text, from that key. */
    private MappingCharFilter mapped;

    private RareCharMapping(Keys keys, Reader input) {
        super(input);
        this.keys = keys;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (mapped != null) {
            return mapped.read(buffer, offset, length);
        }
        int n = input.read(buffer, offset, length);
        if (n <= 0) {
            return n;
        }
        int key = firstKey(buffer, offset, n);
        if (key < 0) {
            passed += n;
            return n;
        }
        // The characters before the key go as they are; from it on, the mapping filter reads.
        String rest = new String(buffer, key, offset + n - key);
        mapped = new MappingCharFilter(keys.map(), new Prefixed(rest, input));
        int plain = key - offset;
        passed += plain;
        return plain > 0 ? plain : mapped.read(buffer, offset, length);
    }

    @Override
    protected int correct(int currentOff) {
        return mapped == null || currentOff < passed ? currentOff : passed + mapped.correctOffset(currentOff - passed);
    }

    private int firstKey(char[] buffer, int offset, int n) {
        String chars = keys.chars();
        for (int i = offset, end = offset + n; i < end; i++) {
            if (chars.indexOf(buffer[i]) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code prefix}, then what is left of {@code rest}. */
    private static final class Prefixed extends Reader {
        private final String prefix;
        private final Reader rest;
        private int at;

        Prefixed(String prefix, Reader rest) {
            this.prefix = prefix;
            this.rest = rest;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (at < prefix.length()) {
                int n = Math.min(length, prefix.length() - at);
                prefix.getChars(at, at + n, buffer, offset);
                at += n;
                return n;
            }
            return rest.read(buffer, offset, length);
        }

        @Override
        public void close() {
            // the rest is the filter's input, which CharFilter#close closes
        }
    }
}
