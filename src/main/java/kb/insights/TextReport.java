package kb.insights;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The report as plain-text tables for a terminal: no colour, no control character, ever. */
public final class TextReport {
    /** Wider cells are cut: a 10 KB query must not wrap a table over a screen. */
    static final int CELL = 60;

    private TextReport() {
    }

    public static void print(Report r, PrintWriter out) {
        Report.Totals t = r.totals();
        out.printf("Read %,d log lines: %,d requests, %,d events (%,d searches, %,d choices, %,d votes).%n",
                t.lines(), t.requests(), t.events(), t.searches(), t.choices(), t.votes());
        if (t.malformed() > 0) {
            out.printf("Skipped %,d lines that are not access-log requests (the first at %s).%n", t.malformed(), t.firstMalformed());
        }
        if (t.badEvents() > 0) {
            out.printf("Skipped %,d events with missing or unknown fields.%n", t.badEvents());
        }
        if (t.outsideWindow() > 0) {
            out.printf("Left out %,d requests outside --since/--until.%n", t.outsideWindow());
        }
        if (t.countsFloor() > 0) {
            out.printf("So many different queries and pages that rare ones were dropped: a count may be short by up to %,d.%n",
                    t.countsFloor());
        }
        section(out, "Top searches", r.topSearches(), List.of("Searches", "No results", "Chosen", "Query"),
                s -> List.of(n(s.searches()), n(s.noResults()), n(s.chosen()), s.query()), null);
        section(out, "Searches with no results, still none today", r.noResults(), List.of("Searches", "Query"),
                s -> List.of(n(s.noResults()), s.query()), Report.SearchRow::todo);
        if (r.fixedNoResults() > 0) {
            out.printf("(%d more found nothing then and find results today.)%n", r.fixedNoResults());
        }
        section(out, "Searches where nobody chose a result", r.notChosen(), List.of("Searches", "Results", "Query"),
                s -> List.of(n(s.searches()), n(s.results()), s.query()), Report.SearchRow::todo);
        section(out, "Choices by rank", r.choicesByRank(), List.of("Rank", "Choices"),
                c -> List.of(n(c.rank()), n(c.choices())), null);
        section(out, "Most-read articles", r.mostRead(), List.of("Reads", "Article", "URL"),
                p -> List.of(n(p.reads()), p.title(), p.url()), null);
        section(out, "Was this helpful?", r.helpfulness(), List.of("Yes", "No", "Out of date", "Unclear", "Not answered", "Page"),
                h -> List.of(n(h.yes()), n(h.no()), n(h.reasons().get("outdated")), n(h.reasons().get("unclear")),
                        n(h.reasons().get("unanswered")), h.title() == null ? h.url() : h.title() + " (" + h.url() + ")"),
                h -> h.todo().kind().equals("none") ? null : h.todo());
        section(out, "Addresses that hit the 404 page", r.notFound(), List.of("Hits", "Address", "Closest article"),
                m -> List.of(n(m.hits()), m.path(), m.closestTitle() == null ? "-" : m.closestTitle()), Report.MissingRow::todo);
        out.flush();
    }

    private static String n(long n) {
        return String.format("%,d", n);
    }

    private static <T> void section(PrintWriter out, String title, List<T> rows, List<String> head,
            Function<T, List<String>> cells, Function<T, Report.Finding> todo) {
        out.println();
        out.println(title);
        out.println("-".repeat(title.length()));
        if (rows.isEmpty()) {
            out.println("(none)");
            return;
        }
        List<List<String>> table = new ArrayList<>();
        table.add(head);
        rows.forEach(row -> table.add(cells.apply(row).stream().map(TextReport::cell).toList()));
        int[] widths = new int[head.size()];
        for (List<String> line : table) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], width(line.get(i)));
            }
        }
        for (int i = 0; i < table.size(); i++) {
            List<String> line = table.get(i);
            StringBuilder sb = new StringBuilder();
            for (int col = 0; col < line.size(); col++) {
                String cell = line.get(col);
                boolean last = col == line.size() - 1;
                sb.append(last ? cell : cell + " ".repeat(widths[col] - width(cell) + 2));
            }
            out.println(sb.toString().stripTrailing());
            Report.Finding finding = i == 0 || todo == null ? null : todo.apply(rows.get(i - 1));
            if (finding != null) {
                out.println("    -> " + finding.kind() + ": " + finding.advice());
            }
        }
    }

    private static String cell(String text) {
        return Inert.text(text == null ? "" : text, CELL);
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
