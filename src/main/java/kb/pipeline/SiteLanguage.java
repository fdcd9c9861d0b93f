package kb.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.diagnostic.SourceLocation;

/** Where kb.yaml names the site's language: the place a "no strings for this language" error points at. */
final class SiteLanguage {
    private static final Pattern LINE = Pattern.compile("^(languages?)\\s*:");

    private SiteLanguage() {
    }

    /** The {@code language:} (else {@code languages:}) line of {@code content/kb.yaml}, at its value; line 1 without one. */
    static SourceLocation at(Path content) {
        Path file = content.resolve("kb.yaml");
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            SourceLocation plural = null;
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LINE.matcher(lines.get(i));
                if (m.find()) {
                    int column = m.end() + 1;
                    while (column <= lines.get(i).length() && lines.get(i).charAt(column - 1) == ' ') {
                        column++;
                    }
                    SourceLocation at = new SourceLocation(file, i + 1, column);
                    if (m.group(1).equals("language")) {
                        return at;
                    }
                    plural = plural == null ? at : plural;
                }
            }
            return plural == null ? new SourceLocation(file, 1, 1) : plural;
        } catch (IOException e) {
            return SourceLocation.of(file);
        }
    }
}
