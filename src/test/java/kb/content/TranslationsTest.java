package kb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import kb.testing.FixtureSites;
import kb.testing.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multilingual site's content: each translation under content/<code>/ tied to its original by
 * path and id, questions by their pinned anchor; every mistake a located error.
 */
class TranslationsTest {
    @TempDir
    Path dir;

    private Path site() {
        return FixtureSites.copy("multilingual", dir.resolve("content"));
    }

    private Content load(Path root, Problems problems) {
        return new ContentLoader(root, false).load(problems);
    }

    /** The errors as a writer sees them, paths from content/: {@code es/faq/general.md:6:1: ...}. */
    private List<String> errors(Path root) {
        Problems problems = new Problems();
        load(root, problems);
        return problems.all().stream().filter(Problem::isError)
                .map(p -> p.toString().replace(root + "/", "")).toList();
    }

    @Test
    void readsEachLanguageFromItsFolderTiedToTheOriginals() {
        Problems problems = new Problems();
        Content content = load(site(), problems);
        assertFalse(problems.hasErrors(), problems.all().toString());
        assertEquals(List.of("en", "es"), content.config().languages().stream().map(Language::code).toList());
        Content es = content.translations().get("es");
        assertEquals("es", es.config().language());
        assertEquals("Ayuda Pequeña", es.config().name());
        assertEquals("https://help.small.example/docs/es/", es.config().baseUrl());
        assertEquals(Map.of("desconectar", List.of("desvincular")), es.config().synonyms());
        assertEquals(List.of("Primeros pasos"), es.sections().stream().map(Section::title).toList(),
                "only translated sections; troubleshooting has none");
        assertEquals(List.of(1, 2), es.articles().map(Article::id).toList(),
                "how-it-works inherits id 1, tokens states id 2, in the original's order");
        Article inherited = es.articles().findFirst().orElseThrow();
        assertEquals("Cómo funcionan las conexiones", inherited.title());
        assertEquals(List.of("token-length"), inherited.faq().stream().map(Located::value).toList(),
                "references it does not restate come from the original");
        assertEquals(List.of("token-length"), es.questions().map(FaqQuestion::anchor).toList());
        assertEquals("Small Help", content.config().name(), "the default language keeps the top-level settings");
    }

    @Test
    void aTranslationWithoutAnOriginalIsAnErrorAtItsFile() throws IOException {
        Path root = site();
        TestSites.write(root, Map.of(
                "es/articles/getting-started/lost.md", "---\ntitle: Perdido\n---\n\nTexto.\n",
                "es/faq/billing.md", "---\ntitle: Facturación\n---\n\n## ¿Cuánto cuesta?\n\nNada.\n"));
        assertEquals(List.of(
                "es/articles/getting-started/lost.md:1:1: no original at content/articles/getting-started/lost.md"
                        + " (a translation sits at the same path under content/<language>/ as its original under content/)",
                "es/faq/billing.md:1:1: no original at content/faq/billing.md"
                        + " (a translation sits at the same path under content/<language>/ as its original under content/)"),
                errors(root));
    }

    @Test
    void aTranslationWithAnotherIdIsAnErrorAtTheId() throws IOException {
        Path root = site();
        Files.writeString(root.resolve("es/articles/getting-started/tokens.md"),
                "---\nid: 7\ntitle: Los tokens en breve\n---\n\nTexto.\n");
        assertEquals(List.of("es/articles/getting-started/tokens.md:2:5: id 7 is not the original's id 2"
                + " (content/articles/getting-started/tokens.md) (a translation carries its original's id:"
                + " write id: 2 or leave the id out)"), errors(root));
    }

    @Test
    void aQuestionWhoseAnchorTheOriginalLacksIsAnErrorAtItsHeading() throws IOException {
        Path root = site();
        Files.writeString(root.resolve("es/faq/general.md"),
                "---\ntitle: General\n---\n\n## ¿Puedo conectar dos cuentas?\n\nSí.\n");
        assertEquals(List.of("es/faq/general.md:5:1: the anchor 'puedo-conectar-dos-cuentas' is not a question of the"
                + " original content/faq/general.md (pin the original question's anchor, ## ¿Puedo conectar dos cuentas? {#...};"
                + " its anchors: token-length, two-accounts)"), errors(root));
    }

    @Test
    void aTranslatedSectionNeedsItsSettingsFile() throws IOException {
        Path root = site();
        Files.delete(root.resolve("es/articles/getting-started/_section.yaml"));
        List<String> errors = errors(root);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("es/articles/getting-started:1:1: translated section has no _section.yaml"), errors.get(0));
    }

    @Test
    void languageMustBeTheFirstOfLanguages() throws IOException {
        Path root = site();
        Files.writeString(root.resolve("kb.yaml"), "name: T\nbase_url: https://t.example/\nlanguage: es\n"
                + "languages: [en, es, en]\n");
        assertEquals(List.of(
                "kb.yaml:3:11: language 'es' is not the first of languages (en) (the first of languages is the default"
                        + " language: remove 'language:' or make them the same)",
                "kb.yaml:4:21: language 'en' is listed twice (list each language once)"), errors(root));
    }

    @Test
    void aLanguageCodeMustBeACodeAndNotOneOfKbsFolders() throws IOException {
        Path root = site();
        Files.writeString(root.resolve("kb.yaml"), "name: T\nbase_url: https://t.example/\n"
                + "languages:\n  - en\n  - code: faq\n  - español\n  - code: es\n    bogus: 1\n");
        List<String> errors = errors(root);
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("kb.yaml:5:11: the language code 'faq' names one of kb's own folders"), errors.get(0));
        assertTrue(errors.get(1).startsWith("kb.yaml:6:5: 'español' is not a language code"), errors.get(1));
        assertTrue(errors.get(2).startsWith("kb.yaml:8:5: unknown key 'bogus' in a language"), errors.get(2));
    }

    @Test
    void aLanguagesSupportDetailsTakeTheSitesForWhatTheyDoNotSay() throws IOException {
        Path root = site();
        Files.writeString(root.resolve("kb.yaml"), "name: T\nbase_url: https://t.example/\n"
                + "support:\n  email: help@t.example\n  chat: Open the chat in the app.\n"
                + "languages:\n  - en\n  - code: es\n    support:\n      chat: Abre el chat en la aplicación.\n");
        Problems problems = new Problems();
        Content content = load(root, problems);
        assertFalse(problems.hasErrors(), problems.all().toString());
        assertEquals(new Support("help@t.example", null, "Open the chat in the app."), content.config().support());
        assertEquals(new Support("help@t.example", null, "Abre el chat en la aplicación."),
                content.translations().get("es").config().support(), "its own chat, the site's email");
    }

    @Test
    void theDefaultLanguagesSupportIsTheTopLevelOne() throws IOException {
        Path root = site();
        Files.writeString(root.resolve("kb.yaml"), "name: T\nbase_url: https://t.example/\n"
                + "languages:\n  - code: en\n    support:\n      chat: Open the chat.\n  - es\n");
        assertEquals(List.of("kb.yaml:6:7: the default language's support is the top-level 'support' (move it to the top of kb.yaml)"),
                errors(root));
    }

    @Test
    void aOneLanguageSiteIgnoresNothingItReadBefore() throws IOException {
        TestSites.minimal(dir, Map.of("a.md", "---\nid: 1\ntitle: A\n---\n\nBody.\n"));
        Problems problems = new Problems();
        Content content = load(dir, problems);
        assertFalse(problems.hasErrors(), problems.all().toString());
        assertEquals(List.of("en"), content.config().languages().stream().map(Language::code).toList());
        assertTrue(content.translations().isEmpty());
        assertEquals(List.of(content), content.editions());
    }
}
