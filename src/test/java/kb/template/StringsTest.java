package kb.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;
import kb.pipeline.BuildOptions;
import kb.pipeline.SiteBuild;
import kb.testing.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme's words: templates/i18n/<code>.yaml, t('key') in templates, and the mistakes a theme author can make. */
class StringsTest {
    @TempDir
    Path dir;

    /** A theme whose jar layer is kb's own and whose local layer holds {@code files}. */
    private Theme theme(Map<String, String> files) throws IOException {
        Path local = TestSites.write(dir.resolve("templates"), files);
        return new Theme(local, Theme.builtIn());
    }

    @Test
    void aKeyEnglishHasAndAnotherLanguageLacksIsAnErrorAtThatFile() throws IOException {
        Theme theme = theme(Map.of("i18n/de.yaml", "site.skip: Zum Inhalt springen\n"));
        Problems problems = new Problems();
        Strings.load(theme, problems);
        Path file = dir.resolve("templates/i18n/de.yaml");
        List<Problem> missing = problems.all().stream().filter(p -> p.where().file().equals(file)).toList();
        assertEquals(Strings.load(Theme.of(dir.resolve("none")), new Problems()).keys().size() - 1, missing.size(),
                "one problem per key de.yaml lacks: " + missing.subList(0, Math.min(3, missing.size())));
        Problem first = missing.stream().filter(p -> p.message().equals("missing 'search.button'")).findFirst().orElseThrow();
        assertEquals(new SourceLocation(file, 1, 1), first.where());
        assertEquals("en.yaml has it", first.hint());
        assertEquals(file + ":1:1: missing 'search.button' (en.yaml has it)", first.toString());
    }

    @Test
    void aKeyEnglishLacksInAnotherLanguageIsAnErrorAtTheKey() throws IOException {
        String spanish = Files.readString(Theme.builtIn().resolve("i18n/es.yaml"))
                .replace("search.button: Buscar", "search.button: Buscar\nserach.title: Buscar");
        Theme theme = theme(Map.of("i18n/es.yaml", spanish));
        Problems problems = new Problems();
        Strings.load(theme, problems);
        assertEquals(1, problems.all().size(), problems.all().toString());
        Problem p = problems.all().get(0);
        int line = spanish.lines().toList().indexOf("serach.title: Buscar") + 1;
        assertEquals(new SourceLocation(dir.resolve("templates/i18n/es.yaml"), line, 1), p.where(), p.toString());
        assertEquals("unknown string 'serach.title'", p.message());
        assertEquals("did you mean 'search.title'?", p.hint());
    }

    @Test
    void theShippedLanguagesHaveEveryKeyAndTheThemeUsesNoUnknownOne() {
        Problems problems = new Problems();
        Strings strings = Strings.load(Theme.of(dir.resolve("none")), problems);
        assertEquals(List.of(), problems.all());
        assertTrue(strings.has("en") && strings.has("es"));
        assertTrue(strings.keys().size() > 100, "the theme's words: " + strings.keys().size());
    }

    @Test
    void theArabicFixturesStringsHaveEveryKey() {
        Problems problems = new Problems();
        Strings strings = Strings.load(Theme.of(Path.of("src/test/resources/sites/arabic/templates")), problems);
        assertEquals(List.of(), problems.all(), "a key added to en.yaml needs its Arabic in the fixture too");
        assertEquals("انتقل إلى المحتوى", strings.text("ar", "site.skip"));
    }

    @Test
    void anUnknownKeyInATemplateIsLocatedWithTheNearestKey() throws IOException {
        String faq = "{% extends \"base\" %}\n{% block content %}\n<p>{{ t('faq.titel') }}</p>\n{% endblock %}\n";
        Theme theme = theme(Map.of("faq.peb", faq));
        Problems problems = new Problems();
        Templates.load(theme, problems);
        assertEquals(1, problems.all().size(), problems.all().toString());
        Problem p = problems.all().get(0);
        assertEquals(new SourceLocation(dir.resolve("templates/faq.peb"), 3, 10), p.where(), p.toString());
        assertEquals("unknown string 'faq.titel'", p.message());
        assertEquals("did you mean 'faq.title'?", p.hint());
    }

    @Test
    void anUnknownKeyInAScriptIsLocatedAndAPageCarriesOnlyTheKeysOfItsScripts() throws IOException {
        Theme theme = theme(Map.of("assets/js/kb-faq.js", "(function () {\n  count.textContent = ui.t('faq.countall', [3]);\n"
                + "  ui.announce(ui.t(open ? 'faq.expanded' : 'faq.collapsed'));\n})();\n"));
        Problems problems = new Problems();
        Strings strings = Strings.load(theme, problems);
        assertEquals(1, problems.all().size(), problems.all().toString());
        Problem p = problems.all().get(0);
        assertEquals(new SourceLocation(dir.resolve("templates/assets/js/kb-faq.js"), 2, 29), p.where(), p.toString());
        assertEquals("unknown string 'faq.countall'", p.message());
        assertEquals("did you mean 'faq.count_all'?", p.hint());
        assertEquals(Map.of("faq.collapsed", "Todas las preguntas contraídas", "faq.expanded", "Todas las preguntas desplegadas"),
                strings.forScripts("es", List.of("kb-faq.js")));
    }

    @Test
    void aKeyMadeWhileRenderingThatTheStringsLackIsALocatedTemplateError() throws IOException {
        // The static check cannot see a key built from a variable: the render names its line.
        String section = "{% set kind = 'titel' %}\n<p>{{ t('faq.' ~ kind) }}</p>\n";
        Theme theme = theme(Map.of("section.peb", section));
        Problems problems = new Problems();
        Templates templates = Templates.load(theme, problems);
        assertEquals(List.of(), problems.all());
        KbException e = assertThrows(KbException.class, () -> templates.render("section", Map.of(
                "site", new SiteModel("Help", "", "https://help.test/", "en", new SupportModel(null, null, null, null)))));
        Problem p = e.problems().get(0);
        assertEquals(new SourceLocation(dir.resolve("templates/section.peb"), 2, 4), p.where(), p.toString());
        assertEquals("template error: unknown string 'faq.titel'", p.message());
        assertEquals("did you mean 'faq.title'?", p.hint());
    }

    @Test
    void aSiteInALanguageTheThemeHasNoStringsForIsAnErrorAtKbYamlsLanguageLine() throws IOException {
        Path content = TestSites.minimal(dir.resolve("content"), Map.of("a.md", "---\nid: 1\ntitle: Erste Schritte\n---\n\nHallo.\n"));
        Files.writeString(content.resolve("kb.yaml"), "name: Hilfe\nbase_url: https://help.test/\nlanguage: de\n");
        Path out = dir.resolve("site");
        KbException e = assertThrows(KbException.class, () -> new SiteBuild(
                new BuildOptions(content, dir.resolve("templates"), out, null, false, false, true)).run());
        Problem p = e.problems().stream().filter(x -> x.message().contains("no strings")).findFirst()
                .orElseThrow(() -> new AssertionError(e.problems().toString()));
        assertEquals(new SourceLocation(content.resolve("kb.yaml"), 3, 11), p.where(), p.toString());
        assertEquals("the theme has no strings for language 'de'", p.message());
        assertTrue(p.hint().startsWith("add templates/i18n/de.yaml"), p.hint());
        assertTrue(Files.notExists(out), "a failed build writes no site");

        // The same for a second language of a multilingual site, at its line in languages:.
        Files.writeString(content.resolve("kb.yaml"), "name: Help\nbase_url: https://help.test/\nlanguages:\n  - en\n  - de\n");
        KbException second = assertThrows(KbException.class, () -> new SiteBuild(
                new BuildOptions(content, dir.resolve("templates"), out, null, false, false, true)).run());
        Problem q = second.problems().stream().filter(x -> x.message().contains("no strings")).findFirst()
                .orElseThrow(() -> new AssertionError(second.problems().toString()));
        assertEquals(content.resolve("kb.yaml"), q.where().file(), q.toString());
        assertEquals(5, q.where().line(), q.toString());
        assertEquals("the theme has no strings for language 'de'", q.message());
        Files.writeString(content.resolve("kb.yaml"), "name: Hilfe\nbase_url: https://help.test/\nlanguage: de\n");

        TestSites.write(dir.resolve("templates"), Map.of("i18n/de.yaml",
                Files.readString(Theme.builtIn().resolve("i18n/en.yaml")).replace("Skip to content", "Zum Inhalt springen")));
        new SiteBuild(new BuildOptions(content, dir.resolve("templates"), out, null, false, false, true)).run();
        assertTrue(Files.readString(out.resolve("index.html")).contains("Zum Inhalt springen"));
    }

    @Test
    void argumentsAreFilledInAndALinkKeepsItsMarkupWhileTextIsEscaped() throws IOException {
        Theme theme = theme(Map.of("section.peb",
                "{{ t('notfound.home', link('../', 'a <b> & c')) }}|{{ t('nav.all_in_section', 3, '<Setup>') }}\n"));
        Problems problems = new Problems();
        Templates templates = Templates.load(theme, problems);
        assertEquals(List.of(), problems.all());
        String html = templates.render("section", Map.of("site", new SiteModel("Help", "", "https://help.test/", "es", new SupportModel(null, null, null, null))));
        assertEquals("Vuelve a empezar desde la <a href=\"../\">a &lt;b&gt; &amp; c</a>.|Los 3 artículos de &lt;Setup&gt;", html);
    }

    @Test
    void datesAreWrittenAsTheLanguageWritesThem() {
        LocalDate day = LocalDate.of(2026, 12, 6);
        assertEquals("December 6, 2026", Strings.date("en", day));
        assertEquals("6 de diciembre de 2026", Strings.date("es", day));
    }

    @Test
    void rightToLeftLanguagesAreTheArabicHebrewPersianAndUrduOnes() {
        assertEquals(List.of("rtl", "rtl", "rtl", "rtl", "ltr", "ltr"),
                List.of("ar", "he", "fa", "ur-PK", "es", "en").stream().map(Strings::direction).toList());
    }
}
