package kb.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;

/**
 * Walks {@code content/} and returns it as validated records: settings, sections with their
 * articles in order, FAQ groups. Every problem found is added to the given {@link Problems}.
 */
public final class ContentLoader {
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> SECTION_KEYS = Set.of("title", "description", "order");
    /**
     * The site's own top-level folders (short links, the data API, the theme's assets, the FAQ,
     * the lifespan table, search): a section or an alias there would overwrite kb's pages.
     * ReservedFoldersTest checks the list against what a build writes.
     */
    public static final Set<String> RESERVED = Set.of(".kb", "_kb", "a", "api", "assets", "faq", "lifespans", "search",
            "widget");
    /** The order of articles within a section: weight, then title, then slug. */
    public static final Comparator<Article> READING_ORDER =
            Comparator.comparingInt(Article::weight).thenComparing(Article::title).thenComparing(Article::slug);

    private final Path root;
    private final boolean drafts;
    private final ArticleMemo memo;

    /** @param drafts whether {@code draft: true} articles are kept (preview) or left out (publish) */
    public ContentLoader(Path root, boolean drafts) {
        this(root, drafts, ArticleMemo.NONE);
    }

    /**
     * @param drafts whether {@code draft: true} articles are kept (preview) or left out (publish)
     * @param memo articles read before, taken when their files' bytes are the same
     */
    public ContentLoader(Path root, boolean drafts, ArticleMemo memo) {
        this.root = root;
        this.drafts = drafts;
        this.memo = memo;
    }

    public Content load(Problems problems) {
        SiteConfig config = SiteConfigReader.read(root.resolve("kb.yaml"), problems);
        List<String> languageCodes = config == null ? List.of()
                : config.languages().stream().skip(1).map(Language::code).toList();
        List<Section> sections = sections(languageCodes, problems);
        List<FaqGroup> faq = faq(problems);
        checkUnique(sections, faq, problems);
        Content content = new Content(root, config, sections, faq);
        if (config == null || !config.multilingual()) {
            return content;
        }
        Map<String, Content> translations = new java.util.LinkedHashMap<>();
        TranslationLoader translated = new TranslationLoader(root, content, drafts, memo, problems);
        config.languages().stream().skip(1).forEach(l -> translations.put(l.code(), translated.load(l)));
        return new Content(root, config, sections, faq, translations);
    }

    /**
     * Reads only {@code kb.yaml}, for commands that need the settings but no article (a query
     * against the built index). Null when it has errors (in {@code problems}).
     */
    public SiteConfig config(Problems problems) {
        return SiteConfigReader.read(root.resolve("kb.yaml"), problems);
    }

    /**
     * Re-reads one article file ({@code articles/<section>/<slug>.md}) as {@link #load} reads it,
     * for a preview that reloads only the file that changed. Null when it has errors (in {@code problems}).
     */
    public Article readArticle(Path file, Problems problems) {
        String name = file.getFileName().toString();
        return ArticleReader.read(file, file.getParent().getFileName().toString(),
                name.substring(0, name.length() - ".md".length()), problems);
    }

    private List<Section> sections(List<String> languageCodes, Problems problems) {
        Path articles = root.resolve("articles");
        List<Section> sections = new ArrayList<>();
        for (Path folder : children(articles, problems)) {
            String name = folder.getFileName().toString();
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                if (!name.startsWith(".")) {
                    problems.error(SourceLocation.of(folder), "articles must be inside a section folder",
                            "move it to content/articles/<section>/" + name);
                }
                continue;
            }
            if (!SLUG.matcher(name).matches()) {
                problems.error(SourceLocation.of(folder), "section folder name '" + name + "' is not a URL slug",
                        "rename it to '" + Anchors.slug(name) + "'");
                continue;
            }
            if (RESERVED.contains(name)) {
                problems.error(SourceLocation.of(folder), "section folder name '" + name + "' is taken by the site's own "
                        + name + "/ pages", "rename the folder; kb keeps " + String.join(", ", RESERVED.stream().sorted().toList())
                        + " for itself");
                continue;
            }
            if (languageCodes.contains(name)) {
                problems.error(SourceLocation.of(folder), "section folder name '" + name + "' is the code of a language,"
                        + " whose pages are served under " + name + "/", "rename the folder");
                continue;
            }
            Section section = section(folder, name, problems);
            if (section != null) {
                sections.add(section);
            }
        }
        sections.sort(Comparator.comparingInt(Section::order).thenComparing(Section::title));
        return sections;
    }

    private Section section(Path folder, String slug, Problems problems) {
        String title = humanise(slug);
        String description = "";
        int order = 1000;
        Path settings = folder.resolve("_section.yaml");
        if (Files.isRegularFile(settings, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Fields f = new Fields(YamlReader.read(settings, SourceText.read(settings).text(), 1),
                        "_section.yaml", SECTION_KEYS, problems);
                title = f.text("title").orElse(title);
                description = f.text("description").orElse("");
                order = f.integer("order").orElse(order);
            } catch (kb.diagnostic.KbException e) {
                problems.addAll(e.problems());
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(kb.diagnostic.Problem.internal(SourceLocation.of(settings), "reading this file", e));
            }
        }
        // The files are read in parallel, each with problems of its own, reported in name order
        // as one after the other would: reading 10,000 articles was most of a warm build's load phase.
        List<Path> files = children(folder, problems);
        Article[] read = new Article[files.size()];
        Problems[] found = new Problems[files.size()];
        java.util.stream.IntStream.range(0, files.size()).parallel().forEach(i -> {
            found[i] = new Problems();
            read[i] = article(files.get(i), slug, memo, found[i]);
        });
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < read.length; i++) {
            problems.addAll(found[i].all());
            if (read[i] != null && (drafts || !read[i].draft())) {
                articles.add(read[i]);
            }
        }
        articles.sort(READING_ORDER);
        return new Section(slug, title, description, order, articles);
    }

    /** The article in {@code file} of the section {@code slug}, or null: not an article, or with errors (in {@code problems}). */
    private static Article article(Path file, String slug, ArticleMemo memo, Problems problems) {
        String name = file.getFileName().toString();
        if (name.equals("_section.yaml") || name.startsWith(".")) {
            return null;
        }
        if (!name.endsWith(".md") || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            problems.error(SourceLocation.of(file), "unexpected file in a section folder",
                    "sections hold Markdown articles (*.md) and _section.yaml only");
            return null;
        }
        String slug2 = name.substring(0, name.length() - 3);
        if (!SLUG.matcher(slug2).matches()) {
            problems.error(SourceLocation.of(file), "file name '" + name + "' is not a URL slug",
                    "rename it to '" + Anchors.slug(slug2) + ".md'");
            return null;
        }
        return guarded(file, () -> ArticleReader.read(new ArticleMemo.Place(file, slug, slug2, true), memo, problems), problems);
    }

    private List<FaqGroup> faq(Problems problems) {
        List<FaqGroup> groups = new ArrayList<>();
        Path folder = root.resolve("faq");
        if (!Files.isDirectory(folder)) {
            return groups;
        }
        for (Path file : children(folder, problems)) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".md") || name.startsWith(".")) {
                continue;
            }
            String slug = Anchors.slug(name.substring(0, name.length() - 3));
            FaqGroup same = groups.stream().filter(g -> g.slug().equals(slug)).findFirst().orElse(null);
            if (slug.isEmpty() || same != null) {
                // The group's anchor on the FAQ page comes from the file name: two groups, one anchor.
                problems.error(SourceLocation.of(file), slug.isEmpty() ? "FAQ file name '" + name + "' gives no anchor"
                        : "FAQ file name '" + name + "' gives the anchor '" + slug + "', as " + same.source().getFileName() + " does",
                        "rename it with lower-case letters, digits and hyphens");
                continue;
            }
            FaqGroup group = guarded(file, () -> FaqReader.read(file, slug, problems), problems);
            if (group != null) {
                groups.add(group);
            }
        }
        groups.sort(Comparator.comparingInt(FaqGroup::order).thenComparing(FaqGroup::title));
        return groups;
    }

    /**
     * The entries of a folder in name order. Symbolic links are not followed: one that leaves
     * {@code content/} or loops would let a build read, and publish, files it should not.
     */
    static List<Path> children(Path folder, Problems problems) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> out = new ArrayList<>();
            for (Path p : entries.sorted().toList()) {
                if (Files.isSymbolicLink(p)) {
                    problems.error(SourceLocation.of(p), "symbolic links are not followed in content/",
                            "copy the file here instead of linking it");
                } else {
                    out.add(p);
                }
            }
            return out;
        } catch (IOException e) {
            problems.error(SourceLocation.of(folder), "cannot list folder: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Reads one file; a bug of kb's met on it (no input should raise anything but a located
     * problem) becomes one problem naming the file, so the other files are still read and reported.
     */
    static <T> T guarded(Path file, java.util.function.Supplier<T> read, Problems problems) {
        try {
            return read.get();
        } catch (kb.diagnostic.KbException e) {
            problems.addAll(e.problems());
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(kb.diagnostic.Problem.internal(SourceLocation.of(file), "reading this file", e));
        }
        return null;
    }

    private static void checkUnique(List<Section> sections, List<FaqGroup> faq, Problems problems) {
        Map<Integer, Article> ids = new HashMap<>();
        Map<String, String> paths = new HashMap<>();
        sections.forEach(s -> paths.put(s.slug(), "the section " + s.slug() + "/"));
        sections.stream().flatMap(s -> s.articles().stream()).forEach(a -> paths.put(a.path(), a.source().toString()));
        for (Section section : sections) {
            for (Article a : section.articles()) {
                Article other = ids.putIfAbsent(a.id(), a);
                if (other != null) {
                    problems.error(a.idAt(), "duplicate id " + a.id() + ", also used by " + other.source(),
                            "give this article a number no other article uses");
                }
                for (Located<String> alias : a.aliases()) {
                    String top = alias.value().split("/", 2)[0];
                    if (RESERVED.contains(top)) {
                        problems.error(alias.at(), "alias '" + alias.value() + "' is inside the site's own " + top + "/ pages",
                                "aliases are old article paths, like section/old-slug");
                        continue;
                    }
                    String owner = paths.putIfAbsent(alias.value(), a.source().toString());
                    if (owner != null && !owner.equals(a.source().toString())) {
                        problems.error(alias.at(), "alias '" + alias.value() + "' is already taken by " + owner);
                    }
                }
            }
        }
        Map<String, FaqQuestion> anchors = new HashMap<>();
        for (FaqGroup group : faq) {
            for (FaqQuestion q : group.questions()) {
                for (String anchor : Stream.concat(Stream.of(q.anchor()), q.aliases().stream()).toList()) {
                    FaqQuestion other = anchors.putIfAbsent(anchor, q);
                    if (other != null && other != q) {
                        problems.error(q.at(), "duplicate FAQ anchor '" + anchor + "', also used at " + other.at(),
                                "pin a different one: ## " + q.question() + " {#another-anchor}");
                    }
                }
            }
        }
    }

    static String humanise(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
