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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
    private static final Path JS = BASE.resolve("templates/assets/js");
    private static final Path ANALYZER_JS = JS.resolve(Chain.EN.script());
    private static final Path HARNESS = BASE.resolve("src/test/resources/analyzer/run-analyzer.js");
    private static final Path EDGE_CASES = BASE.resolve("src/test/resources/analyzer/edge-cases.txt");
    private static final Path CONTENT = BASE.resolve("content");
    private static final Path SITES = BASE.resolve("src/test/resources/sites");
    private static final Path LANGUAGE_EDGE_CASES = BASE.resolve("src/test/resources/analyzer/edge-cases-languages.txt");
    private static final List<Path> DICTIONARIES =
            List.of(Path.of("/usr/share/dict/words"), Path.of("/usr/share/dict/american-english"));
    /** How many differences a failure shows in full. */
    private static final int SHOWN = 25;

    // Separators of run-analyzer.js's output: control characters are never inside a token.
    private static final String ITEM = "\u0001";
    private static final String FIELD = "\u0002";
    private static final String PART = "\u0003";


    /** Per chain: the stemmed (indexed terms) and the surface analyzer. */
    private static final Map<Chain, Analyzer[]> ANALYZERS = new EnumMap<>(Chain.class);

    static {
        for (Chain chain : Chain.values()) {
            ANALYZERS.put(chain, new Analyzer[] {chain.analyzer(true), chain.analyzer(false)});
        }
    }

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
        assertParity(Chain.EN, "dictionary words", dictionary());
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
        Future<List<String>> node = NODE.submit(() -> runNode(Chain.EN, "stem", words));
        List<String> lucene = words.stream().map(w -> porter(w) + ITEM + EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w)).toList();
        List<String> js = join(node);
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String expected = lucene.get(i);
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
        assertParity(Chain.EN, "content/ lines", lines(CONTENT));
    }

    /** Every line of every text file under {@code dir}. */
    private static List<String> lines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
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
        System.out.println("AnalyzerParityIT: " + read + " text files under " + dir);
        return lines;
    }

    @Test
    void edgeCases() throws IOException {
        List<String> lines = Files.readAllLines(EDGE_CASES, StandardCharsets.UTF_8);
        assertParity(Chain.EN, "edge cases", lines);
    }

    /**
     * Each code point (lone surrogates too) alone, doubled, between letters and between digits:
     * this covers the tokenizer's character classes and Java's lower-casing everywhere.
     */
    @Test
    void everyCodePoint() {
        assertParity(Chain.EN, "every code point", everyCodePointLines());
    }

    private static List<String> everyCodePointLines() {
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
        return lines;
    }

    /**
     * Lone surrogates, which UTF-8 files cannot hold. JFlex drops the last match of a text that
     * ends in a high surrogate (all of it, if it is short); the JS does the same.
     */
    @Test
    void loneSurrogates() {
        assertParity(Chain.EN, "lone surrogates", loneSurrogateLines());
    }

    private static List<String> loneSurrogateLines() {
        String a254 = "a".repeat(254);
        return List.of("abc def\uD800", "\uD800", "\uDC00", "abc\uDC00def",
                "abc\uD800def", "abc \uD800 def", "\uD83D\uDE00\uD800", "\uD800\uD83D\uDE00",
                a254 + "\uD800", a254 + "a\uD800", a254 + "aa\uD800", a254 + "\uD83D\uDE00",
                a254 + "\uD835\uDC00b", "x " + a254 + "\uD835\uDC00", ("word ".repeat(60)) + "\uD800",
                ("word ".repeat(60)) + "longer\uD800", "a".repeat(600) + "\uD800", "line\none\r\ntwo");
    }

    /**
     * Random text from a small alphabet of letters, digits, joiners, apostrophes, surrogate pairs
     * and breaks, long enough to cross JFlex's 255-char buffer many times.
     */
    @Test
    void randomText() {
        assertParity(Chain.EN, "random text", randomText(20_000, new String[] {"a", "e", "y", "s", "B", "\u00e9", "\u0130", "\u03a3", "1", "0", ".", ",", "'",
            "\u2019", "_", "-", " ", " ", "\n", "\u0301", "\u200d", "\ufe0f", "\u20e3", "#", "\u00ad",
            "\uD83D\uDE00", "\uD83C\uDDFA", "\uD83C\uDFFD", "\uD835\uDC00", "\uD800", "\uDC00", "\u65e5",
            "\u30ab", "\u3042", "\uac00", "\u0e01", "\u05d0", "\"", "\u3000", "s'", "'s", "ing", "\udb40\udc41"}));
    }

    private static List<String> randomText(int count, String[] alphabet) {
        java.util.Random random = new java.util.Random(20240229);
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < count; n++) {
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
        return texts;
    }

    /** The JS carries Lucene's tokenizer tables; regenerate them when Lucene changes. */
    @Test
    void tokenizerTablesAndVersionAreLucenes() throws Exception {
        assertEquals(KbAnalyzer.VERSION, runNode(Chain.EN, "version", List.of("")).get(0), "kbAnalyzer.VERSION");
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

    // ---- the other languages' chains (kb-analyzer-<language>.js) ----

    /** Every chain but English, each with its browser file. */
    static Stream<Chain> languages() {
        return Stream.of(Chain.values()).filter(chain -> chain != Chain.EN);
    }

    /** Debian's word list for a language, and its package. */
    private static final Map<Chain, String[]> WORD_LISTS = Map.of(
            Chain.ES, new String[] {"/usr/share/dict/spanish", "wspanish"},
            Chain.DE, new String[] {"/usr/share/dict/ngerman", "wngerman"},
            Chain.FR, new String[] {"/usr/share/dict/french", "wfrench"},
            Chain.PT, new String[] {"/usr/share/dict/portuguese", "wportuguese"},
            Chain.IT, new String[] {"/usr/share/dict/italian", "witalian"});

    /**
     * The words a chain is tried on: Debian's list for its language; for Arabic (Debian has none)
     * words built from the Arabic block's letters, marks, digits and the prefixes and suffixes its
     * stemmer knows; for CJK and the standard chain, runs of Han, kana (full and half width, with
     * voicing marks), Hangul and full-width Latin, as well as the English list.
     */
    private static List<String> words(Chain chain) throws IOException {
        if (WORD_LISTS.containsKey(chain)) {
            String[] list = WORD_LISTS.get(chain);
            return wordList(List.of(Path.of(list[0])), list[1]);
        }
        java.util.Random random = new java.util.Random(17);
        List<String> out = new ArrayList<>();
        if (chain == Chain.AR) {
            String[] prefixes = {"", "", "\u0627\u0644", "\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644",
                "\u0641\u0627\u0644", "\u0644\u0644", "\u0648", "\u0623", "\u0625", "\u0622"};
            String[] suffixes = {"", "", "\u0647\u0627", "\u0627\u0646", "\u0627\u062a", "\u0648\u0646", "\u064a\u0646",
                "\u064a\u0647", "\u064a\u0629", "\u0647", "\u0629", "\u064a", "\u0649"};
            for (int n = 0; n < 60_000; n++) {
                StringBuilder w = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
                for (int k = random.nextInt(5); k >= 0; k--) {
                    w.appendCodePoint(0x0620 + random.nextInt(0x2B)); // letters (and a few others)
                    if (random.nextInt(3) == 0) {
                        w.appendCodePoint(0x064B + random.nextInt(8)); // harakat
                    }
                    if (random.nextInt(12) == 0) {
                        w.append(random.nextBoolean() ? '\u0640' : (char) (0x0660 + random.nextInt(10))); // tatweel, digit
                    }
                    if (random.nextInt(40) == 0) {
                        w.appendCodePoint(0x0600 + random.nextInt(0x100)); // anything of the block
                    }
                }
                out.add(w.append(suffixes[random.nextInt(suffixes.length)]).toString());
            }
            return out;
        }
        int[][] ranges = {{0x4E00, 0x9FFF}, {0x3041, 0x309F}, {0x30A0, 0x30FF}, {0xFF65, 0xFF9F}, {0xAC00, 0xD7A3},
            {0xFF01, 0xFF5E}, {0x1100, 0x11FF}, {0x3400, 0x4DBF}, {0x20000, 0x2A6DF}, {0x3000, 0x303F}};
        for (int n = 0; n < 60_000; n++) {
            StringBuilder w = new StringBuilder();
            int[] range = ranges[random.nextInt(ranges.length)];
            for (int k = random.nextInt(6); k >= 0; k--) {
                if (random.nextInt(4) == 0) {
                    range = ranges[random.nextInt(ranges.length)];
                }
                w.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
            }
            out.add(w.toString());
        }
        if (Files.isReadable(DICTIONARIES.get(1))) {
            out.addAll(Files.readAllLines(DICTIONARIES.get(1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void languageWords(Chain chain) throws IOException {
        assertParity(chain, "words", words(chain));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void languageStemmerAndStopWords(Chain chain) throws IOException {
        List<String> words = words(chain).stream().map(AnalyzerParityIT::javaLowerCase).distinct()
                .collect(Collectors.toCollection(ArrayList::new));
        for (Object stop : chain.stopWords()) {
            words.add(new String((char[]) stop));
        }
        Future<List<String>> node = NODE.submit(() -> runNode(chain, "stem", words));
        // One stemmer for the whole list (what Chain.stem builds per call), as the index reads a vocabulary.
        java.util.function.UnaryOperator<String> stemmer = chain.wordStemmer();
        List<String> lucene = words.stream().map(w -> stemmer.apply(w) + ITEM + chain.stopWords().contains(w)).toList();
        List<String> js = join(node);
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String expected = lucene.get(i);
            if (!expected.equals(js.get(i))) {
                diffs.add(show(w) + "\n    Lucene: " + expected.replace(ITEM, "  stop word: ")
                        + "\n    JS:     " + js.get(i).replace(ITEM, "  stop word: "));
            }
        }
        report(chain.version() + ": stem()/isStopWord()", words.size(), diffs);
    }

    /** Every line of content/ and of the test sites (the German, Arabic and Japanese ones among them). */
    @ParameterizedTest
    @MethodSource("languages")
    void languageContentLines(Chain chain) throws IOException {
        List<String> lines = new ArrayList<>(Files.isDirectory(CONTENT) ? lines(CONTENT) : List.of());
        lines.addAll(lines(SITES));
        assertParity(chain, "content lines", lines);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void languageEdgeCases(Chain chain) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(EDGE_CASES, StandardCharsets.UTF_8));
        lines.addAll(Files.readAllLines(LANGUAGE_EDGE_CASES, StandardCharsets.UTF_8));
        lines.addAll(loneSurrogateLines());
        assertParity(chain, "edge cases", lines);
    }

    /** The last code point the CJK chain is run over: planes 0 to 3, every assigned letter. */
    private static final int LAST_LETTER_PLANE = 0x3FFFF;
    /**
     * The last code point the other language chains are run over: planes 0 and 1. Planes 2 and 3
     * hold only Han ideographs, which only the CJK chain treats differently from the tokenizer all
     * chains share (pairs them); {@link #everyCodePoint} runs that tokenizer over every plane.
     */
    private static final int LAST_NON_HAN_PLANE = 0x1FFFF;

    /**
     * Each code point doubled, inside a Latin word, and beside Han, kana (full and half width),
     * Hangul and Arabic characters: every filter of the chain meets every character that can be
     * part of a word. Planes 4 to 13 hold no character, and 14 to 16 only format characters and
     * private use, which {@link #everyCodePoint} already sends through the tokenizer all chains
     * share; leaving them out takes the eight chains from about 9 minutes to about 2.
     */
    @ParameterizedTest
    @MethodSource("languages")
    void languageEveryCodePoint(Chain chain) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int last = chain == Chain.CJK ? LAST_LETTER_PLANE : LAST_NON_HAN_PLANE;
        for (int cp = 0; cp <= last; cp++) {
            String c = new String(Character.toChars(cp));
            line.append("x").append(c).append("y ").append(c).append(c).append(" \u30a2").append(c).append("\u30a2 \u6771")
                    .append(c).append("\u4eac \ud55c").append(c).append(" \uff76").append(c).append(" \u0628").append(c)
                    .append("\u0627 ");
            if (cp % 16 == 15) {
                lines.add(line.toString());
                line.setLength(0);
            }
        }
        assertParity(chain, "every code point", lines);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void languageRandomText(Chain chain) {
        assertParity(chain, "random text", randomText(10_000, new String[] {"a", "e", "u", "s", "x", "r", "B", "\u00e9",
            "\u00e4", "\u00fc", "\u00df", "\u00c4", "ae", "ue", "oe", "\u00e7", "\u00e3o", "\u00f5es", "ment", "ione",
            "l'", "dell'", "qu\u2019", "L'", "'", "\u2019", "1", "\u0661", "\u06f5", ".", ",", "_", "-", " ", " ", "\n",
            "\u0627\u0644", "\u0648", "\u0628", "\u064e", "\u0651", "\u0640", "\u0629", "\u0649", "\u0623",
            "\u4e00", "\u6771", "\u3042", "\u30a2", "\u30ab", "\uff76", "\uff9e", "\uff9f", "\uff21", "\uac00",
            "\ud55c", "\u3000", "\u3002", "\u200d", "\u0301", "\uD840\uDC00", "\uD83D\uDE00", "\uD800", "the", "www"}));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void languageVersion(Chain chain) {
        assertEquals(chain.version(), runNode(chain, "version", List.of("")).get(0), chain.script() + " VERSION");
    }

    /** kb-analyzer-cjk.js's KINDS: which tokens Lucene's tokenizer types as Han, kana or Hangul. */
    @Test
    void cjkKindsAreLucenes() throws Exception {
        String js = Files.readString(JS.resolve(Chain.CJK.script()), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("var KINDS = '([^']*)';").matcher(js);
        String expected = LuceneTables.cjkKinds();
        assertEquals(expected, m.find() ? m.group(1) : "(no KINDS in " + Chain.CJK.script() + ")",
                "KINDS in " + Chain.CJK.script() + " (Lucene's, by character class)");
    }

    @Test
    void italianArticlesAreLucenes() throws ReflectiveOperationException {
        Field f = org.apache.lucene.analysis.it.ItalianAnalyzer.class.getDeclaredField("DEFAULT_ARTICLES");
        f.setAccessible(true);
        org.apache.lucene.analysis.CharArraySet lucene = (org.apache.lucene.analysis.CharArraySet) f.get(null);
        assertEquals(strings(lucene), strings(Chain.ITALIAN_ARTICLES));
    }

    private static java.util.SortedSet<String> strings(org.apache.lucene.analysis.CharArraySet set) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        set.forEach(o -> out.add(new String((char[]) o)));
        return out;
    }

    // ---- comparison ----

    /**
     * node's processes at a time: with this thread computing Lucene's side, the two sides of a
     * comparison use two cores, and two parts of node's side run side by side.
     */
    private static final ExecutorService NODE = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "AnalyzerParityIT-node");
        thread.setDaemon(true);
        return thread;
    });

    private static void assertParity(Chain chain, String name, List<String> inputs) {
        // node answers with a digest of each input's "lines" output; Lucene's answer is digested
        // the same way, so every character of every term, surface word and offset still counts.
        // Parts of at most 100,000 inputs and at least two, so that both cores are busy.
        int parts = Math.max(2, 2 * ((inputs.size() + 199_999) / 200_000));
        int size = Math.max(1, (inputs.size() + parts - 1) / parts);
        List<Future<List<String>>> node = new ArrayList<>();
        for (int from = 0; from < inputs.size(); from += size) {
            List<String> part = inputs.subList(from, Math.min(inputs.size(), from + size));
            node.add(NODE.submit(() -> runNode(chain, "digests", part)));
        }
        // Lucene's side on every core too: when node's parts finish first (the code point runs),
        // this side was the one left running alone. Analyzers keep a token stream per thread.
        List<String> lucene = inputs.parallelStream().map(input -> digest(lucene(chain, input))).toList();
        List<String> js = new ArrayList<>(inputs.size());
        node.forEach(part -> js.addAll(join(part)));
        List<Integer> differing = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!lucene.get(i).equals(js.get(i))) {
                differing.add(i);
            }
        }
        // The inputs a failure shows are run again for node's whole answer.
        List<Integer> shown = differing.subList(0, Math.min(SHOWN, differing.size()));
        List<String> full = shown.isEmpty() ? List.of() : runNode(chain, "lines", shown.stream().map(inputs::get).toList());
        List<String> diffs = new ArrayList<>();
        for (int k = 0; k < shown.size(); k++) {
            String input = inputs.get(shown.get(k));
            diffs.add("line " + (shown.get(k) + 1) + ": " + show(input)
                    + "\n    Lucene: " + readable(lucene(chain, input)) + "\n    JS:     " + readable(full.get(k)));
        }
        report(chain.version() + ": " + name, inputs.size(), differing.size(), diffs);
    }

    private static void report(String name, int compared, List<String> diffs) {
        report(name, compared, diffs.size(), diffs);
    }

    /** Fails with how many inputs differ and the first {@link #SHOWN} of {@code diffs}. */
    private static void report(String name, int compared, int differing, List<String> diffs) {
        System.out.printf("AnalyzerParityIT: %s: %d inputs compared, %d differences%n", name, compared, differing);
        if (differing > 0) {
            String shown = String.join("\n", diffs.subList(0, Math.min(SHOWN, diffs.size())));
            fail(name + ": " + differing + " of " + compared
                    + " inputs analyzed differently by the browser chain and Lucene. First ones:\n" + shown);
        }
    }

    /** run-analyzer.js's "digests": SHA-1 of the UTF-16 code units, little-endian (lone surrogates as they are), base64. */
    static String digest(String s) {
        byte[] units = new byte[2 * s.length()];
        for (int i = 0; i < s.length(); i++) {
            units[2 * i] = (byte) s.charAt(i);
            units[2 * i + 1] = (byte) (s.charAt(i) >> 8);
        }
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(units));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
    }

    /** A node run's answer; its failure (an assertion) is thrown here, in the test's thread. */
    private static List<String> join(Future<List<String>> node) {
        try {
            return node.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Lucene's answer, in run-analyzer.js's "lines" format. */
    static String lucene(Chain chain, String text) {
        List<String> terms = new ArrayList<>();
        List<String> surfaces = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<int[]> offsets = new ArrayList<>();
        analyze(ANALYZERS.get(chain)[0], text, terms, offsets);
        analyze(ANALYZERS.get(chain)[1], text, surfaces, new ArrayList<>());
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
    private static List<String> runNode(Chain chain, String mode, List<String> inputs) {
        try {
            Path in = Files.createTempFile(tmp, mode, ".in");
            Path out = Files.createTempFile(tmp, mode, ".out");
            Path err = Files.createTempFile(tmp, mode, ".err");
            Files.writeString(in, inputs.stream().map(s -> escape(s) + "\n").collect(Collectors.joining()),
                    StandardCharsets.ISO_8859_1);
            Process p = new ProcessBuilder("node", HARNESS.toString(), JS.resolve(chain.script()).toString(), mode,
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
            assertEquals(inputs.size(), lines.size(), chain.script() + " output lines for " + inputs.size() + " inputs");
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> dictionary() throws IOException {
        return wordList(DICTIONARIES, "wamerican");
    }

    private static List<String> wordList(List<Path> paths, String debianPackage) throws IOException {
        for (Path dict : paths) {
            if (Files.isReadable(dict)) {
                return Files.readAllLines(dict, StandardCharsets.UTF_8);
            }
        }
        missing("no word list at " + paths + " (Debian: apt-get install " + debianPackage + ")");
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

        /**
         * Per tokenizer character class (as classOf numbers them): H if a character of it alone is an
         * IDEOGRAPHIC token, h HIRAGANA, k KATAKANA, g HANGUL; x if it extends a katakana token
         * (Extend, Format, ZWJ); - otherwise.
         */
        static String cjkKinds() throws Exception {
            Method cmap = StandardTokenizerImpl.class.getDeclaredMethod("zzCMap", int.class);
            cmap.setAccessible(true);
            java.util.TreeMap<Integer, Integer> first = new java.util.TreeMap<>();
            for (int cp = Character.MAX_CODE_POINT; cp >= 0; cp--) {
                first.put((int) cmap.invoke(null, cp), cp);
            }
            StringBuilder kinds = new StringBuilder();
            for (int cls = 0; cls <= first.lastKey(); cls++) {
                String c = new String(Character.toChars(first.get(cls)));
                List<String[]> alone = typed(c);
                List<String[]> after = typed("\u30a2" + c);
                String type = alone.size() == 1 && alone.get(0)[0].equals(c) ? alone.get(0)[1] : "";
                kinds.append(switch (type) {
                    case "<IDEOGRAPHIC>" -> 'H';
                    case "<HIRAGANA>" -> 'h';
                    case "<KATAKANA>" -> 'k';
                    case "<HANGUL>" -> 'g';
                    default -> after.size() == 1 && after.get(0)[0].equals("\u30a2" + c)
                            && after.get(0)[1].equals("<KATAKANA>") ? 'x' : '-';
                });
            }
            return kinds.toString();
        }

        /** StandardTokenizer's tokens of {@code text}: [term, type] each. */
        private static List<String[]> typed(String text) throws IOException {
            List<String[]> out = new ArrayList<>();
            try (org.apache.lucene.analysis.standard.StandardTokenizer t = new org.apache.lucene.analysis.standard.StandardTokenizer()) {
                t.setReader(new StringReader(text));
                CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
                org.apache.lucene.analysis.tokenattributes.TypeAttribute type =
                        t.addAttribute(org.apache.lucene.analysis.tokenattributes.TypeAttribute.class);
                t.reset();
                while (t.incrementToken()) {
                    out.add(new String[] {term.toString(), type.type()});
                }
                t.end();
            }
            return out;
        }

        private static int[] field(String name) throws ReflectiveOperationException {
            Field f = StandardTokenizerImpl.class.getDeclaredField(name);
            f.setAccessible(true);
            return (int[]) f.get(null);
        }
    }
}
