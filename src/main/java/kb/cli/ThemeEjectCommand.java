package kb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import kb.content.NearMiss;
import kb.template.Theme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kb theme eject}: copies files of the default theme into {@code templates/}, where they
 * override the jar's, to be edited. A file already there is left alone: it may hold a team's
 * changes, and kb never overwrites what people wrote.
 */
@Command(name = "eject", mixinStandardHelpOptions = true,
        description = {"Copies kb's default theme files into the templates folder to customize; never overwrites.",
                "With no FILE, copies the whole theme. A FILE may name a folder (assets/js)."})
final class ThemeEjectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
            description = "Theme folder to copy into (default: ${DEFAULT-VALUE}).")
    Path templates;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Theme files to copy, e.g. article.peb assets/kb.css.")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SortedMap<String, Path> theme = Theme.defaults("");
        SortedMap<String, Path> chosen = names.isEmpty() ? theme : new TreeMap<>();
        for (String typed : names) {
            String name = typed.replace('\\', '/').replaceAll("^(\\./)?(templates/)?|/$", "");
            SortedMap<String, Path> matched = new TreeMap<>();
            theme.forEach((file, source) -> {
                if (file.equals(name) || file.equals(name + ".peb") || file.startsWith(name + "/")) {
                    matched.put(file, source);
                }
            });
            if (matched.isEmpty()) {
                err.println("kb: the default theme has no file '" + typed + "' (" + NearMiss.hint(name, theme.keySet()) + ")");
                err.flush();
                return ExitCodes.USAGE;
            }
            chosen.putAll(matched);
        }
        int copied = 0;
        List<String> skipped = new ArrayList<>();
        for (var file : chosen.entrySet()) {
            Path target = templates.resolve(file.getKey());
            try {
                Files.createDirectories(target.getParent());
                Files.copy(file.getValue(), target);
                out.println("Copied " + target);
                copied++;
            } catch (FileAlreadyExistsException e) {
                skipped.add(target.toString());
            }
        }
        if (!skipped.isEmpty()) {
            out.println("Skipped " + skipped.size() + (skipped.size() == 1 ? " file" : " files")
                    + " already in " + templates + "/ (kb never overwrites; delete one to get the default again):");
            skipped.forEach(s -> out.println("  " + s));
        }
        out.println(copied + (copied == 1 ? " file" : " files") + " copied. Files in " + templates
                + "/ override kb's default theme one by one; delete a file to go back to the default.");
        out.flush();
        return ExitCodes.OK;
    }
}
