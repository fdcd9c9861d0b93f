package kb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code widget:} settings of kb.yaml, and every mistake in them reported where it is. */
class WidgetSettingsTest {
    @TempDir
    Path dir;

    private Problems problems;

    private SiteConfig read(String widget) throws IOException {
        Path file = dir.resolve("kb.yaml");
        Files.writeString(file, "name: Test Help\nbase_url: https://help.test/\n" + widget);
        problems = new Problems();
        return SiteConfigReader.read(file, problems);
    }

    private List<String> problems(String widget) throws IOException {
        read(widget);
        return problems.all().stream().map(Problem::toString).map(s -> s.replace(dir.toString() + "/", "")).toList();
    }

    @Test
    void aSiteWithoutWidgetSettingsGetsTheWidgetOnWithDefaults() throws IOException {
        SiteConfig c = read("");
        assertFalse(problems.hasErrors());
        assertEquals(WidgetSettings.DEFAULT, c.widget());
        assertEquals(true, c.widget().enabled());
    }

    @Test
    void falseTurnsItOff() throws IOException {
        assertEquals(false, read("widget: false\n").widget().enabled());
        assertEquals(false, read("widget:\n  enabled: false\n").widget().enabled());
        assertFalse(problems.hasErrors());
    }

    @Test
    void readsLabelPositionAndColours() throws IOException {
        SiteConfig c = read("""
                widget:
                  label: Need help?
                  position: bottom-left
                  colors:
                    accent: "#7A1F9C"
                    accent_dark: "#fc9"
                """);
        assertFalse(problems.hasErrors(), problems.all().toString());
        assertEquals(new WidgetSettings(true, "Need help?", "bottom-left", "#7a1f9c", "#ffcc99"), c.widget());
    }

    @Test
    void everyMistakeIsReportedAtItsLineAtOnce() throws IOException {
        assertEquals(List.of(
                "kb.yaml:5:3: unknown key 'lable' in widget (did you mean 'label'?)",
                "kb.yaml:6:13: widget position must be bottom-right or bottom-left, found 'top-left' (known: bottom-left, bottom-right)",
                "kb.yaml:8:13: widget color 'accent' must be a hex colour like #0a58b5, found 'red' (quote it in YAML: accent: \"#0a58b5\")",
                "kb.yaml:9:18: widget color 'accent_dark' #222222 has a contrast of 1.1:1 with the dark panel, below the 4.5:1 readers need (pick a lighter colour)",
                "kb.yaml:10:5: unknown key 'backgrond' in widget colors (known: accent, accent_dark)",
                "kb.yaml:11:12: 'enabled' must be true or false, found 'yes please'"),
                problems("""
                        widget:
                          label: Help
                          lable: Help
                          position: top-left
                          colors:
                            accent: red
                            accent_dark: "#222222"
                            backgrond: "#ffffff"
                          enabled: yes please
                        """).stream().sorted(java.util.Comparator.comparingInt(WidgetSettingsTest::line)).toList());
    }

    private static int line(String problem) {
        return Integer.parseInt(problem.split(":")[1]);
    }

    @Test
    void aPaleAccentIsRefusedBecauseWhiteLauncherTextWouldNotRead() throws IOException {
        assertEquals(List.of("kb.yaml:7:13: widget color 'accent' #ffdd00 has a contrast of 1.3:1 with white, "
                        + "below the 4.5:1 readers need (pick a darker colour)"),
                problems("widget:\n  label: Help\n  colors:\n    # yellow\n    accent: \"#ffdd00\"\n"));
    }

    @Test
    void aLabelTooLongForTheLauncherIsRefused() throws IOException {
        assertEquals(List.of("kb.yaml:4:10: widget label is 49 characters long, at most 40 fit on the launcher "
                        + "(a word or two, such as 'Help' or 'Need help?')"),
                problems("widget:\n  label: Questions about your social accounts? Ask us here\n"));
    }
}
