package kb.widget;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import kb.content.WidgetSettings;

/**
 * Writes the embeddable help widget: {@code widget.js} (the theme's script with the site's
 * settings written into it, so the launcher needs one request) and one data file per article,
 * {@code widget/a/<id>.js}, which calls {@code KbWidget._data(name, payload)} when loaded.
 */
public final class WidgetFiles {
    /** The widget's API version ({@code KbWidget.version}): the major number changes only when a host's code could break. */
    public static final String VERSION = "1.0.0";
    /** Version of the data files' format; the widget refuses other versions. */
    public static final int FORMAT = 1;
    /** Where the widget is, relative to the site root. */
    public static final String SCRIPT = "widget.js";
    /** The widget's data folder, relative to the site root. */
    public static final String DATA = "widget/";
    /** The widget's stylesheet, relative to the site root. */
    public static final String STYLESHEET = DATA + "widget.css";
    /** The demo page that embeds the widget, relative to the site root. */
    public static final String DEMO = "widget/demo/";
    /** The method of {@code KbWidget} each data file calls. */
    public static final String CALLBACK = "_data";
    /** What the theme's script has where the settings go: an empty object, so the file is valid JavaScript as it is. */
    public static final String SETTINGS_MARK = "{} /* kb:settings */";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BiConsumer<String, byte[]> sink;
    private final ArticleFiles articleFiles;

    /**
     * Where each article's data file comes from: made from the article and given to the sink, or
     * (a build cache) the file an earlier build made from an equal article, when it has one.
     */
    public interface ArticleFiles {
        /**
         * Puts the data file of article {@code id} at {@code path}, made by {@code make} unless
         * an equal one is at hand; returns its {@link #summary}. {@code article} makes the
         * article (its body unpacked) once, when first asked: an implementation that can tell
         * its file unchanged without it should not ask.
         */
        long put(String path, int id, Supplier<WidgetArticle> article, Supplier<byte[]> make);
    }

    /** What the widget's data version is made from for one data file: its length and CRC-32C. */
    public static long summary(byte[] file) {
        CRC32C crc = new CRC32C();
        crc.update(file);
        return summary(file.length, (int) crc.getValue());
    }

    /** {@link #summary} of a file of {@code length} bytes whose CRC-32C is {@code crc32c}. */
    public static long summary(int length, int crc32c) {
        return (long) length << 32 | (crc32c & 0xffffffffL);
    }

    /** @param sink receives each file's path relative to the site root, and its bytes (from several threads at once) */
    public WidgetFiles(BiConsumer<String, byte[]> sink) {
        this(sink, null);
    }

    /**
     * @param sink receives each file's path relative to the site root, and its bytes; the
     *     articles' data files from several threads at once
     * @param articleFiles puts the articles' data files, called from several threads at once
     *     (null: each made and given to {@code sink})
     */
    public WidgetFiles(BiConsumer<String, byte[]> sink, ArticleFiles articleFiles) {
        this.sink = sink;
        this.articleFiles = articleFiles != null ? articleFiles : (path, id, a, make) -> {
            byte[] file = make.get();
            sink.accept(path, file);
            return summary(file);
        };
    }

    /**
     * Writes {@code widget.js} from the theme's {@code script}, its {@code stylesheet}, and every
     * article's data file.
     *
     * @param support the contacts shown in the panel: email, phone, phoneHref, chat (null when absent)
     * @param strings the widget's words in the site's language (the theme's strings its script uses)
     * @param language the help center's language code: the panel's {@code lang}
     * @param direction {@code ltr} or {@code rtl}: the panel reads as the help center's language does
     * @throws IllegalArgumentException if {@code script} lacks {@link #SETTINGS_MARK}
     */
    public void write(String script, String stylesheet, WidgetSettings settings, String siteName,
                      Map<String, String> support, Map<String, String> strings, String language, String direction,
                      List<WidgetArticle> articles) {
        write(script, stylesheet, settings, siteName, support, strings, language, direction,
                articles.stream().map(WidgetArticle::id).toList(), i -> articles.get(i));
    }

    /**
     * {@link #write(String, String, WidgetSettings, String, Map, Map, String, String, List)} of
     * the articles with {@code ids}, the {@code i}th made by {@code article} (called from several
     * threads at once) only when its file is made: unpacking every article's body for a warm build that keeps all but one of their
     * files was 4% of its samples at 10,000 articles (JFR, inflating).
     */
    public void write(String script, String stylesheet, WidgetSettings settings, String siteName,
                      Map<String, String> support, Map<String, String> strings, String language, String direction,
                      List<Integer> ids, java.util.function.IntFunction<WidgetArticle> article) {
        int at = script.indexOf(SETTINGS_MARK);
        if (at < 0) {
            throw new IllegalArgumentException("the widget script has no '" + SETTINGS_MARK + "' for the settings");
        }
        // The version hashes the stylesheet and each data file's length and CRC-32C as the files
        // are written: kept in one string until the end, the files were the whole widget's data at
        // once (600 MB at 100,000 articles), and SHA-256 of them all was 7% of a warm build's
        // samples at 10,000 articles (JFR), where the build cache knows a kept file's CRC already.
        // A version that tells any edit from another but one in four billion busts a cache as well.
        MessageDigest all = sha256();
        all.update(stylesheet.getBytes(StandardCharsets.UTF_8));
        write(STYLESHEET, stylesheet);
        // Made on every core, hashed in the articles' order: one after the other, they were the
        // last second of a cold 1,000-article build's pages phase with the second core idle.
        long[] made = java.util.stream.IntStream.range(0, ids.size()).parallel().mapToLong(i -> {
            Supplier<WidgetArticle> a = once(article, i);
            return articleFiles.put(DATA + "a/" + ids.get(i) + ".js", ids.get(i), a,
                    () -> articleFile(a.get()).getBytes(StandardCharsets.UTF_8));
        }).toArray();
        ByteBuffer summaries = ByteBuffer.allocate(1 << 13);
        for (long summary : made) {
            if (summaries.remaining() < Long.BYTES) {
                all.update(summaries.flip());
                summaries.clear();
            }
            summaries.putLong(summary);
        }
        all.update(summaries.flip());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("version", VERSION);
        s.put("format", FORMAT);
        s.put("callback", CALLBACK);
        s.put("data", DATA);
        s.put("stylesheet", STYLESHEET);
        s.put("tags", new java.util.TreeSet<>(ArticleBody.TAGS));
        Map<String, Object> attributes = new java.util.TreeMap<>();
        ArticleBody.ATTRIBUTES.forEach((tag, names) -> attributes.put(tag, new java.util.TreeSet<>(names)));
        s.put("attributes", attributes);
        s.put("name", siteName);
        s.put("label", settings.label());
        s.put("strings", new java.util.TreeMap<>(strings));
        s.put("language", language);
        s.put("direction", direction);
        s.put("position", settings.position());
        s.put("accent", settings.accent());
        s.put("accentDark", settings.accentDark());
        s.put("support", new java.util.TreeMap<>(support.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        // A hash of the stylesheet and every data file: the widget asks for ?v=<it>, so a rebuild is never hidden by a cache.
        s.put("dataVersion", HexFormat.of().formatHex(all.digest(), 0, 6));
        write(SCRIPT, script.substring(0, at) + json(s) + script.substring(at + SETTINGS_MARK.length()));
    }

    /** The {@code i}th article, made on the first call only. */
    private static Supplier<WidgetArticle> once(java.util.function.IntFunction<WidgetArticle> article, int i) {
        WidgetArticle[] made = new WidgetArticle[1];
        return () -> made[0] != null ? made[0] : (made[0] = article.apply(i));
    }

    /** The data file of one article: a call of the widget's callback with its payload. */
    static String articleFile(WidgetArticle a) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("format", FORMAT);
        payload.put("id", a.id());
        payload.put("title", a.title());
        payload.put("url", a.url());
        payload.put("section", a.section());
        payload.put("body", ArticleBody.of(a.html(), a.url()));
        return "window.KbWidget&&KbWidget." + CALLBACK + "(\"a/" + a.id() + "\"," + json(payload) + ");\n";
    }

    /** JSON safe inside a script: no {@code </script>}, no line separators older parsers choke on. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value).replace("<", "\\u003c").replace("\u2028", "\\u2028")
                    .replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(String path, String text) {
        sink.accept(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
