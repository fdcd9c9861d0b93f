package kb.content;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;

/**
 * Reads one language's {@code content/<code>/}: translations of the default language's articles,
 * sections and FAQ groups, each at the same relative path as its original. A translation carries
 * its original's id (or inherits it), its section's order, and the references it does not restate
 * (networks, FAQ anchors, related ids); a translated question pins its original's anchor.
 */
final class TranslationLoader {
    private static final Set<String> SECTION_KEYS = Set.of("title", "description");
    private static final Set<String> FOLDERS = Set.of("articles", "faq");

    private final Path content;
    private final Content original;
    private final boolean drafts;
    private final ArticleMemo memo;
    private final Problems problems;

    TranslationLoader(Path content, Content original, boolean drafts, ArticleMemo memo, Problems problems) {
        this.content = content;
        this.original = original;
        this.drafts = drafts;
        this.memo = memo;
        this.problems = problems;
    }

    Content load(Language language) {
        Path root = content.resolve(language.code());
        for (Path entry : ContentLoader.children(root, problems)) {
            String name = entry.getFileName().toString();
            if (!name.startsWith(".") && !(FOLDERS.contains(name) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS))) {
                problems.error(SourceLocation.of(entry), "unexpected " + (Files.isDirectory(entry) ? "folder" : "file")
                        + " in content/" + language.code() + "/", "a language's folder holds articles/ and faq/ only, "
                        + "as content/ does; settings and data stay in content/");
            }
        }
        List<Section> sections = new ArrayList<>();
        for (Path folder : ContentLoader.children(root.resolve("articles"), problems)) {
            Section s = section(folder);
            if (s != null) {
                sections.add(s);
            }
        }
        sections.sort(Comparator.comparingInt(Section::order).thenComparing(Section::title));
        List<FaqGroup> faq = new ArrayList<>();
        for (Path file : ContentLoader.children(root.resolve("faq"), problems)) {
            FaqGroup g = faqGroup(file);
            if (g != null) {
                faq.add(g);
            }
        }
        faq.sort(Comparator.comparingInt(FaqGroup::order).thenComparing(FaqGroup::title));
        return new Content(root, original.config().edition(language), sections, faq);
    }

    private Section section(Path folder) {
        String slug = folder.getFileName().toString();
        if (slug.startsWith(".")) {
            return null;
        }
        Section source = original.sections().stream().filter(s -> s.slug().equals(slug)).findFirst().orElse(null);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) || source == null) {
            noOriginal(folder, "articles/" + slug + (Files.isDirectory(folder) ? "/" : ""));
            return null;
        }
        Path settings = folder.resolve("_section.yaml");
        String title = source.title();
        String description = source.description();
        if (!Files.isRegularFile(settings, LinkOption.NOFOLLOW_LINKS)) {
            problems.error(SourceLocation.of(folder), "translated section has no _section.yaml",
                    "add _section.yaml with the section's title and description in this language");
        } else {
            Fields f = ContentLoader.guarded(settings, () -> new Fields(
                    YamlReader.read(settings, SourceText.read(settings).text(), 1), "_section.yaml", SECTION_KEYS, problems), problems);
            if (f != null) {
                title = f.requiredText("title");
                description = f.text("description").orElse("");
            }
        }
        List<Article> articles = new ArrayList<>();
        for (Path file : ContentLoader.children(folder, problems)) {
            String name = file.getFileName().toString();
            if (name.equals("_section.yaml") || name.startsWith(".")) {
                continue;
            }
            Article a = article(source, file, name);
            if (a != null && (drafts || !a.draft())) {
                articles.add(a);
            }
        }
        articles.sort(ContentLoader.READING_ORDER);
        return new Section(slug, title, description, source.order(), articles);
    }

    private Article article(Section section, Path file, String name) {
        String slug = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        Article source = section.articles().stream().filter(a -> a.slug().equals(slug)).findFirst().orElse(null);
        if (source == null || !name.endsWith(".md")) {
            if (!Files.isRegularFile(content.resolve("articles").resolve(section.slug()).resolve(name))) {
                noOriginal(file, "articles/" + section.slug() + "/" + name);
            }
            return null; // else the original is a draft left out, or has errors of its own, reported there
        }
        Article t = ContentLoader.guarded(file, () -> ArticleReader.read(new ArticleMemo.Place(file, section.slug(), slug, false), memo, problems), problems);
        if (t == null) {
            return null;
        }
        if (t.id() != 0 && t.id() != source.id()) {
            problems.error(t.idAt(), "id " + t.id() + " is not the original's id " + source.id() + " (content/articles/"
                    + source.path() + ".md)", "a translation carries its original's id: write id: " + source.id()
                    + " or leave the id out");
            // kept under the original's id all the same, so links to it do not fail as well
        }
        return new Article(source.id(), t.id() != 0 ? t.idAt() : source.idAt(), t.title(), t.summary(),
                t.tags().isEmpty() ? source.tags() : t.tags(),
                t.networks().isEmpty() ? source.networks() : t.networks(),
                List.of(), // old paths redirect once, at the site root, to the default language
                t.updated(), t.reviewed(), t.draft(), source.weight(),
                t.faq().isEmpty() ? source.faq() : t.faq(),
                t.related().isEmpty() ? source.related() : t.related(),
                section.slug(), slug, file, t.markdown(), t.bodyLine());
    }

    private FaqGroup faqGroup(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || !name.endsWith(".md")) {
            return null; // as content/faq/ is read
        }
        String slug = Anchors.slug(name.substring(0, name.length() - 3));
        FaqGroup source = original.faq().stream().filter(g -> g.source().getFileName().toString().equals(name))
                .findFirst().orElse(null);
        if (source == null) {
            if (!Files.isRegularFile(content.resolve("faq").resolve(name))) {
                noOriginal(file, "faq/" + name);
            }
            return null;
        }
        FaqGroup t = ContentLoader.guarded(file, () -> FaqReader.read(file, slug, problems), problems);
        if (t == null) {
            return null;
        }
        Set<String> anchors = source.questions().stream()
                .flatMap(q -> Stream.concat(Stream.of(q.anchor()), q.aliases().stream())).collect(Collectors.toSet());
        List<FaqQuestion> questions = new ArrayList<>();
        for (FaqQuestion q : t.questions()) {
            if (anchors.contains(q.anchor())) {
                questions.add(q);
            } else {
                problems.error(q.at(), "the anchor '" + q.anchor() + "' is not a question of the original content/faq/" + name,
                        "pin the original question's anchor, ## " + q.question() + " {#...}; its anchors: "
                                + source.questions().stream().map(FaqQuestion::anchor).collect(Collectors.joining(", ")));
            }
        }
        return new FaqGroup(slug, t.title(), source.order(), file, questions);
    }

    private void noOriginal(Path file, String path) {
        problems.error(SourceLocation.of(file), "no original at content/" + path,
                "a translation sits at the same path under content/<language>/ as its original under content/");
    }
}
