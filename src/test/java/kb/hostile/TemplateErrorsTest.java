package kb.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kb.testing.FixtureSites;
import kb.testing.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken theme: each mistake located at its template's line, the build stopped, no stack trace. */
class TemplateErrorsTest {
    @TempDir
    Path dir;

    private HostileBuild.Outcome buildWith(String template, String find, String replace) throws IOException {
        Path templates = FixtureSites.copyTree(TestSites.TEMPLATES, dir.resolve("templates"));
        Path file = templates.resolve(template);
        String text = Files.readString(file);
        int at = text.indexOf(find);
        assertFalse(at < 0, find + " not found in " + template);
        Files.writeString(file, text.substring(0, at) + replace + text.substring(at + find.length()));
        return HostileBuild.build(FixtureSites.copy("small-site", dir.resolve("content")), templates);
    }

    /** {@code line:col} of the first {@code text} in {@code file}, 1-based, as errors print it. */
    private static String placeOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return (i + 1) + ":" + (lines.get(i).indexOf(text) + 1);
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void aPebbleSyntaxErrorIsLocatedInItsTemplate() throws IOException {
        HostileBuild.Outcome outcome = buildWith("section.peb", "{% for a in section.articles %}", "{% for a in %}");
        String at = placeOf(dir.resolve("templates/section.peb"), "{% for a in %}");
        List<String> errors = outcome.errors();
        assertEquals(1, errors.size(), outcome.err());
        assertEquals("templates/section.peb:" + at + ": template error: ",
                errors.get(0).substring(0, ("templates/section.peb:" + at + ": template error: ").length()), outcome.err());
        assertFalse(Files.exists(outcome.site()));
    }

    @Test
    void anUnknownVariableIsAnErrorNotAnEmptyString() throws IOException {
        HostileBuild.Outcome outcome = buildWith("article.peb", "{{ article.title }}", "{{ article.titel }}");
        String at = placeOf(dir.resolve("templates/article.peb"), "{{ article.titel }}");
        assertEquals(List.of("templates/article.peb:" + at + ": template error: 'article' has no 'titel' (did you mean 'title'?)"),
                outcome.errors(), outcome.err());
        assertFalse(Files.exists(outcome.site()), "nothing is published from a half-rendered site");
    }

    @Test
    // HostileBuild stops a build after 20 s: before the owner search was bounded it ran for minutes here
    void anUnknownAttributeOnAVeryLongTemplateLineIsLocatedWithoutBacktrackingOverTheLine() throws IOException {
        String run = "x".repeat(200_000);
        HostileBuild.Outcome outcome = buildWith("article.peb", "{{ article.title }}", "{{ article['titel'] }}" + run);
        String at = placeOf(dir.resolve("templates/article.peb"), "{{ article['titel'] }}");
        assertEquals(1, outcome.errors().size(), outcome.err());
        assertEquals("templates/article.peb:" + at + ": template error: ",
                outcome.errors().get(0).substring(0, ("templates/article.peb:" + at + ": template error: ").length()), outcome.err());
        assertFalse(Files.exists(outcome.site()));
    }

    @Test
    void anUnknownRootVariableIsAnErrorToo() throws IOException {
        HostileBuild.Outcome outcome = buildWith("base.peb", "<title>", "{{ no_such_variable }}<title>");
        String at = placeOf(dir.resolve("templates/base.peb"), "{{ no_such_variable }}");
        assertEquals(1, outcome.status(), outcome.err());
        assertEquals(List.of("templates/base.peb:" + at + ": template error: unknown variable 'no_such_variable'"),
                outcome.errors(), outcome.err());
    }

    @Test
    void anUnknownFunctionIsLocatedAtItsOwnTagNotTheLinesFirst() throws IOException {
        HostileBuild.Outcome outcome = buildWith("base.peb", "dir=\"{{ direction() }}\"", "dir=\"{{ no_such_function() }}\"");
        String at = placeOf(dir.resolve("templates/base.peb"), "{{ no_such_function() }}");
        assertEquals(1, outcome.errors().size(), outcome.err());
        assertTrue(outcome.errors().get(0).startsWith("templates/base.peb:" + at + ": template error: "), outcome.err());
        assertTrue(outcome.errors().get(0).contains("no_such_function"), outcome.err());
    }

    @Test
    void checkRendersEveryPageSoItFailsWhereTheBuildWould() throws IOException {
        Path templates = FixtureSites.copyTree(TestSites.TEMPLATES, dir.resolve("templates"));
        Path article = templates.resolve("article.peb");
        Files.writeString(article, Files.readString(article).replace("{{ article.title }}", "{{ article.titel }}"));
        Path content = FixtureSites.copy("small-site", dir.resolve("content"));
        kb.cli.CliRun.Result check = kb.cli.CliRun.run("check", "--content", content.toString(),
                "--templates", templates.toString(), "--out", dir.resolve("site").toString());
        assertEquals(1, check.status(), check.out() + check.err());
        String at = placeOf(article, "{{ article.titel }}");
        assertEquals(templates.resolve("article.peb") + ":" + at + ": template error: 'article' has no 'titel'"
                + " (did you mean 'title'?)", check.err().lines().findFirst().orElse(""));
        assertFalse(Files.exists(dir.resolve("site")), "check writes nothing");
    }

    @Test
    void aPageTemplateMissingLocallyComesFromKbsDefaultTheme() throws IOException {
        Path templates = FixtureSites.copyTree(TestSites.TEMPLATES, dir.resolve("templates"));
        Files.delete(templates.resolve("faq.peb"));
        HostileBuild.Outcome outcome = HostileBuild.build(FixtureSites.copy("small-site", dir.resolve("content")), templates);
        outcome.assertBuilt();
        assertEquals(1, outcome.page("faq/index.html").select("main h1").size(), "the FAQ page is built with the jar's faq.peb");
    }

    @Test
    void aThemeLinkToAnAnchorNoPageHasIsAnErrorOfItsTemplate() throws IOException {
        // Anchors the page has (the skip link's target) and one the FAQ page has pass; the others do not.
        HostileBuild.Outcome outcome = buildWith("article.peb", "{{ article.title }}", "{{ article.title }}"
                + "<a href=\"#main\">up</a><a href=\"#no-such-part\">on</a>"
                + "<a href=\"../../faq/#main\">faq</a><a href=\"../../faq/#no-such-question\">faq</a>");
        assertEquals(1, outcome.status(), outcome.err());
        assertEquals(List.of("templates/article.peb: broken anchor '#no-such-part'",
                        "templates/article.peb: broken anchor '../../faq/#no-such-question'"),
                outcome.errors().stream().map(e -> e.replaceFirst(":\\d+:\\d+: ", ": ").replaceFirst(" \\(on .*", "")).toList(),
                outcome.err());
    }
}
