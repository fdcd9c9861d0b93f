package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    /** What one run printed and returned. */
    record Run(int status, String out, String err) { }

    private static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aRunNamingItsVerbBuildsThatVerbAlone() {
        assertEquals(List.of("search"), List.copyOf(Main.commandLine("search", "reconnect").getSubcommands().keySet()));
        assertEquals(KbCommand.VERBS, List.copyOf(Main.commandLine("--help").getSubcommands().keySet()));
        assertEquals(KbCommand.VERBS, List.copyOf(Main.commandLine("serch", "x").getSubcommands().keySet()));
    }

    @Test
    void eachVerbAloneAnswersAsTheWholeCommandLineDoes() {
        for (String verb : KbCommand.VERBS) {
            for (List<String> args : List.of(List.of(verb, "--help"), List.of(verb, "--no-such-option"))) {
                String[] argv = args.toArray(String[]::new);
                assertEquals(run(Main.commandLine(), argv), run(Main.commandLine(argv), argv), String.join(" ", args));
            }
        }
    }

    @Test
    void withoutAVerbEveryVerbIsListed() {
        Run help = run(Main.commandLine("--help"), "--help");
        assertEquals(0, help.status());
        for (String verb : KbCommand.VERBS) {
            assertEquals(1, help.out().lines().filter(l -> l.startsWith("  " + verb + " ")).count(), verb + " in\n" + help.out());
        }
        Run typo = run(Main.commandLine("serch", "x"), "serch", "x");
        assertEquals(ExitCodes.USAGE, typo.status());
        assertEquals(run(Main.commandLine(), "serch", "x"), typo);
    }
}
