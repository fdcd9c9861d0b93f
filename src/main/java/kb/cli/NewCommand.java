package kb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kb.check.PublishedManifest;
import kb.content.Anchors;
import kb.content.Article;
import kb.content.Content;
import kb.content.ContentLoader;
import kb.content.Located;
import kb.content.NearMiss;
import kb.content.Section;
import kb.diagnostic.Problems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kb new}: scaffolds a draft article with the next free id, today's dates and a slug from
 * its title. It never overwrites: the file is created only if no file has that name.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Creates a new draft article with the next free id; never overwrites a file.")
final class NewCommand implements Callable<Integer> {
    /** An {@code id:} line, to count the ids of articles the loader rejected (they are still taken). */
    private static final Pattern ID_LINE = Pattern.compile("(?m)^id:\\s*(\\d{1,9})\\s*(#.*)?$");
    /** A published short link {@code a/<id>/}: its id stays reserved after the article is deleted. */
    private static final Pattern SHORT_LINK = Pattern.compile("^/?a/(\\d{1,9})/");

    @Spec
    CommandSpec spec;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Content folder (default: ${DEFAULT-VALUE}).")
    Path contentDir;

    @Option(names = "--section", paramLabel = "S", description = "Section folder (default: the first section).")
    String section;

    @Option(names = "--slug", paramLabel = "SLUG", description = "File name without .md (default: made from the title).")
    String slug;

    @Parameters(arity = "1..*", paramLabel = "TITLE", description = "The article's title.")
    List<String> title;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text = String.join(" ", title).strip();
        if (text.isEmpty()) {
            err.println("kb: the title is empty");
            return ExitCodes.USAGE;
        }
        if (!Files.isDirectory(contentDir.resolve("articles"))) {
            err.println("kb: no folder '" + contentDir.resolve("articles") + "' (see --content)");
            return ExitCodes.USAGE;
        }
        Content content = new ContentLoader(contentDir, true).load(new Problems());
        List<String> sections = content.sections().stream().map(Section::slug).toList();
        if (sections.isEmpty()) {
            err.println("kb: there is no section yet: create a folder " + contentDir.resolve("articles") + "/<section>/ first");
            return ExitCodes.USAGE;
        }
        String where = section == null ? sections.get(0) : section;
        if (!sections.contains(where)) {
            err.println("kb: unknown section '" + where + "' (" + NearMiss.hint(where, sections) + ")");
            err.println("Sections: " + String.join(", ", sections));
            return ExitCodes.USAGE;
        }
        String name = slug == null ? Anchors.slug(text) : slug;
        if (!Anchors.isValid(name)) {
            err.println(slug == null
                    ? "kb: cannot make a file name from the title '" + text + "'; give one with --slug"
                    : "kb: --slug '" + slug + "' must be lower-case letters, digits and hyphens");
            return ExitCodes.USAGE;
        }
        Path file = contentDir.resolve("articles").resolve(where).resolve(name + ".md");
        String path = where + "/" + name;
        String aliasOf = content.articles().filter(a -> a.aliases().stream().map(Located::value).anyMatch(path::equals))
                .map(a -> a.source().toString()).findFirst().orElse(null);
        if (aliasOf != null) {
            err.println("kb: " + path + " is an alias of " + aliasOf + "; give the new article another --slug");
            return ExitCodes.CONTENT_ERRORS;
        }
        int id = nextId(content);
        try {
            Files.writeString(file, scaffold(id, text, LocalDate.now()), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            err.println("kb: " + file + " already exists; kb new never overwrites (pick another title or --slug)");
            return ExitCodes.CONTENT_ERRORS;
        }
        out.println("Created " + file + " (id " + id + ", a draft: preview it with `kb serve --drafts`)");
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * One more than the largest id in use: by any article, draft or not, by an article too broken
     * to load, or by a published short link (a deleted article's link must not reach a new one).
     */
    private int nextId(Content content) throws IOException {
        Set<Integer> ids = new HashSet<>();
        content.articles().map(Article::id).forEach(ids::add);
        try (Stream<Path> files = Files.walk(contentDir.resolve("articles"), 2)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).toList()) {
                Matcher m = ID_LINE.matcher(Files.readString(f, StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    ids.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        Path published = contentDir.resolve(PublishedManifest.FILE);
        if (Files.isRegularFile(published)) {
            for (String line : Files.readAllLines(published, StandardCharsets.UTF_8)) {
                Matcher m = SHORT_LINK.matcher(line.strip());
                if (m.find()) {
                    ids.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        return ids.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    static String scaffold(int id, String title, LocalDate today) {
        return "---\n"
                + "id: " + id + "\n"
                + "title: " + quoted(title) + "\n"
                + "summary: One or two sentences that say what this article helps with (shown under the title and in search).\n"
                + "updated: " + today + "\n"
                + "reviewed: " + today + "\n"
                + "draft: true\n"
                + "---\n\n"
                + "Write the article here. Preview it with `kb serve --drafts`; delete `draft: true` to publish it.\n";
    }

    /** A YAML double-quoted scalar (JSON's string syntax is valid YAML): any title stays a plain string. */
    private static String quoted(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
