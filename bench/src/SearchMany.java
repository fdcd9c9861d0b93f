// Runs `kb search --json` for many queries in one JVM, for bench/relevance.mjs: exactly the
// command's code path (kb.cli.Main, picocli, the site's index), without a JVM start per query.
//
//   java -cp target/kb.jar bench/src/SearchMany.java CONTENT SITE LIMIT [LANG] < queries > results
//
// Reads one query a line; writes one line per query: the command's JSON, compacted.
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

public class SearchMany {
    public static void main(String[] args) throws Exception {
        PrintStream stdout = System.out;
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String query = in.readLine(); query != null; query = in.readLine()) {
            if (query.isEmpty()) {
                continue;
            }
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int status;
            try {
                java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                        "search", "--json", "--limit", args[2], "--content", args[0], "--out", args[1]));
                if (args.length > 3) {
                    command.addAll(java.util.List.of("--lang", args[3]));
                }
                command.addAll(java.util.List.of("--", query));
                status = kb.cli.Main.run(command.toArray(String[]::new));
            } finally {
                System.setOut(stdout);
            }
            if (status != 0) {
                throw new IllegalStateException("kb search exited " + status + " for: " + query);
            }
            stdout.println(json.writeValueAsString(json.readTree(captured.toString(StandardCharsets.UTF_8))));
        }
    }
}
