package kb.insights;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The report as one self-contained HTML file: styles inline, charts drawn as inline SVG, no
 * script, no request to anywhere, so it can be mailed or opened from disk. Built with jsoup's
 * element API, which escapes every text: a query full of markup shows as that markup, inert.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font:16px/1.5 system-ui,sans-serif;color:#1b1f24;background:#fff;margin:0}
            header,main{max-width:60rem;margin:0 auto;padding:0 1rem}
            h1{font-size:1.6rem;margin:1.5rem 0 .5rem}h2{font-size:1.25rem;margin:2rem 0 .5rem}
            nav ul{display:flex;flex-wrap:wrap;gap:.3rem 1rem;padding:0;list-style:none}
            a{color:#0b57a4}a:focus-visible{outline:3px solid #0b57a4;outline-offset:2px}
            .table-wrap{overflow-x:auto}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
            caption{text-align:left;color:#4a525c;padding:.3rem 0}
            th,td{border-bottom:1px solid #c9ced6;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
            td.n,th.n{text-align:right;white-space:nowrap}.todo{color:#4a525c;font-size:.92rem}
            .kind{font-weight:600;color:#1b1f24;text-transform:capitalize}
            svg{max-width:100%;height:auto}svg text{font:13px system-ui,sans-serif;fill:#1b1f24}
            .note{color:#4a525c}.none{font-style:italic}
            """;
    private static final int BARS = 10;

    private HtmlReport() {
    }

    /** Writes {@code index.html} into {@code dir} (made if missing); returns the file. */
    public static Path write(Report r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("index.html");
        Files.writeString(file, html(r), StandardCharsets.UTF_8);
        return file;
    }

    static String html(Report r) {
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(true).charset(StandardCharsets.UTF_8);
        doc.child(0).attr("lang", "en");
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text("Help center insights");
        head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(CSS));
        Element header = doc.body().appendElement("header");
        header.appendElement("h1").text("What readers searched, read and rated");
        Report.Totals t = r.totals();
        header.appendElement("p").text(String.format(Locale.ROOT,
                "From %,d log lines: %,d requests, %,d searches, %,d chosen results, %,d answers to \"Was this helpful?\".",
                t.lines(), t.requests(), t.searches(), t.choices(), t.votes()));
        if (t.malformed() > 0) {
            header.appendElement("p").addClass("note").text(String.format(Locale.ROOT,
                    "%,d lines were not access-log requests and were skipped (the first at %s).", t.malformed(), t.firstMalformed()));
        }
        if (t.countsFloor() > 0) {
            header.appendElement("p").addClass("note").text(String.format(Locale.ROOT,
                    "Rare queries and pages were dropped to save memory: a count may be short by up to %,d.", t.countsFloor()));
        }
        Element toc = header.appendElement("nav").attr("aria-label", "Report sections").appendElement("ul");
        Element main = doc.body().appendElement("main");

        section(main, toc, "top-searches", "Top searches", r.topSearches(),
                List.of("Query", "Searches", "With no results", "Chosen"),
                s -> List.of(s.query(), n(s.searches()), n(s.noResults()), n(s.chosen())), null,
                s -> s.query(), s -> s.searches());
        section(main, toc, "no-results", "Searches with no results, still none today", r.noResults(),
                List.of("Query", "Searches with no results"), s -> List.of(s.query(), n(s.noResults())),
                Report.SearchRow::todo, null, null);
        if (r.fixedNoResults() > 0) {
            main.appendElement("p").addClass("note").text(r.fixedNoResults()
                    + " more searches found nothing then and find results today, so they are left out.");
        }
        section(main, toc, "not-chosen", "Searches where nobody chose a result", r.notChosen(),
                List.of("Query", "Searches", "Results shown"), s -> List.of(s.query(), n(s.searches()), n(s.results())),
                Report.SearchRow::todo, null, null);
        section(main, toc, "ranks", "Choices by rank", r.choicesByRank(), List.of("Rank", "Choices"),
                c -> List.of(n(c.rank()), n(c.choices())), null, c -> "Rank " + c.rank(), Report.RankRow::choices);
        section(main, toc, "most-read", "Most-read articles", r.mostRead(), List.of("Article", "Reads"),
                p -> List.of(p.title(), n(p.reads())), null, Report.ReadRow::title, Report.ReadRow::reads);
        section(main, toc, "helpfulness", "Was this helpful?", r.helpfulness(),
                List.of("Page", "Yes", "No", "Out of date", "Unclear", "Did not answer"),
                h -> List.of(h.title() == null ? h.url() : h.title(), n(h.yes()), n(h.no()), n(h.reasons().get("outdated")),
                        n(h.reasons().get("unclear")), n(h.reasons().get("unanswered"))),
                Report.RatingRow::todo, h -> (h.title() == null ? h.url() : h.title()) + " (no)", Report.RatingRow::no);
        section(main, toc, "not-found", "Addresses that hit the 404 page", r.notFound(),
                List.of("Address", "Hits", "Closest article"),
                m -> List.of(m.path(), n(m.hits()), m.closestTitle() == null ? "none" : m.closestTitle()),
                Report.MissingRow::todo, null, null);
        return doc.outerHtml();
    }

    private static String n(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static <T> void section(Element main, Element toc, String id, String title, List<T> rows, List<String> head,
            Function<T, List<String>> cells, Function<T, Report.Finding> todo, Function<T, String> label,
            Function<T, Long> value) {
        toc.appendElement("li").appendElement("a").attr("href", "#" + id).text(title);
        Element section = main.appendElement("section").attr("aria-labelledby", id);
        section.appendElement("h2").id(id).text(title);
        if (rows.isEmpty()) {
            section.appendElement("p").addClass("none").text("Nothing in these logs.");
            return;
        }
        if (label != null) {
            chart(section, id, title, rows, label, value);
        }
        // A wide table scrolls in its own box on a phone; a box that scrolls must take keyboard focus.
        Element table = section.appendElement("div").addClass("table-wrap").attr("tabindex", "0").attr("role", "region")
                .attr("aria-label", title + " (table)").appendElement("table");
        table.appendElement("caption").text(title + (todo != null ? ", with what to do" : ""));
        Element tr = table.appendElement("thead").appendElement("tr");
        for (int i = 0; i < head.size(); i++) {
            Element th = tr.appendElement("th").attr("scope", "col").text(head.get(i));
            if (i > 0) {
                th.addClass("n");
            }
        }
        if (todo != null) {
            tr.appendElement("th").attr("scope", "col").text("What to do");
        }
        Element body = table.appendElement("tbody");
        for (T row : rows) {
            Element line = body.appendElement("tr");
            List<String> values = cells.apply(row);
            for (int i = 0; i < values.size(); i++) {
                String text = values.get(i) == null ? "" : values.get(i);
                (i == 0 ? line.appendElement("th").attr("scope", "row") : line.appendElement("td").addClass("n")).text(text);
            }
            if (todo != null) {
                Report.Finding f = todo.apply(row);
                Element cell = line.appendElement("td").addClass("todo");
                cell.appendElement("span").addClass("kind").text(f.kind());
                cell.appendText(": " + f.advice());
            }
        }
    }

    /** A horizontal bar chart of the first rows; the table under it holds the same numbers for every reader. */
    private static <T> void chart(Element section, String id, String title, List<T> rows, Function<T, String> label,
            Function<T, Long> value) {
        List<T> shown = rows.subList(0, Math.min(BARS, rows.size()));
        long max = Math.max(1, shown.stream().mapToLong(value::apply).max().orElse(1));
        int rowHeight = 24;
        int labelWidth = 260;
        int barWidth = 380;
        int height = shown.size() * rowHeight + 8;
        Element svg = section.appendElement("svg").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("viewBox", "0 0 " + (labelWidth + barWidth + 60) + " " + height)
                .attr("width", String.valueOf(labelWidth + barWidth + 60)).attr("height", String.valueOf(height))
                .attr("role", "img").attr("aria-labelledby", id + "-chart");
        svg.appendElement("title").id(id + "-chart").text("Chart: " + title + " (the table below lists the same numbers)");
        for (int i = 0; i < shown.size(); i++) {
            T row = shown.get(i);
            long v = value.apply(row);
            int y = 4 + i * rowHeight;
            int w = (int) Math.max(v > 0 ? 2 : 0, Math.round((double) v / max * barWidth));
            svg.appendElement("text").attr("x", String.valueOf(labelWidth - 8)).attr("y", String.valueOf(y + 16))
                    .attr("text-anchor", "end").text(Inert.text(label.apply(row), 34));
            svg.appendElement("rect").attr("x", String.valueOf(labelWidth)).attr("y", String.valueOf(y + 3))
                    .attr("width", String.valueOf(w)).attr("height", String.valueOf(rowHeight - 8)).attr("fill", "#1f5fae");
            svg.appendElement("text").attr("x", String.valueOf(labelWidth + w + 6)).attr("y", String.valueOf(y + 16)).text(n(v));
        }
    }
}
