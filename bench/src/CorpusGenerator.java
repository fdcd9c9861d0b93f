import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a deterministic help center of N articles twice: once in kb's content format
 * ({@code <out>/kb/content}) and once as a Hugo site ({@code <out>/hugo}) with the same text,
 * so both tools render comparable pages.
 *
 * <p>Run with the JDK's source launcher, no build step:
 * {@code java bench/src/CorpusGenerator.java --articles 1000 --out bench/work/corpus-1000
 * --networks content/data/networks.yaml [--seed 42]}. The same arguments always give the same
 * bytes ({@link Random} is specified to be the same on every JVM).
 *
 * <p>Every link is valid by construction: articles link to other articles through their file's
 * relative path and a pinned heading id ({@code {#id}}), so kb's strict link check passes. Hugo
 * gets the same links through {@code relref}, its own checked form.
 */
public final class CorpusGenerator {
    /** "a" before a vowel sound becomes "an", after the slots are filled. */
    private static final java.util.regex.Pattern AN = java.util.regex.Pattern.compile("\\b([Aa]) ([aeiouAEIOU]|hour)");
    private final Random rnd;
    private final int count;
    private final Vocabulary words;
    private final List<Section> sections = new ArrayList<>();
    private final List<ArticlePlan> articles = new ArrayList<>();
    private final List<FaqPlan> faqGroups = new ArrayList<>();

    private CorpusGenerator(int count, long seed) {
        this.count = count;
        this.rnd = new Random(seed);
        this.words = new Vocabulary(new Random(seed * 31 + 7), 2000 + 2 * count);
    }

    public static void main(String[] args) throws IOException {
        int count = -1;
        long seed = 42;
        Path out = null;
        Path networks = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--articles" -> { count = Integer.parseInt(value); i++; }
                case "--seed" -> { seed = Long.parseLong(value); i++; }
                case "--out" -> { out = Path.of(value); i++; }
                case "--networks" -> { networks = Path.of(value); i++; }
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (count < 1 || out == null || networks == null) {
            usage("--articles, --out and --networks are required");
        }
        if (Files.exists(out)) {
            deleteTree(out);
        }
        CorpusGenerator g = new CorpusGenerator(count, seed);
        g.plan();
        g.writeKb(out.resolve("kb"), networks);
        g.writeHugo(out.resolve("hugo"));
        System.out.printf(Locale.ROOT, "Generated %d articles in %d sections, %d FAQ questions into %s (seed %d)%n",
                count, g.sections.size(), g.faqGroups.stream().mapToInt(f -> f.questions.size()).sum(), out, seed);
    }

    private static void usage(String why) {
        System.err.println(why);
        System.err.println("usage: java CorpusGenerator.java --articles N --out DIR --networks networks.yaml [--seed S]");
        System.exit(2);
    }

    // ------------------------------------------------------------------ planning

    /** Titles, slugs, ids and headings of everything first, so bodies can link to any of it. */
    private void plan() {
        for (String[] s : Topics.SECTIONS) {
            sections.add(new Section(s[0], s[1], s[2], s[3].split(",")));
        }
        List<Set<String>> slugsPerSection = new ArrayList<>();
        sections.forEach(s -> slugsPerSection.add(new HashSet<>()));
        for (int i = 0; i < count; i++) {
            int si = i % sections.size();
            Section section = sections.get(si);
            String noun = pick(section.nouns);
            String feature = words.feature();
            String title = title(noun, feature);
            String slug = Topics.slug(title);
            if (slug.length() > 60) {
                slug = slug.substring(0, 60).replaceAll("-+$", "");
            }
            if (!slugsPerSection.get(si).add(slug)) {
                slug = slug + "-" + (1000 + i);
                slugsPerSection.get(si).add(slug);
            }
            ArticlePlan a = new ArticlePlan(1000 + i, section, slug, title, noun, feature, section.articles.size());
            planHeadings(a);
            section.articles.add(a);
            articles.add(a);
        }
        int groups = count >= 500 ? 5 : 2;
        int perGroup = Math.max(3, Math.min(40, count / 50));
        for (int g = 0; g < groups; g++) {
            String[] group = Topics.FAQ_GROUPS[g];
            FaqPlan f = new FaqPlan(group[0], group[1], g + 1);
            for (int q = 0; q < perGroup; q++) {
                f.questions.add(new String[] {question(), group[0] + "-q" + (q + 1)});
            }
            faqGroups.add(f);
        }
    }

    private String title(String noun, String feature) {
        String verb = pick(Topics.VERBS)[0];
        String net = pick(Topics.NETWORKS);
        return switch (rnd.nextInt(9)) {
            case 0 -> "How to " + verb + " a " + noun + " in " + feature;
            case 1 -> "Why a " + noun + " shows as " + pick(Topics.STATES) + " in " + feature;
            case 2 -> cap(pick(Topics.VERBS)[1]) + " " + plural(noun) + " with " + feature;
            case 3 -> "Troubleshoot " + feature + " " + noun + " errors";
            case 4 -> feature + ": " + verb + " " + plural(noun) + " for your team";
            case 5 -> "What happens when you " + verb + " a " + noun + " in " + feature;
            case 6 -> "Set up " + feature + " for " + net;
            case 7 -> "Use " + feature + " to " + verb + " " + net + " " + plural(noun);
            default -> cap(noun) + " limits in " + feature;
        };
    }

    private String question() {
        String[] verb = pick(Topics.VERBS);
        String noun = pick(pick(sections).nouns);
        return switch (rnd.nextInt(6)) {
            case 0 -> "How do I " + verb[0] + " a " + noun + " in " + words.feature() + "?";
            case 1 -> "Why did my " + pick(Topics.NETWORKS) + " " + noun + " stop " + verb[1] + "?";
            case 2 -> "Can I " + verb[0] + " more than one " + noun + " at a time?";
            case 3 -> "Who can " + verb[0] + " " + plural(noun) + " on my team?";
            case 4 -> "What does " + pick(Topics.STATES) + " mean for a " + noun + "?";
            default -> "How long does " + words.feature() + " keep a " + noun + "?";
        };
    }

    private void planHeadings(ArticlePlan a) {
        Set<String> ids = new HashSet<>();
        int sectionsInArticle = 3 + rnd.nextInt(4);
        List<String> texts = new ArrayList<>(List.of(Topics.HEADINGS));
        for (int h = 0; h < sectionsInArticle; h++) {
            String text = fill(texts.remove(rnd.nextInt(texts.size())), a);
            if (text.startsWith("Step")) {
                text = "Step " + (h + 1) + ": " + text.substring(text.indexOf(':') + 2);
            }
            Heading heading = heading(text, 2, ids, h % 2 == 0);
            a.headings.add(heading);
            if (rnd.nextInt(3) == 0) {
                String sub = fill(pick(Topics.SUBHEADINGS), a);
                heading.children.add(heading(sub, 3, ids, rnd.nextBoolean()));
            }
        }
    }

    /** A heading whose id is unique on its page; pinned when asked, or when its slug is taken. */
    private static Heading heading(String text, int level, Set<String> ids, boolean pin) {
        String id = Topics.slug(text);
        if (id.length() > 40) {
            id = id.substring(0, 40).replaceAll("-+$", "");
        }
        if (pin) {
            id = id.split("-")[0] + "-" + id.length();
        }
        String unique = id;
        for (int n = 2; !ids.add(unique); n++) {
            unique = id + "-" + n;
        }
        return new Heading(text, level, unique, pin || !unique.equals(Topics.slug(text)));
    }

    // ------------------------------------------------------------------ bodies

    /** The body of one article, with links in the syntax of {@code tool}. */
    private String body(ArticlePlan a, Tool tool) {
        Random r = new Random(a.id * 1_000_003L);
        Prose p = new Prose(r, a, tool);
        StringBuilder b = new StringBuilder();
        b.append(p.paragraph(2 + r.nextInt(3))).append("\n\n");
        for (Heading h : a.headings) {
            b.append("## ").append(h.markdown()).append("\n\n");
            b.append(p.paragraph(2 + r.nextInt(4))).append("\n\n");
            int extra = r.nextInt(10);
            if (h.text.startsWith("Step") || extra < 3) {
                b.append(p.steps()).append('\n');
            } else if (extra < 5) {
                b.append(p.bullets()).append('\n');
            } else if (extra < 7) {
                b.append(p.table()).append('\n');
            }
            if (r.nextInt(6) == 0) {
                b.append(p.callout()).append('\n');
            }
            if (r.nextBoolean()) {
                b.append(p.paragraph(1 + r.nextInt(3))).append("\n\n");
            }
            for (Heading c : h.children) {
                b.append("### ").append(c.markdown()).append("\n\n");
                b.append(p.paragraph(2 + r.nextInt(3))).append("\n\n");
                if (r.nextBoolean()) {
                    b.append(p.bullets()).append('\n');
                }
            }
        }
        return b.toString();
    }

    /** Sentences for one article: its own noun and feature, with links to neighbours and strangers. */
    private final class Prose {
        private final Random r;
        private final ArticlePlan a;
        private final Tool tool;
        private int links;

        Prose(Random r, ArticlePlan a, Tool tool) {
            this.r = r;
            this.a = a;
            this.tool = tool;
        }

        String paragraph(int sentences) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < sentences; i++) {
                if (i > 0) {
                    b.append(' ');
                }
                b.append(links < 4 && r.nextInt(7) == 0 ? linkSentence() : sentence());
            }
            return wrap(b.toString());
        }

        String sentence() {
            return fillWith(Topics.SENTENCES[r.nextInt(Topics.SENTENCES.length)], a, r);
        }

        String linkSentence() {
            links++;
            if (r.nextInt(8) == 0 && !faqGroups.isEmpty()) {
                FaqPlan f = faqGroups.get(r.nextInt(faqGroups.size()));
                String[] q = f.questions.get(r.nextInt(f.questions.size()));
                String href = tool == Tool.KB ? "/faq/#" + q[1]
                        : "{{< relref \"/faq/" + f.slug + ".md#" + q[1] + "\" >}}";
                return "The FAQ answers a related question: [" + q[0] + "](" + href + ").";
            }
            ArticlePlan t = r.nextInt(5) < 3
                    ? a.section.articles.get(Math.floorMod(a.position + 1 + r.nextInt(5) - 2, a.section.articles.size()))
                    : articles.get(r.nextInt(articles.size()));
            if (t == a) {
                return sentence();
            }
            String anchor = "";
            List<Heading> pinned = t.headings.stream().flatMap(Heading::withChildren).filter(h -> h.pinned).toList();
            if (!pinned.isEmpty() && r.nextBoolean()) {
                anchor = "#" + pinned.get(r.nextInt(pinned.size())).id;
            }
            String href = tool == Tool.KB
                    ? (t.section == a.section ? "" : "../" + t.section.slug + "/") + t.slug + ".md" + anchor
                    : "{{< relref \"/" + t.section.slug + "/" + t.slug + ".md" + anchor + "\" >}}";
            return switch (r.nextInt(3)) {
                case 0 -> "See [" + t.title + "](" + href + ") for the details.";
                case 1 -> "If that does not help, follow [" + t.title.toLowerCase(Locale.ROOT) + "](" + href + ").";
                default -> "This works the same way as [" + t.title + "](" + href + ").";
            };
        }

        String steps() {
            StringBuilder b = new StringBuilder();
            int n = 3 + r.nextInt(5);
            for (int i = 1; i <= n; i++) {
                b.append(i).append(". ").append(fillWith(pick(r, Topics.STEPS), a, r)).append('\n');
            }
            return b.toString();
        }

        String bullets() {
            StringBuilder b = new StringBuilder();
            int n = 2 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                b.append("- ").append(fillWith(pick(r, Topics.BULLETS), a, r)).append('\n');
            }
            return b.toString();
        }

        String table() {
            StringBuilder b = new StringBuilder("| Setting | What it does | Default |\n| --- | --- | --- |\n");
            int n = 3 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                b.append("| ").append(cap(words.feature(r))).append(' ').append(pick(r, Topics.SETTINGS))
                        .append(" | ").append(fillWith(pick(r, Topics.BULLETS), a, r))
                        .append(" | ").append(pick(r, Topics.DEFAULTS)).append(" |\n");
            }
            return b.toString();
        }

        String callout() {
            String marker = pick(r, new String[] {"TIP", "NOTE", "IMPORTANT", "WARNING"});
            String text = sentence();
            return tool == Tool.KB ? "> [!" + marker + "]\n> " + text + "\n"
                    : "> **" + cap(marker.toLowerCase(Locale.ROOT)) + ":** " + text + "\n";
        }
    }

    private String fill(String template, ArticlePlan a) {
        return fillWith(template, a, rnd);
    }

    /** Replaces the {slots} of a template; the article's own noun and feature come back often, as in real help text. */
    private String fillWith(String template, ArticlePlan a, Random r) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                b.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            b.append(template, i, open);
            String slot = template.substring(open + 1, close);
            b.append(switch (slot) {
                case "noun" -> r.nextInt(3) > 0 ? a.noun : pick(r, a.section.nouns);
                case "nouns" -> plural(r.nextInt(3) > 0 ? a.noun : pick(r, a.section.nouns));
                case "other" -> pick(r, Topics.COMMON_NOUNS);
                case "others" -> plural(pick(r, Topics.COMMON_NOUNS));
                case "Feat" -> r.nextInt(2) == 0 ? a.feature : words.feature(r);
                case "verb" -> pick(r, Topics.VERBS)[0];
                case "verbing" -> pick(r, Topics.VERBS)[1];
                case "verbed" -> pick(r, Topics.VERBS)[2];
                case "Net" -> pick(r, Topics.NETWORKS);
                case "role" -> pick(r, Topics.ROLES);
                case "state" -> pick(r, Topics.STATES);
                case "place" -> pick(r, Topics.PLACES);
                case "n" -> Integer.toString(2 + r.nextInt(r.nextBoolean() ? 10 : 90));
                case "code" -> "E" + (1000 + r.nextInt(9000));
                case "word" -> words.word(r);
                case "tail" -> words.feature(r).toLowerCase(Locale.ROOT);
                default -> throw new IllegalArgumentException("no slot " + slot);
            });
            i = close + 1;
        }
        return cap(AN.matcher(b).replaceAll("$1n $2"));
    }

    // ------------------------------------------------------------------ kb

    private void writeKb(Path root, Path networksFile) throws IOException {
        Path content = root.resolve("content");
        StringBuilder kb = new StringBuilder()
                .append("name: Lofty Help Center (benchmark, ").append(count).append(" articles)\n")
                .append("description: A generated help center used to benchmark kb against Hugo and Pagefind.\n")
                .append("base_url: https://help.example.com/\nlanguage: en\n")
                .append("support:\n  email: support@lofty.com\n  phone: 1 (855) 981-7557\n")
                .append("  chat: Open the chat from inside your Lofty CRM.\n")
                .append("featured: [").append(articles.stream().limit(4).map(a -> Integer.toString(a.id))
                        .reduce((x, y) -> x + ", " + y).orElse("")).append("]\n")
                .append("raw_html: false\nreview_after_days: 36500\nverify_after_days: 36500\n")
                .append(Topics.SYNONYMS);
        write(content.resolve("kb.yaml"), kb.toString());
        write(content.resolve("data/networks.yaml"), networks(networksFile));
        for (Section s : sections) {
            Path dir = content.resolve("articles").resolve(s.slug);
            write(dir.resolve("_section.yaml"), "title: " + yaml(s.title) + "\ndescription: " + yaml(s.description)
                    + "\norder: " + (sections.indexOf(s) + 1) + "\n");
            for (ArticlePlan a : s.articles) {
                String fm = "---\nid: " + a.id + "\ntitle: " + yaml(a.title) + "\nsummary: " + yaml(summary(a))
                        + "\ntags: [" + String.join(", ", tags(a)) + "]\nweight: " + (a.position + 1)
                        + "\nupdated: " + date(a) + "\n---\n\n";
                write(dir.resolve(a.slug + ".md"), fm + body(a, Tool.KB));
            }
        }
        for (FaqPlan f : faqGroups) {
            write(content.resolve("faq").resolve(f.slug + ".md"), "---\ntitle: " + yaml(f.title) + "\norder: " + f.order
                    + "\n---\n\n" + faqBody(f, Tool.KB));
        }
    }

    /**
     * The shipped networks file, with each network's {@code article:} pointed at a generated
     * article (the shipped articles are not part of the corpus, and kb checks those paths).
     */
    private String networks(Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        int n = 0;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // The corpus is one language: a text given per language ({en: ..., es: ...} inline, or
            // one "code: text" line each under the key) becomes its English text, as a site with
            // one language must have it.
            java.util.regex.Matcher inline = java.util.regex.Pattern.compile("^(\\s*[a-z_]+): \\{en: (.*?)(, [a-z]{2}: .*)?}$").matcher(line);
            if (inline.matches()) {
                line = inline.group(1) + ": " + inline.group(2);
            } else if (line.matches("^\\s*[a-z_]+:$") && i + 1 < lines.size() && lines.get(i + 1).matches("^\\s+[a-z]{2}: .*")) {
                String english = "";
                while (i + 1 < lines.size() && lines.get(i + 1).matches("^\\s+[a-z]{2}: .*")) {
                    String entry = lines.get(++i).trim();
                    if (entry.startsWith("en: ")) {
                        english = entry.substring(4);
                    }
                }
                line = line + " " + english;
            }
            if (line.trim().startsWith("article:")) {
                ArticlePlan a = articles.get(n++ % articles.size());
                line = line.substring(0, line.indexOf("article:")) + "article: " + a.section.slug + "/" + a.slug + ".md";
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }

    private String faqBody(FaqPlan f, Tool tool) {
        Random r = new Random(f.order * 7_777_777L);
        StringBuilder b = new StringBuilder();
        for (String[] q : f.questions) {
            ArticlePlan a = articles.get(r.nextInt(articles.size()));
            String href = tool == Tool.KB ? "../articles/" + a.section.slug + "/" + a.slug + ".md"
                    : "{{< relref \"/" + a.section.slug + "/" + a.slug + ".md\" >}}";
            b.append("## ").append(q[0]).append(" {#").append(q[1]).append("}\n\n");
            b.append(wrap(fillWith(pick(r, Topics.SENTENCES), a, r) + " " + fillWith(pick(r, Topics.SENTENCES), a, r)
                    + " See [" + a.title + "](" + href + ").")).append("\n\n");
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ Hugo

    private void writeHugo(Path root) throws IOException {
        write(root.resolve("hugo.toml"), Topics.HUGO_CONFIG.replace("@COUNT@", Integer.toString(count)));
        for (String[] layout : Topics.HUGO_LAYOUTS) {
            write(root.resolve(layout[0]), layout[1]);
        }
        Path content = root.resolve("content");
        write(content.resolve("_index.md"), "---\ntitle: Home\n---\n");
        for (Section s : sections) {
            Path dir = content.resolve(s.slug);
            write(dir.resolve("_index.md"), "---\ntitle: " + yaml(s.title) + "\ndescription: " + yaml(s.description)
                    + "\nweight: " + (sections.indexOf(s) + 1) + "\n---\n");
            for (ArticlePlan a : s.articles) {
                String fm = "---\ntitle: " + yaml(a.title) + "\nsummary: " + yaml(summary(a))
                        + "\ntags: [" + String.join(", ", tags(a)) + "]\nweight: " + (a.position + 1)
                        + "\ndate: " + date(a) + "\naliases: [\"/a/" + a.id + "/\"]\n---\n\n";
                write(dir.resolve(a.slug + ".md"), fm + body(a, Tool.HUGO));
            }
        }
        write(content.resolve("faq/_index.md"), "---\ntitle: FAQ\nweight: 100\n---\n");
        for (FaqPlan f : faqGroups) {
            write(content.resolve("faq").resolve(f.slug + ".md"), "---\ntitle: " + yaml(f.title) + "\nweight: " + f.order
                    + "\n---\n\n" + faqBody(f, Tool.HUGO));
        }
    }

    // ------------------------------------------------------------------ shared bits

    private String summary(ArticlePlan a) {
        Random r = new Random(a.id * 97L);
        return fillWith(pick(r, Topics.SUMMARIES), a, r);
    }

    private static List<String> tags(ArticlePlan a) {
        Random r = new Random(a.id * 13L);
        Set<String> tags = new LinkedHashSet<>();
        tags.add(a.section.slug.split("-")[0]);
        tags.add(a.noun.replace(' ', '-'));
        tags.add(Topics.NETWORKS[r.nextInt(Topics.NETWORKS.length)].toLowerCase(Locale.ROOT).replace(' ', '-'));
        return new ArrayList<>(tags);
    }

    private static String date(ArticlePlan a) {
        Random r = new Random(a.id * 31L);
        return String.format(Locale.ROOT, "%d-%02d-%02d", 2024 + r.nextInt(2), 1 + r.nextInt(12), 1 + r.nextInt(28));
    }

    private static String yaml(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Wraps prose at about 100 columns, as writers' editors do; Markdown joins the lines again. */
    private static String wrap(String text) {
        StringBuilder b = new StringBuilder();
        int col = 0;
        for (String w : text.split(" ")) {
            if (col > 0 && col + w.length() > 100) {
                b.append('\n');
                col = 0;
            } else if (col > 0) {
                b.append(' ');
                col++;
            }
            b.append(w);
            col += w.length();
        }
        return b.toString();
    }

    static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String plural(String noun) {
        if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch")) {
            return noun + "es";
        }
        if (noun.endsWith("y") && !noun.endsWith("ay") && !noun.endsWith("ey")) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }

    private <T> T pick(T[] items) {
        return items[rnd.nextInt(items.length)];
    }

    private <T> T pick(List<T> items) {
        return items.get(rnd.nextInt(items.size()));
    }

    private static <T> T pick(Random r, T[] items) {
        return items[r.nextInt(items.length)];
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    enum Tool { KB, HUGO }

    static final class Section {
        final String slug;
        final String title;
        final String description;
        final String[] nouns;
        final List<ArticlePlan> articles = new ArrayList<>();

        Section(String slug, String title, String description, String[] nouns) {
            this.slug = slug;
            this.title = title;
            this.description = description;
            this.nouns = nouns;
        }
    }

    record ArticlePlan(int id, Section section, String slug, String title, String noun, String feature, int position,
            List<Heading> headings) {
        ArticlePlan(int id, Section section, String slug, String title, String noun, String feature, int position) {
            this(id, section, slug, title, noun, feature, position, new ArrayList<>());
        }
    }

    record Heading(String text, int level, String id, boolean pinned, List<Heading> children) {
        Heading(String text, int level, String id, boolean pinned) {
            this(text, level, id, pinned, new ArrayList<>());
        }

        String markdown() {
            return pinned ? text + " {#" + id + "}" : text;
        }

        Stream<Heading> withChildren() {
            return Stream.concat(Stream.of(this), children.stream());
        }
    }

    static final class FaqPlan {
        final String slug;
        final String title;
        final int order;
        final List<String[]> questions = new ArrayList<>();

        FaqPlan(String slug, String title, int order) {
            this.slug = slug;
            this.title = title;
            this.order = order;
        }
    }

    /**
     * The long tail of a real help center's vocabulary: product and feature names that appear in
     * a few articles each, drawn with a Zipf law so a few are common and most are rare.
     */
    static final class Vocabulary {
        private static final String[] ONSETS = {"b", "br", "c", "cl", "d", "dr", "f", "fl", "g", "gr", "k", "l", "m",
            "n", "p", "pl", "qu", "r", "s", "st", "t", "tr", "v", "z", "sh", "th"};
        private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"};
        private static final String[] CODAS = {"", "", "n", "r", "l", "x", "m", "s", "nd", "rk", "st", "v"};
        private final String[] names;
        private final double[] cumulative;
        private final Random own;

        Vocabulary(Random r, int size) {
            this.own = r;
            Set<String> seen = new LinkedHashSet<>();
            while (seen.size() < size) {
                StringBuilder w = new StringBuilder();
                int syllables = 2 + r.nextInt(2);
                for (int s = 0; s < syllables; s++) {
                    w.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
                }
                w.append(CODAS[r.nextInt(CODAS.length)]);
                seen.add(cap(w.toString()));
            }
            names = seen.toArray(String[]::new);
            cumulative = new double[size];
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += 1.0 / Math.pow(i + 1, 0.9);
                cumulative[i] = sum;
            }
        }

        String feature() {
            return feature(own);
        }

        String feature(Random r) {
            double x = r.nextDouble() * cumulative[cumulative.length - 1];
            int i = java.util.Arrays.binarySearch(cumulative, x);
            return names[Math.min(names.length - 1, i < 0 ? -i - 1 : i)];
        }

        String word(Random r) {
            return Topics.COMMON_NOUNS[r.nextInt(Topics.COMMON_NOUNS.length)];
        }
    }
}

/** The words and sentence shapes of the generated help center, and the Hugo theme. */
final class Topics {
    private Topics() {
    }

    /** slug, title, description, nouns (comma separated). */
    static final String[][] SECTIONS = {
        {"getting-started", "Getting started", "First steps: your account, your workspace and your first connections.",
            "workspace,account,profile,dashboard,checklist,trial"},
        {"connections", "Social connections", "Connecting social accounts, keeping them connected and reconnecting.",
            "connection,token,account,permission,login,session"},
        {"facebook-instagram", "Facebook and Instagram", "Pages, business accounts, roles and tokens on Facebook and Instagram.",
            "page,business account,page role,token,post,story"},
        {"linkedin", "LinkedIn", "Profiles, company Pages, super admins and yearly expiry on LinkedIn.",
            "company page,profile,super admin,token,post,article"},
        {"publishing", "Publishing", "Writing, previewing and publishing posts to every network.",
            "post,draft,caption,hashtag,link preview,image"},
        {"scheduling", "Scheduling", "Queues, time slots, recurring posts and the content calendar.",
            "queue,time slot,schedule,recurring post,time zone,calendar"},
        {"analytics", "Analytics and reports", "Reach, engagement, exports and scheduled reports.",
            "report,chart,metric,export,date range,benchmark"},
        {"inbox", "Inbox and messages", "Comments, direct messages, assignments and saved replies.",
            "message,comment,conversation,saved reply,assignment,label"},
        {"team", "Team and permissions", "Inviting people, roles, approvals and workspaces.",
            "teammate,role,invitation,approval,workspace,seat"},
        {"billing", "Billing and plans", "Plans, invoices, payment methods, taxes and cancellation.",
            "invoice,plan,payment method,receipt,coupon,subscription"},
        {"security", "Security and login", "Passwords, two-step verification, single sign-on and sessions.",
            "password,verification code,session,device,single sign-on,recovery email"},
        {"integrations", "Integrations", "Connecting CRMs, link shorteners, storage and automation tools.",
            "integration,webhook,API key,field mapping,sync,automation"},
        {"mobile", "Mobile app", "The iOS and Android apps: notifications, offline drafts and sign-in.",
            "mobile app,push notification,offline draft,device,widget,camera roll"},
        {"notifications", "Notifications", "Email, browser and mobile alerts, digests and quiet hours.",
            "notification,digest,alert,quiet hour,email preference,subscription"},
        {"library", "Content library", "Images, videos, templates and brand assets for your posts.",
            "asset,image,video,template,folder,brand kit"},
        {"listings", "Listings and leads", "Property listings, lead forms and automatic listing posts.",
            "listing,lead,lead form,open house,property photo,agent profile"},
        {"campaigns", "Email campaigns", "Newsletters, drip campaigns, audiences and deliverability.",
            "campaign,newsletter,audience,sender address,unsubscribe link,bounce"},
        {"google-youtube", "Google and YouTube", "Google Business Profile, YouTube channels and their tokens.",
            "business profile,channel,video,location,review,token"},
        {"troubleshooting", "Troubleshooting", "Error messages, slow pages, missing data and how to fix them.",
            "error message,browser cache,cookie,extension,timeout,log"},
        {"developer-api", "API and webhooks", "The REST API, rate limits, webhooks and developer keys.",
            "endpoint,rate limit,webhook,API key,request,response"},
    };

    static final String[][] FAQ_GROUPS = {
        {"general", "General"}, {"accounts", "Accounts and billing"}, {"networks", "Social networks"},
        {"publishing", "Publishing and scheduling"}, {"troubleshooting", "Troubleshooting"},
    };

    static final String[][] VERBS = {
        {"connect", "connecting", "connected"}, {"reconnect", "reconnecting", "reconnected"},
        {"schedule", "scheduling", "scheduled"}, {"publish", "publishing", "published"},
        {"export", "exporting", "exported"}, {"import", "importing", "imported"}, {"invite", "inviting", "invited"},
        {"remove", "removing", "removed"}, {"approve", "approving", "approved"}, {"archive", "archiving", "archived"},
        {"share", "sharing", "shared"}, {"edit", "editing", "edited"}, {"delete", "deleting", "deleted"},
        {"restore", "restoring", "restored"}, {"filter", "filtering", "filtered"}, {"assign", "assigning", "assigned"},
        {"verify", "verifying", "verified"}, {"sync", "syncing", "synced"}, {"duplicate", "duplicating", "duplicated"},
        {"pause", "pausing", "paused"}, {"rename", "renaming", "renamed"}, {"download", "downloading", "downloaded"},
        {"upload", "uploading", "uploaded"}, {"preview", "previewing", "previewed"}, {"tag", "tagging", "tagged"},
        {"move", "moving", "moved"}, {"reset", "resetting", "reset"}, {"enable", "enabling", "enabled"},
        {"disable", "disabling", "disabled"}, {"update", "updating", "updated"},
    };

    static final String[] NETWORKS = {"Facebook", "Instagram", "LinkedIn", "Twitter", "YouTube", "Google My Business",
        "TikTok", "Pinterest"};
    static final String[] STATES = {"disconnected", "pending", "expired", "paused", "failed", "scheduled", "archived",
        "restricted", "unverified", "read-only", "syncing", "queued"};
    static final String[] ROLES = {"Owner", "Admin", "Editor", "Publisher", "Analyst", "Contributor", "Guest"};
    static final String[] PLACES = {"Settings", "the top bar", "the left sidebar", "the account menu",
        "the Connections page", "the calendar", "the Inbox", "the Reports tab", "the Library", "the Billing page"};
    static final String[] COMMON_NOUNS = {"browser", "team", "customer", "message", "setting", "button", "menu",
        "email", "date", "filter", "list", "column", "file", "link", "search", "week", "month", "day", "minute",
        "hour", "change", "request", "reason", "name", "address", "password", "network", "brand", "client",
        "agency", "office", "phone", "tablet", "laptop", "screen", "window", "tab", "folder", "note", "reminder",
        "history", "activity", "status", "warning", "banner", "icon", "label", "option", "field", "form",
        "language", "region", "currency", "holiday", "weekend", "deadline", "approval", "review", "comment"};
    static final String[] SETTINGS = {"sync", "digest", "mode", "limit", "rule", "filter", "preview", "alert",
        "retention", "fallback", "shortcut", "default"};
    static final String[] DEFAULTS = {"On", "Off", "Every day", "Every week", "1 week", "1 month", "3 months",
        "Owner only", "Admins", "Everyone", "Automatic", "Ask each time"};

    static final String[] HEADINGS = {
        "Before you start", "Step: {verb} the {noun}", "Step: open {Feat}", "Step: check the {noun} settings",
        "What {Feat} does with your {noun}", "If the {noun} does not appear", "Limits", "Who can {verb} {nouns}",
        "Check your {noun} settings", "Why {nouns} become {state}", "{verbing} {nouns} from the mobile app",
        "What you need", "Common errors", "How {Net} handles {nouns}", "Undo a change", "Keep your {nouns} tidy",
        "Frequently asked questions", "Related settings", "What happens next", "Get help from support",
    };
    static final String[] SUBHEADINGS = {
        "On a phone", "On a computer", "For admins", "For {role}s", "Error {code}", "With {Net}",
        "In {place}", "If you use {Feat}", "Older workspaces", "Shared {nouns}",
    };
    static final String[] SENTENCES = {
        "To {verb} a {noun}, open {place} and select {Feat}.",
        "Only people with the {role} role can {verb} {nouns} in {Feat}.",
        "When you {verb} a {noun}, Lofty tells everyone on the {other} list by {other}.",
        "{Feat} keeps a copy of every {noun} for {n} days, so you can {verb} it later.",
        "If {Net} shows error {code}, {verb} the {noun} again and wait a {other}.",
        "A {noun} that is {state} stays in {place} until someone with the {role} role reviews it.",
        "You can {verb} up to {n} {nouns} at a time; larger batches are split automatically.",
        "Lofty checks each {noun} against the rules of {Net} before it is {verbed}.",
        "Most {nouns} are {verbed} within {n} minutes, but {Net} can take longer during busy hours.",
        "The {noun} list in {Feat} shows the newest {nouns} first; use the {other} filter to narrow it down.",
        "Nothing is lost when a {noun} is {verbed}: the {tail} history keeps every earlier version.",
        "Ask your {role} to {verb} the {noun} if the button is greyed out.",
        "{Net} sometimes asks you to {verb} your {other} before it accepts a new {noun}.",
        "We recommend that you {verb} {nouns} once a {other}, so they never become {state}.",
        "The {Feat} {other} explains why a {noun} was {verbed} and who did it.",
        "If your {other} changed recently, {verb} the {noun} from {place} to refresh it.",
        "Each {noun} belongs to one workspace; to share it, {verb} it into the {tail} workspace.",
        "Changes to a {noun} apply to future {others} only; {others} that were already {verbed} keep their settings.",
        "For security, Lofty signs you out of {Feat} after {n} hours without {other}.",
        "Reports about {nouns} include every {other} from the last {n} days, in your {other} time zone.",
        "A {noun} marked {state} needs attention: open it and follow the message at the top.",
        "You do not need to {verb} the {noun} again after you {verb} your {other}.",
        "{Feat} works with {Net}, and with the {tail} add-on for older {others}.",
        "The {tail} setting controls how often {Feat} checks your {nouns} for changes.",
        "Some {Net} {nouns} cannot be {verbed} from Lofty because {Net} does not allow it.",
        "Use search in {place} to find a {noun} by its {other}, its {other} or the person who {verbed} it.",
    };
    static final String[] STEPS = {
        "Open {place}.", "Select **{Feat}**.", "Choose the {noun} you want to {verb}.", "Click **{verb}**.",
        "Confirm with your {other} when {Net} asks.", "Pick a {other} from the list.",
        "Wait until the {noun} shows as {state}.", "Check the {noun} in {place}.",
        "Turn on **{tail} {other}** if you want a copy by email.", "Save your changes.",
    };
    static final String[] BULLETS = {
        "{nouns} that are {state} are skipped", "the {role} sees every {noun}", "{Net} limits you to {n} {nouns} a day",
        "a {noun} can have one {other} at most", "{Feat} keeps the last {n} versions", "error {code} means the {noun} was {verbed}",
        "deleted {nouns} stay in the trash for {n} days", "shared {nouns} follow the workspace {other}",
        "the {tail} option is off by default", "{nouns} sync every {n} minutes",
    };
    static final String[] SUMMARIES = {
        "How to {verb} a {noun} with {Feat}, who can do it, and what to do when it is {state}.",
        "Why {nouns} become {state} in {Feat}, and the steps that fix it.",
        "Everything {Feat} does when you {verb} a {noun}, with the limits {Net} sets.",
        "The settings that control {nouns} in {Feat}, and how to {verb} them safely.",
    };

    static final String SYNONYMS = """
            synonyms:
              facebook: [fb]
              instagram: [ig, insta, instagram business]
              linkedin: [li]
              twitter: [x]
              google my business: [gmb, google business profile]
              youtube: [yt]
              disconnect: [logged out, unlinked, kicked out, disconnected, dropped]
              reconnect: [reauth, relink, re-authenticate, reauthorize]
              token: [access token]
              revoke: [remove access, remove app]
              super admin: [superadmin]
              checkpoint: [security check]
              restricted: [restriction, locked]
            """;

    /** kb's slugger: lower case, every run of other characters becomes one hyphen. */
    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }

    static final String HUGO_CONFIG = """
            baseURL = "https://help.example.com/"
            title = "Lofty Help Center (benchmark, @COUNT@ articles)"
            languageCode = "en"
            buildFuture = true
            # kb makes no tag pages; keep Hugo's work comparable.
            disableKinds = ["taxonomy", "term"]

            [markup.goldmark.renderer]
              unsafe = false
            [markup.tableOfContents]
              startLevel = 2
              endLevel = 3
              ordered = true
            """;

    /** A minimal theme like kb's: header with search, sections in a sidebar (the open one lists its pages), TOC, related, prev/next. */
    static final String[][] HUGO_LAYOUTS = {
        {"layouts/_default/baseof.html", """
            <!DOCTYPE html>
            <html lang="{{ site.LanguageCode }}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
            <meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ with .Description }}{{ . }}{{ else }}{{ site.Title }}{{ end }}{{ end }}">
            <link rel="canonical" href="{{ .Permalink }}">
            <link rel="stylesheet" href="/style.css">
            <link href="/pagefind/pagefind-ui.css" rel="stylesheet">
            <script src="/pagefind/pagefind-ui.js"></script>
            </head>
            <body>
            <header class="site-header">
              <a class="site-name" href="/">{{ site.Title }}</a>
              <div id="search"></div>
              <script src="/search.js"></script>
              <nav class="top-links"><a href="/faq/">FAQ</a></nav>
            </header>
            <div class="layout">
              {{ partial "sidebar.html" . }}
              <main id="main">{{ block "main" . }}{{ end }}</main>
            </div>
            <footer class="site-footer"><p>{{ site.Title }}</p></footer>
            </body>
            </html>
            """},
        {"layouts/partials/sidebar.html", """
            <nav class="sidebar" aria-label="Sections">
              <h2 class="sidebar-title">Topics</h2>
              <ul>
              {{/* kb's sidebar: the open section lists at most 30 of its articles, those around the
                   open one (kb.pipeline.Pages.NAV_WINDOW), so the window is per page. The generator
                   gives every article a distinct weight, so its place is how many weigh less. */}}
              {{ $page := . }}
              {{ $current := .Section }}
              {{ range site.Sections.ByWeight }}
                {{ if ne .Section "faq" }}
                <li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
                {{ if eq .Section $current }}
                  {{ $pages := .Pages.ByWeight }}
                  {{ $shown := $pages }}
                  {{ $n := len $pages }}
                  {{ if gt $n 30 }}
                    {{ $at := 0 }}
                    {{ if eq $page.Kind "page" }}{{ $at = len (where $pages "Weight" "lt" $page.Weight) }}{{ end }}
                    {{ $from := sub $at 15 }}
                    {{ if gt $from (sub $n 30) }}{{ $from = sub $n 30 }}{{ end }}
                    {{ if lt $from 0 }}{{ $from = 0 }}{{ end }}
                    {{ $shown = first 30 (after $from $pages) }}
                  {{ end }}
                  <ul>{{ range $shown }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
                {{ end }}
                </li>
                {{ end }}
              {{ end }}
                <li><a href="/faq/">FAQ</a></li>
              </ul>
            </nav>
            """},
        {"layouts/_default/single.html", """
            {{ define "main" }}
            <article class="article" data-pagefind-body>
              <header>
                <h1>{{ .Title }}</h1>
                {{ with .Params.summary }}<p class="lead">{{ . }}</p>{{ end }}
                <p class="meta" data-pagefind-ignore>Updated <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time></p>
              </header>
              <nav class="toc" data-pagefind-ignore><h2>On this page</h2>{{ .TableOfContents }}</nav>
              <div class="article-body">{{ .Content }}</div>
              {{ with site.RegularPages.Related . | first 5 }}
              <aside class="related" data-pagefind-ignore><h2>Related articles</h2>
                <ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
              </aside>
              {{ end }}
              <nav class="prev-next" data-pagefind-ignore>
                {{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">← {{ .Title }}</a>{{ end }}
                {{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }} →</a>{{ end }}
              </nav>
            </article>
            {{ end }}
            """},
        {"layouts/_default/list.html", """
            {{ define "main" }}
            <h1>{{ .Title }}</h1>
            {{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
            {{ if eq .Section "faq" }}
              {{ range .Pages.ByWeight }}<section data-pagefind-body><h2>{{ .Title }}</h2>{{ .Content }}</section>{{ end }}
            {{ else }}
            <ul class="article-list">
              {{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>{{ end }}
            </ul>
            {{ end }}
            {{ end }}
            """},
        {"layouts/index.html", """
            {{ define "main" }}
            <h1>{{ site.Title }}</h1>
            <div class="cards">
            {{ range site.Sections.ByWeight }}
              <section class="card"><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Description }}</p>
                <p>{{ len .Pages }} articles</p>
                <ul>{{ range first 5 .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
              </section>
            {{ end }}
            </div>
            {{ end }}
            """},
        {"layouts/404.html", """
            {{ define "main" }}<h1>Page not found</h1><p><a href="/">Back to the help center</a></p>{{ end }}
            """},
        {"static/search.js", """
            window.addEventListener('DOMContentLoaded', function () {
              new PagefindUI({ element: '#search', showSubResults: true, showImages: false });
            });
            """},
        {"static/style.css", """
            body { font: 16px/1.5 system-ui, sans-serif; margin: 0; }
            .site-header { display: flex; gap: 1rem; align-items: center; padding: .5rem 1rem; border-bottom: 1px solid #ddd; }
            #search { flex: 1; max-width: 40rem; }
            .layout { display: flex; gap: 2rem; padding: 1rem; }
            .sidebar { flex: 0 0 16rem; font-size: .9rem; }
            main { flex: 1; max-width: 48rem; }
            table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .25rem .5rem; }
            .toc { background: #f6f6f6; padding: .5rem 1rem; }
            """},
    };
}
