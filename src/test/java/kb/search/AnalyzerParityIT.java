package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizerImpl;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the browser's {@code templates/assets/js/kb-analyzer.js}, run by {@code node}, turns
 * text into exactly the terms, surface words and offsets that Lucene's {@link KbAnalyzer} does.
 * Any difference means a reader's query would miss words the index holds, so the tolerance is zero.
 *
 * <p>Inputs: every word of the system dictionary (also through {@code stem()} and {@code
 * isStopWord()} alone), every line under {@code content/}, the edge cases in {@code
 * src/test/resources/analyzer/edge-cases.txt}, every Unicode code point in a few contexts, lone
 * surrogates, and seeded random text. Without {@code node} or a dictionary the tests are skipped,
 * or fail when the system property {@code kb.requireBrowser} is {@code true} (as CI sets it).
 *
 * <p>{@code node} runs {@code src/test/resources/analyzer/run-analyzer.js} over a temporary file,
 * one input per line; see that script for the format.
 */
class AnalyzerParityIT {
    private static final boolean REQUIRED = Boolean.getBoolean("kb.requireBrowser");
    private static final Path BASE = Path.of(System.getProperty("basedir", "."));
    private static final Path ANALYZER_JS = BASE.resolve("templates/assets/js/kb-analyzer.js");
    private static final Path HARNESS = BASE.resolve("src/test/resources/analyzer/run-analyzer.js");
    private static final Path EDGE_CASES = BASE.resolve("src/test/resources/analyzer/edge-cases.txt");
    private static final Path CONTENT = BASE.resolve("content");
    private static final List<Path> DICTIONARIES =
            List.of(Path.of("/usr/share/dict/words"), Path.of("/usr/share/dict/american-english"));
    /** How many differences a failure shows in full. */
    private static final int SHOWN = 25;

    // Separators of run-analyzer.js's output: control characters are never inside a token.
    private static final String ITEM = "\u0001";
    private static final String FIELD = "\u0002";
    private static final String PART = "\u0003";

    private static final Analyzer STEMMED = new KbAnalyzer(true);
    private static final Analyzer SURFACE = new KbAnalyzer(false);

    @TempDir static Path tmp;

    /** node's version, or null without node; asked once. */
    private static String nodeVersion;
    private static boolean nodeAsked;

    @BeforeEach
    void needsNode() {
        if (!nodeAsked) {
            nodeAsked = true;
            nodeVersion = nodeVersion();
            System.out.println("AnalyzerParityIT: node " + nodeVersion);
        }
        if (nodeVersion == null) {
            missing("`node` is not on the PATH, so the browser analyzer cannot be run");
        }
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? version : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void dictionaryWords() throws IOException {
        assertParity("dictionary words", dictionary());
    }

    @Test
    void stemmerAndStopWordsOnDictionaryWords() throws IOException {
        List<String> words =
                dictionary().stream()
                        .map(AnalyzerParityIT::javaLowerCase)
                        .distinct()
                        .collect(Collectors.toCollection(ArrayList::new));
        words.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.stream()
                .map(w -> new String((char[]) w)).collect(Collectors.toList()));
        List<String> js = runNode("stem", words);
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String expected = porter(w) + ITEM + EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w);
            if (!expected.equals(js.get(i))) {
                diffs.add(show(w) + "\n    Lucene: " + expected.replace(ITEM, "  stop word: ")
                        + "\n    JS:     " + js.get(i).replace(ITEM, "  stop word: "));
            }
        }
        report("stem()/isStopWord() on dictionary words", words.size(), diffs);
    }

    @Test
    void contentLines() throws IOException {
        if (!Files.isDirectory(CONTENT)) {
            System.out.println("AnalyzerParityIT: SKIPPED: no content/ directory to compare");
            Assumptions.abort("no content/ directory: nothing to compare");
        }
        List<String> lines = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CONTENT, FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        int read = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            if (isBinary(bytes)) {
                continue;
            }
            read++;
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString()
                    .lines()
                    .forEach(lines::add);
        }
        System.out.println("AnalyzerParityIT: " + read + " text files under content/");
        assertParity("content/ lines", lines);
    }

    @Test
    void edgeCases() throws IOException {
        List<String> lines = Files.readAllLines(EDGE_CASES, StandardCharsets.UTF_8);
        assertParity("edge cases", lines);
    }

    /**
     * Each code point (lone surrogates too) alone, doubled, between letters and between digits:
     * this covers the tokenizer's character classes and Java's lower-casing everywhere.
     */
    @Test
    void everyCodePoint() {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int inLine = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String c = new String(Character.toChars(cp));
            line.append("x").append(c).append("y 1").append(c).append("2 ").append(c).append(c)
                    .append(' ').append(c).append(" \t");
            if (++inLine == 16) {
                lines.add(line.toString());
                line.setLength(0);
                inLine = 0;
            }
        }
        lines.add(line.toString());
        assertParity("every code point", lines);
    }

    /**
     * Lone surrogates, which UTF-8 files cannot hold. JFlex drops the last match of a text that
     * ends in a high surrogate (all of it, if it is short); the JS does the same.
     */
    @Test
    void loneSurrogates() {
        String a254 = "a".repeat(254);
        assertParity("lone surrogates", List.of("abc def\uD800", "\uD800", "\uDC00", "abc\uDC00def",
                "abc\uD800def", "abc \uD800 def", "\uD83D\uDE00\uD800", "\uD800\uD83D\uDE00",
                a254 + "\uD800", a254 + "a\uD800", a254 + "aa\uD800", a254 + "\uD83D\uDE00",
                a254 + "\uD835\uDC00b", "x " + a254 + "\uD835\uDC00", ("word ".repeat(60)) + "\uD800",
                ("word ".repeat(60)) + "longer\uD800", "a".repeat(600) + "\uD800", "line\none\r\ntwo"));
    }

    /**
     * Random text from a small alphabet of letters, digits, joiners, apostrophes, surrogate pairs
     * and breaks, long enough to cross JFlex's 255-char buffer many times.
     */
    @Test
    void randomText() {
        String[] alphabet = {"a", "e", "y", "s", "B", "\u00e9", "\u0130", "\u03a3", "1", "0", ".", ",", "'",
            "\u2019", "_", "-", " ", " ", "\n", "\u0301", "\u200d", "\ufe0f", "\u20e3", "#", "\u00ad",
            "\uD83D\uDE00", "\uD83C\uDDFA", "\uD83C\uDFFD", "\uD835\uDC00", "\uD800", "\uDC00", "\u65e5",
            "\u30ab", "\u3042", "\uac00", "\u0e01", "\u05d0", "\"", "\u3000", "s'", "'s", "ing", "\udb40\udc41"};
        java.util.Random random = new java.util.Random(20240229);
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            int length = random.nextInt(n % 10 == 0 ? 1200 : 80);
            double breaks = new double[] {0, 0.005, 0.05, 0.3}[random.nextInt(4)];
            StringBuilder text = new StringBuilder();
            while (text.length() < length) {
                String piece = alphabet[random.nextInt(alphabet.length)];
                boolean isBreak = piece.equals(" ") || piece.equals("\n") || piece.equals("-");
                if (!isBreak || random.nextDouble() < breaks) {
                    text.append(piece);
                }
            }
            texts.add(text.toString());
        }
        assertParity("random text", texts);
    }

    /** The JS carries Lucene's tokenizer tables; regenerate them when Lucene changes. */
    @Test
    void tokenizerTablesAndVersionAreLucenes() throws Exception {
        assertEquals(KbAnalyzer.VERSION, runNode("version", List.of("")).get(0), "kbAnalyzer.VERSION");
        String js = Files.readString(ANALYZER_JS, StandardCharsets.UTF_8);
        String expected = LuceneTables.javaScript();
        StringBuilder actual = new StringBuilder();
        for (String name : LuceneTables.NAMES) {
            Matcher m = Pattern.compile("var " + name + " = '[^']*';").matcher(js);
            actual.append(m.find() ? m.group() : "(no " + name + ")").append('\n');
        }
        if (!expected.contentEquals(actual)) {
            Path fresh = BASE.resolve("target/kb-analyzer-tables.js");
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, expected, StandardCharsets.UTF_8);
            fail("The tokenizer tables in " + ANALYZER_JS + " are not Lucene's "
                    + org.apache.lucene.util.Version.LATEST + " StandardTokenizerImpl tables."
                    + " Lucene's, encoded the same way, are in " + fresh + ": paste them in,"
                    + " bump KbAnalyzer.VERSION and the JS VERSION, and rerun this test.");
        }
    }

    // ---- comparison ----

    private static void assertParity(String name, List<String> inputs) {
        List<String> js = runNode("lines", inputs);
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String expected = lucene(inputs.get(i));
            if (!expected.equals(js.get(i))) {
                diffs.add("line " + (i + 1) + ": " + show(inputs.get(i))
                        + "\n    Lucene: " + readable(expected) + "\n    JS:     " + readable(js.get(i)));
            }
        }
        report(name, inputs.size(), diffs);
    }

    private static void report(String name, int compared, List<String> diffs) {
        System.out.printf("AnalyzerParityIT: %s: %d inputs compared, %d differences%n", name, compared, diffs.size());
        if (!diffs.isEmpty()) {
            String shown = String.join("\n", diffs.subList(0, Math.min(SHOWN, diffs.size())));
            fail(name + ": " + diffs.size() + " of " + compared
                    + " inputs analyzed differently by kb-analyzer.js and Lucene. First ones:\n" + shown);
        }
    }

    /** Lucene's answer, in run-analyzer.js's "lines" format. */
    static String lucene(String text) {
        List<String> terms = new ArrayList<>();
        List<String> surfaces = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<int[]> offsets = new ArrayList<>();
        analyze(STEMMED, text, terms, offsets);
        analyze(SURFACE, text, surfaces, new ArrayList<>());
        if (terms.size() != surfaces.size()) {
            throw new AssertionError("stemmed and surface chains disagree on " + show(text));
        }
        for (int i = 0; i < terms.size(); i++) {
            tokens.add(terms.get(i) + PART + surfaces.get(i) + PART + offsets.get(i)[0] + PART + offsets.get(i)[1]);
        }
        return String.join(ITEM, terms) + FIELD + String.join(ITEM, surfaces) + FIELD + String.join(ITEM, tokens);
    }

    private static void analyze(Analyzer analyzer, String text, List<String> terms, List<int[]> offsets) {
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
                offsets.add(new int[] {offset.startOffset(), offset.endOffset()});
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lucene's Porter stemmer on one word (the class itself is package-private). */
    private static String porter(String word) {
        try (KeywordTokenizer tokenizer = new KeywordTokenizer();
                TokenStream ts = new PorterStemFilter(tokenizer)) {
            tokenizer.setReader(new StringReader(word));
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String result = ts.incrementToken() ? term.toString() : "";
            ts.end();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs run-analyzer.js in the given mode, one input per line; returns one output per input. */
    private static List<String> runNode(String mode, List<String> inputs) {
        try {
            Path in = Files.createTempFile(tmp, mode, ".in");
            Path out = Files.createTempFile(tmp, mode, ".out");
            Path err = Files.createTempFile(tmp, mode, ".err");
            Files.writeString(in, inputs.stream().map(s -> escape(s) + "\n").collect(Collectors.joining()),
                    StandardCharsets.ISO_8859_1);
            Process p = new ProcessBuilder("node", HARNESS.toString(), ANALYZER_JS.toString(), mode,
                            in.toString(), out.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(err.toFile())
                    .redirectErrorStream(true)
                    .start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("node " + HARNESS + " " + mode + " did not finish in 10 minutes");
            }
            if (p.exitValue() != 0) {
                fail("node " + HARNESS + " " + mode + " failed (exit " + p.exitValue() + "):\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            String text = Files.readString(out, StandardCharsets.ISO_8859_1);
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                lines.add(unescape(line));
            }
            lines.remove(lines.size() - 1); // every output line ends with \n
            assertEquals(inputs.size(), lines.size(), "kb-analyzer.js output lines for " + inputs.size() + " inputs");
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> dictionary() throws IOException {
        for (Path dict : DICTIONARIES) {
            if (Files.isReadable(dict)) {
                return Files.readAllLines(dict, StandardCharsets.UTF_8);
            }
        }
        missing("no word list at " + DICTIONARIES + " (Debian: apt-get install wamerican)");
        return List.of();
    }

    private static void missing(String what) {
        if (REQUIRED) {
            fail(what + "; kb.requireBrowser=true requires it");
        }
        System.out.println("AnalyzerParityIT: SKIPPED: " + what);
        Assumptions.abort(what + ": skipping the browser analyzer parity test");
    }

    private static boolean isBinary(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** The input with invisible and non-ASCII characters spelled out, for failure messages. */
    private static String show(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7F) {
                out.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp).append(String.format("<U+%04X>", cp));
            } else {
                out.append(String.format("<U+%04X>", cp));
            }
        });
        if (out.length() > 400) {
            out.setLength(400);
            out.append("...");
        }
        return out.append('"').toString();
    }

    /** One "lines" output as: analyze [..] surface [..] tokens [term/surface@start-end ..]. */
    private static String readable(String line) {
        String[] f = line.split(FIELD, -1);
        if (f.length != 3) {
            return "(malformed) " + show(line);
        }
        return "analyze " + list(f[0]) + "  surface " + list(f[1]) + "  tokens "
                + list(f[2].replace(PART + "", "/").replaceAll("/(\\d+)/(\\d+)(?=\u0001|$)", "@$1-$2"));
    }

    private static String list(String items) {
        return items.isEmpty() ? "[]" : "[" + String.join(", ", items.split(ITEM, -1)) + "]";
    }

    /** run-analyzer.js's file format: ASCII, with '"', '\\', control and non-ASCII chars as \\uXXXX. */
    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15])
                        .append(HEX[c & 15]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 5 < s.length() && s.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Java's per-code-point lower case, as LowerCaseFilter applies it. */
    private static String javaLowerCase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
        return out.toString();
    }

    /**
     * Lucene's StandardTokenizerImpl tables, read by reflection and encoded as kb-analyzer.js
     * carries them (see the comments there).
     */
    static final class LuceneTables {
        static final List<String> NAMES = List.of("CMAP", "TRANS", "ROWS", "FLAGS");
        private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        private static final String DIGITS = "0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~";
        private static final String B62 = "0123456789" + LETTERS;

        static String javaScript() throws ReflectiveOperationException {
            Method cmap = StandardTokenizerImpl.class.getDeclaredMethod("zzCMap", int.class);
            cmap.setAccessible(true);
            StringBuilder runs = new StringBuilder();
            int classes = 0;
            int[] cls = new int[Character.MAX_CODE_POINT + 2];
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                cls[cp] = (int) cmap.invoke(null, cp);
                classes = Math.max(classes, cls[cp] + 1);
            }
            cls[Character.MAX_CODE_POINT + 1] = -1;
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; ) {
                int end = cp + 1;
                while (cls[end] == cls[cp]) {
                    end++;
                }
                runs.append(LETTERS.charAt(cls[cp]));
                StringBuilder digits = new StringBuilder();
                for (int n = end - cp - 1; n > 0; n /= DIGITS.length()) {
                    digits.insert(0, DIGITS.charAt(n % DIGITS.length()));
                }
                runs.append(digits);
                cp = end;
            }
            int[] trans = field("ZZ_TRANS");
            int[] rowMap = field("ZZ_ROWMAP");
            int[] attributes = field("ZZ_ATTRIBUTE");
            int[] actions = field("ZZ_ACTION");
            StringBuilder rows = new StringBuilder();
            StringBuilder transitions = new StringBuilder();
            StringBuilder flags = new StringBuilder();
            List<Integer> distinct = new ArrayList<>();
            for (int state = 0; state < rowMap.length; state++) {
                int row = distinct.indexOf(rowMap[state]);
                if (row < 0) {
                    row = distinct.size();
                    distinct.add(rowMap[state]);
                    for (int c = 0; c < classes; c++) {
                        transitions.append(B62.charAt(trans[rowMap[state] + c] + 1));
                    }
                }
                rows.append(B62.charAt(row));
                // Action 1 is the catch-all rule, whose matches are skipped; the others are tokens.
                int f = (attributes[state] & 1) | ((attributes[state] & 8) != 0 ? 2 : 0) | (actions[state] > 1 ? 4 : 0);
                flags.append(f);
            }
            // Runs of 2..30 "no transition" zeros become one of DIGITS' punctuation chars.
            Matcher zeros = Pattern.compile("0{2,30}").matcher(transitions);
            StringBuilder packed = new StringBuilder();
            while (zeros.find()) {
                zeros.appendReplacement(packed, Matcher.quoteReplacement(
                        String.valueOf(DIGITS.charAt(8 + zeros.group().length()))));
            }
            zeros.appendTail(packed);
            return "var CMAP = '" + runs + "';\nvar TRANS = '" + packed + "';\nvar ROWS = '" + rows
                    + "';\nvar FLAGS = '" + flags + "';\n";
        }

        private static int[] field(String name) throws ReflectiveOperationException {
            Field f = StandardTokenizerImpl.class.getDeclaredField(name);
            f.setAccessible(true);
            return (int[]) f.get(null);
        }
    }
}
