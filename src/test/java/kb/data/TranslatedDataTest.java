package kb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** networks.yaml on a multilingual site: notes, activity and role as one text or a text per language. */
class TranslatedDataTest {
    private static final List<String> EN_ES = List.of("en", "es");

    @TempDir
    Path dir;

    private List<String> problems(String yaml, List<String> languages, Problems problems) throws IOException {
        Path file = dir.resolve("networks.yaml");
        Files.writeString(file, yaml);
        NetworksReader.read(file, languages, problems);
        return problems.all().stream().map(p -> p.toString().replace(file.toString(), "networks.yaml")).toList();
    }

    @Test
    void eachLanguageShowsItsOwnTextAndTheDefaultWhereItHasNone() throws IOException {
        Path file = dir.resolve("networks.yaml");
        Files.writeString(file, """
                networks:
                  - id: linkedin
                    name: LinkedIn
                    lifespan_days: 365
                    inactivity_days: 60
                    activity: {en: posting, es: publicar}
                    role: Super admin
                    role_for: page
                    notes:
                      en: Pages disconnect with the profile.
                      es: Las páginas se desconectan con el perfil.
                """);
        Problems problems = new Problems();
        Networks networks = NetworksReader.read(file, EN_ES, problems);
        Network en = networks.all().get(0);
        Network es = networks.in("es").all().get(0);
        assertEquals("posting", en.activity());
        assertEquals("Pages disconnect with the profile.", en.notes());
        assertEquals("publicar", es.activity());
        assertEquals("Las páginas se desconectan con el perfil.", es.notes());
        assertEquals("Super admin", es.roleName(), "no Spanish role: the default language's");
        assertEquals(List.of("networks.yaml:7:11: warning: linkedin has no 'es' text for role: the es pages show the en text"
                + " (write role: {en: ..., es: ...})"),
                problems.all().stream().map(p -> p.toString().replace(file.toString(), "networks.yaml")).toList(),
                "a warning, not an error");
    }

    @Test
    void aTextForAnUnknownLanguageOrWithoutTheDefaultIsAnError() throws IOException {
        List<String> errors = problems("""
                networks:
                  - id: linkedin
                    name: LinkedIn
                    lifespan_days: 365
                    notes: {es: Hola, fr: Bonjour}
                """, EN_ES, new Problems());
        assertEquals(List.of(
                "networks.yaml:5:12: 'notes' has no text in the default language 'en' (add en: ... (the first of languages in kb.yaml))",
                "networks.yaml:5:23: 'fr' in 'notes' is not one of the site's languages (kb.yaml lists en, es)"),
                errors.stream().filter(e -> !e.contains("warning")).toList());
    }

    @Test
    void aOneLanguageSiteTakesTextsOnly() throws IOException {
        List<String> errors = problems("""
                networks:
                  - id: linkedin
                    name: LinkedIn
                    lifespan_days: 365
                    notes: {en: Hello}
                """, List.of(), new Problems());
        assertEquals(List.of("networks.yaml:5:12: 'notes' must be a text, found a mapping"
                + " (texts by language are for a site with several languages in kb.yaml)"), errors);
    }
}
