package kb.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * What a {@link MappingCharFilter} of one-character keys reads, the same characters and offsets,
 * at almost no cost on text that holds none of the keys. Lucene's filter looks every character up
 * in its map through a rolling buffer: in a cold 1,000-article build that was about 6% of the
 * CPU samples (JFR), for keys (curly apostrophes, an ampersand) that most texts do not hold. This
 * filter reads its text whole on the first read (one field's text) and hands it to a
 * {@code MappingCharFilter} only when one of the keys occurs in it.
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
    /** The text as read whole, then either itself or the mapping filter over it; null before the first read. */
    private Reader text;
    /** Non-null when the text held a key: its offsets are the ones to correct. */
    private MappingCharFilter mapped;

    private RareCharMapping(Keys keys, Reader input) {
        super(input);
        this.keys = keys;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (text == null) {
            String all = readAll(input);
            if (holdsAny(all)) {
                mapped = new MappingCharFilter(keys.map(), new StringReader(all));
                text = mapped;
            } else {
                text = new StringReader(all);
            }
        }
        return text.read(buffer, offset, length);
    }

    @Override
    protected int correct(int currentOff) {
        return mapped == null ? currentOff : mapped.correctOffset(currentOff);
    }

    private boolean holdsAny(String all) {
        for (int i = 0; i < keys.chars().length(); i++) {
            if (all.indexOf(keys.chars().charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] chunk = new char[4096];
        for (int n; (n = reader.read(chunk)) != -1; ) {
            all.append(chunk, 0, n);
        }
        return all.toString();
    }
}
