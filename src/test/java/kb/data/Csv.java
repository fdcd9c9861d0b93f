package kb.data;

import java.util.ArrayList;
import java.util.List;

/** Test helper: reads CSV the way RFC 4180 says and fails on anything it forbids. */
public final class Csv {
    private Csv() {
    }

    /** A strict RFC 4180 reader: quoted cells, doubled quotes, CRLF row ends. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (c == '\n' || c == '\r') {
                throw new AssertionError("bare line break at " + i + " (RFC 4180 rows end in CRLF)");
            } else {
                cell.append(c);
            }
        }
        if (quoted || cell.length() > 0 || !row.isEmpty()) {
            throw new AssertionError("CSV does not end with a complete row");
        }
        return rows;
    }
}
