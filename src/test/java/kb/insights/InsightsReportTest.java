package kb.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class InsightsReportTest {
    /** A help center with two articles and an FAQ answer, whose search knows a few words. */
    static final SiteView SITE = new SiteView() {
        final Map<String, Page> pages = Map.of(
                "facebook/reconnect/", new Page("facebook/reconnect/", "Reconnect Facebook", "article", "articles/facebook/reconnect.md"),
                "linkedin/token-expiration/", new Page("linkedin/token-expiration/", "LinkedIn token expiry", "article",
                        "articles/linkedin/token-expiration.md"),
                "faq/#why", new Page("faq/#why", "Why did it disconnect?", "faq", "faq/general.md"));

        @Override
        public Optional<Page> page(String url) {
            return Optional.ofNullable(pages.get(url));
        }

        @Override
        public int results(String query) {
            return query.contains("facebook") || query.contains("tiktok") ? 3 : 0; // "tiktok" got an article since
        }

        @Override
        public Optional<Page> closest(String words) {
            return words.contains("linkedin") ? page("linkedin/token-expiration/") : Optional.empty();
        }
    };

    static String line(String time, String target, int status) {
        return "203.0.113.7 - - [" + time + " +0000] \"GET " + target + " HTTP/1.1\" " + status + " 0 \"-\" \"Mozilla/5.0\"\n";
    }

    static String event(String query) {
        return line("06/Dec/2026:10:00:00", "/_kb/e?" + query, 204);
    }

    static Report report(String log, String basePath, Instant since, Instant until) throws IOException {
        Collector collector = new Collector(basePath, since, until);
        LogReader reader = new LogReader(collector);
        reader.read(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), "access.log");
        return Reports.of(collector, reader, SITE, 20);
    }

    static final String SESSION = event("t=search&q=Facebook%20reconnect&n=3&lang=en&src=box")
            + event("t=search&q=facebook+reconnect&n=3&lang=en&src=page")
            + event("t=choose&q=facebook%20reconnect&r=2&u=facebook%2Freconnect%2F&src=page")
            + event("t=search&q=qwxz&n=0&src=box")
            + event("t=search&q=qwxz&n=0&src=page")
            + event("t=search&q=tiktok&n=0&src=box")
            + event("t=search&q=facebook%20password&n=3&src=box")
            + event("t=vote&p=facebook%2Freconnect%2F&v=no")
            + event("t=reason&p=facebook%2Freconnect%2F&why=outdated")
            + event("t=vote&p=faq%2F%23why&v=yes")
            + event("t=vote&p=faq%2F%23why&v=yes")
            + event("t=choose&q=facebook%20password&r=99")
            + event("t=dance")
            + line("06/Dec/2026:10:00:01", "/facebook/reconnect/", 200)
            + line("06/Dec/2026:10:00:01", "/facebook/reconnect/index.html", 304)
            + line("06/Dec/2026:10:00:01", "/linkedin/token-expiration/", 200)
            + line("06/Dec/2026:10:00:01", "/assets/kb.css", 200)
            + line("06/Dec/2026:10:00:02", "/linkedin/token-expiry/", 404)
            + line("06/Dec/2026:10:00:02", "/linkedin/token-expiry/", 404)
            + line("06/Dec/2026:10:00:02", "/wp-login.php", 404)
            + line("06/Dec/2026:10:00:02", "/old-thing/", 404)
            + "203.0.113.7 - - [06/Dec/2026:10:00:03 +0000] \"GET /facebook/reconnect/ HTTP/1.1\" 200 0 \"-\" \"Googlebot/2.1\"\n";

    @Test
    void countsSearchesChoicesVotesReadsAndDeadAddresses() throws IOException {
        Report r = report(SESSION, "/", null, null);
        assertEquals(List.of("facebook reconnect", "qwxz", "facebook password", "tiktok"),
                r.topSearches().stream().map(Report.SearchRow::query).toList());
        Report.SearchRow fb = r.topSearches().get(0);
        assertEquals(2, fb.searches());
        assertEquals(1, fb.chosen());
        assertEquals(6, r.totals().searches());
        assertEquals(List.of(new Report.RankRow(2, 1)), r.choicesByRank());
        assertEquals(2, r.totals().badEvents()); // rank 99 and an unknown type
        assertEquals(List.of(new Report.ReadRow("facebook/reconnect/", "Reconnect Facebook", 2),
                new Report.ReadRow("linkedin/token-expiration/", "LinkedIn token expiry", 1)), r.mostRead());
    }

    @Test
    void searchesThatNowFindSomethingDropOffTheNoResultsList() throws IOException {
        Report r = report(SESSION, "/", null, null);
        assertEquals(List.of("qwxz"), r.noResults().stream().map(Report.SearchRow::query).toList());
        assertEquals(2, r.noResults().get(0).noResults());
        assertEquals("synonym", r.noResults().get(0).todo().kind());
        assertEquals(1, r.fixedNoResults()); // tiktok
    }

    @Test
    void searchesWithResultsButNoChoiceAskForARewrite() throws IOException {
        Report r = report(SESSION, "/", null, null);
        assertEquals(List.of("facebook password"), r.notChosen().stream().map(Report.SearchRow::query).toList());
        assertEquals("rewrite", r.notChosen().get(0).todo().kind());
    }

    @Test
    void helpfulnessPerArticleAndFaqAnswerWithReasons() throws IOException {
        Report r = report(SESSION, "/", null, null);
        Report.RatingRow article = r.helpfulness().get(0);
        assertEquals("Reconnect Facebook", article.title());
        assertEquals(0, article.yes());
        assertEquals(1, article.no());
        assertEquals(1L, article.reasons().get("outdated"));
        assertEquals("update", article.todo().kind());
        Report.RatingRow faq = r.helpfulness().get(1);
        assertEquals("faq", faq.kind());
        assertEquals(2, faq.yes());
        assertEquals("none", faq.todo().kind());
    }

    @Test
    void deadAddressesComeWithTheArticleToAliasThem() throws IOException {
        Report r = report(SESSION, "/", null, null);
        assertEquals(List.of("linkedin/token-expiry/", "old-thing/"), r.notFound().stream().map(Report.MissingRow::path).toList());
        Report.MissingRow m = r.notFound().get(0);
        assertEquals(2, m.hits());
        assertEquals("linkedin/token-expiration/", m.closestUrl());
        assertEquals("alias", m.todo().kind());
        assertTrue(m.todo().advice().contains("\"linkedin/token-expiry\""), m.todo().advice());
        assertTrue(m.todo().advice().contains("articles/linkedin/token-expiration.md"), m.todo().advice());
        assertEquals("article", r.notFound().get(1).todo().kind());
    }

    @Test
    void sinceAndUntilKeepOnlyTheirWindow() throws IOException {
        String log = line("05/Dec/2026:23:59:59", "/facebook/reconnect/", 200)
                + line("06/Dec/2026:00:00:00", "/facebook/reconnect/", 200)
                + line("06/Dec/2026:23:59:59", "/facebook/reconnect/", 200)
                + line("07/Dec/2026:00:00:00", "/facebook/reconnect/", 200);
        Report r = report(log, "/", Instant.parse("2026-12-06T00:00:00Z"), Instant.parse("2026-12-07T00:00:00Z"));
        assertEquals(2, r.mostRead().get(0).reads());
        assertEquals(2, r.totals().outsideWindow());
    }

    @Test
    void aSiteUnderAPathCountsOnlyItsOwnRequests() throws IOException {
        String log = line("06/Dec/2026:10:00:00", "/help/_kb/e?t=search&q=qwxz&n=0", 204)
                + line("06/Dec/2026:10:00:00", "/_kb/e?t=search&q=other&n=0", 404)
                + line("06/Dec/2026:10:00:00", "/help/facebook/reconnect/", 200)
                + line("06/Dec/2026:10:00:00", "/facebook/reconnect/", 200);
        Report r = report(log, "/help/", null, null);
        assertEquals(List.of("qwxz"), r.topSearches().stream().map(Report.SearchRow::query).toList());
        assertEquals(1, r.mostRead().get(0).reads());
    }

    static final String HOSTILE = event("t=search&n=0&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%1B%5B2J%E2%80%AEevil%FF%FE")
            + event("t=search&n=0&q=" + "%3Cb%3E".repeat(3_400) + "x")
            + event("t=vote&v=no&p=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%07");

    @Test
    void hostileQueriesAreKeptAsInertText() throws IOException {
        Report r = report(HOSTILE, "/", null, null);
        String first = r.topSearches().stream().map(Report.SearchRow::query).filter(q -> q.startsWith("<script>")).findFirst().orElseThrow();
        assertEquals("<script>alert(1)</script>\uFFFD[2j\uFFFDevil\uFFFD\uFFFD", first);
        String longest = r.topSearches().stream().map(Report.SearchRow::query).filter(q -> q.startsWith("<b>")).findFirst().orElseThrow();
        assertEquals(EventFormat.MAX_QUERY + 1, longest.length()); // cut, with an ellipsis
        assertTrue(longest.endsWith("…"));
    }

    @Test
    void hostileTextStaysTextInEveryOutput() throws IOException {
        Report r = report(HOSTILE, "/", null, null);
        Document html = Jsoup.parse(HtmlReport.html(r));
        assertTrue(html.select("script, img, b, [onerror]").isEmpty(), "markup from a log became elements");
        Element cell = html.selectFirst("#top-searches ~ .table-wrap tbody th");
        assertTrue(html.select("tbody th").eachText().stream().anyMatch(t -> t.startsWith("<script>alert(1)</script>")));
        assertFalse(cell == null);

        StringWriter json = new StringWriter();
        JsonReport.write(r, json);
        JsonNode tree = new ObjectMapper().readTree(json.toString());
        assertTrue(tree.get("topSearches").findValuesAsText("query").contains(r.topSearches().get(0).query()));

        StringWriter text = new StringWriter();
        TextReport.print(r, new PrintWriter(text));
        assertTrue(text.toString().chars().noneMatch(c -> c < 0x20 && c != '\n' || c == 0x7f || c == 0x202E),
                "a control character reached the terminal");
        assertTrue(text.toString().lines().allMatch(l -> l.length() < 400), "a 10 KB query was printed whole");
    }

    @Test
    void theHtmlReportIsOneFileWithChartsAndNoScript() throws IOException {
        Document html = Jsoup.parse(HtmlReport.html(report(SESSION, "/", null, null)));
        assertTrue(html.select("script, link, img, iframe").isEmpty());
        assertEquals("en", html.selectFirst("html").attr("lang"));
        List<Element> charts = html.select("svg[role=img]");
        assertFalse(charts.isEmpty());
        for (Element svg : charts) {
            assertFalse(html.getElementById(svg.attr("aria-labelledby")).text().isBlank());
        }
        Element ranks = html.getElementById("ranks").parent();
        assertEquals("1", ranks.selectFirst("tbody td").text());
    }
}
