package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A short passage of a hit's text around the words that matched, for the command line (the
 * browser picks its passage the same way from the same stored text).
 */
final class Excerpts {
    static final int LENGTH = 160;

    private Excerpts() {
    }

    /** The window of about {@link #LENGTH} characters holding the most matched words, trimmed to words. */
    static String of(String text, Set<String> stems, Chain chain) {
        String flat = text.replaceAll("\\s+", " ").strip();
        List<int[]> matches = matches(flat, stems, chain);
        int bestStart = 0;
        int bestCount = 0;
        for (int i = 0; i < matches.size(); i++) {
            int start = matches.get(i)[0];
            int count = 0;
            for (int j = i; j < matches.size() && matches.get(j)[1] <= start + LENGTH; j++) {
                count++;
            }
            if (count > bestCount) {
                bestCount = count;
                bestStart = start;
            }
        }
        int from = Math.max(0, bestStart - 30);
        if (from > 0) {
            int space = flat.indexOf(' ', from);
            from = space < 0 || space > bestStart ? from : space + 1;
        }
        int to = Math.min(flat.length(), from + LENGTH);
        if (to < flat.length()) {
            int space = flat.lastIndexOf(' ', to);
            to = space > from ? space : to;
        }
        return (from > 0 ? "…" : "") + flat.substring(from, to) + (to < flat.length() ? "…" : "");
    }

    private static List<int[]> matches(String text, Set<String> stems, Chain chain) {
        List<int[]> out = new ArrayList<>();
        try (org.apache.lucene.analysis.Analyzer analyzer = chain.analyzer(true);
                TokenStream ts = analyzer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (stems.contains(term.toString())) {
                    out.add(new int[] {offset.startOffset(), offset.endOffset()});
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
