package kb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kb.cli.CliRun;
import kb.testing.Axe;
import kb.testing.BrowserTest;
import kb.testing.Reader;
import kb.testing.ShippedSite;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The whole loop on a real static host: the shipped site served by nginx with the README's own
 * configuration, a reader in Chromium searching (twice for nothing), choosing results by mouse
 * and keyboard, voting and landing on a dead address; then {@code kb insights --json} on nginx's
 * access log must report exactly what the reader did, and its HTML report must pass axe.
 */
@BrowserTest
class InsightsIT {
    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyCountInTheReportIsWhatTheReaderDid(Reader reader, ShippedSite shipped) throws Exception {
        requireTool(NGINX, "apt-get install -y nginx-light");
        Path site = shipped.site(); // only read: nginx serves it, kb insights searches its index
        Path log = dir.resolve("access.log");
        try (Nginx nginx = Nginx.start(dir, site, log)) {
            Session s = new Session(reader, nginx, log);
            s.run();
            waitForEvents(log, 12);

            CliRun.Result run = CliRun.run("insights", "--json", "--out", site.toString(), log.toString());
            assertEquals(0, run.status(), run.err());
            JsonNode report = JSON.readTree(run.out());
            assertEquals(0, report.at("/totals/malformed").asLong());
            assertEquals(0, report.at("/totals/badEvents").asLong());
            assertEquals(6, report.at("/totals/searches").asLong());
            assertEquals(3, report.at("/totals/choices").asLong());
            assertEquals(2, report.at("/totals/votes").asLong());

            Map<String, long[]> searches = new TreeMap<>();
            report.get("topSearches").forEach(r -> searches.put(r.get("query").asText(),
                    new long[] {r.get("searches").asLong(), r.get("noResults").asLong(), r.get("chosen").asLong()}));
            Map<String, long[]> expected = new TreeMap<>(Map.of(
                    "facebook password", new long[] {1, 0, 1},
                    "qwxz", new long[] {1, 1, 0},
                    "vbnmq", new long[] {1, 1, 0},
                    "linkedin token", new long[] {1, 0, 1},
                    "token expiry", new long[] {1, 0, 1},
                    "reconnect", new long[] {1, 0, 0}));
            assertEquals(show(expected), show(searches));
            assertEquals(List.of("qwxz", "vbnmq"), texts(report.get("noResults"), "query"));
            assertEquals(List.of("reconnect"), texts(report.get("notChosen"), "query"));

            Map<Integer, Long> ranks = new TreeMap<>();
            report.get("choicesByRank").forEach(r -> ranks.put(r.get("rank").asInt(), r.get("choices").asLong()));
            assertEquals(Map.of(1, 2L, 2, 1L), ranks);

            Map<String, Long> reads = new TreeMap<>();
            report.get("mostRead").forEach(r -> reads.put(r.get("url").asText(), r.get("reads").asLong()));
            assertEquals(s.articlesRead, reads);

            Map<String, String> ratings = new TreeMap<>();
            report.get("helpfulness").forEach(r -> ratings.put(r.get("url").asText(), r.get("yes").asLong() + " yes, "
                    + r.get("no").asLong() + " no, unclear " + r.at("/reasons/unclear").asLong()
                    + ", outdated " + r.at("/reasons/outdated").asLong()));
            assertEquals(Map.of(s.votedNo, "0 yes, 1 no, unclear 1, outdated 0", s.votedYes, "1 yes, 0 no, unclear 0, outdated 0"),
                    ratings);

            JsonNode missing = report.get("notFound");
            assertEquals(1, missing.size(), missing.toString());
            assertEquals("linkedin/token-expiry/", missing.get(0).get("path").asText());
            assertEquals(1, missing.get(0).get("hits").asLong());
            assertEquals("linkedin/token-expiration/", missing.get(0).get("closestUrl").asText());
            assertEquals("alias", missing.at("/0/todo/kind").asText());

            // A reader whose browser sends Global Privacy Control: no event, no feedback control.
            Map<String, Object> gpc = reader.focus().driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of(
                    "source", "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true});"));
            s.open(s.votedNo);
            assertEquals("hidden", reader.find(".kb-feedback").getCssValue("visibility"));
            s.typeInBox("linkedin");
            s.pause();
            long events = Files.readAllLines(log).stream().filter(l -> l.contains("/_kb/e?")).count();
            assertEquals(12, events, "events were sent under Global Privacy Control");
            reader.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", gpc.get("identifier")));

            Path html = dir.resolve("report");
            assertEquals(0, CliRun.run("insights", "--html", html.toString(), "--out", site.toString(), log.toString()).status());
            reader.focus().driver.get(html.resolve("index.html").toUri().toString());
            assertEquals(List.of(), Axe.violations(reader));
        }
    }

    /** What the reader does, step by step; remembers the pages it read and rated. */
    static final class Session {
        final Reader reader;
        final Nginx nginx;
        final Map<String, Long> articlesRead = new TreeMap<>();
        String votedNo;
        String votedYes;

        final Path log;

        Session(Reader reader, Nginx nginx, Path log) {
            this.reader = reader;
            this.nginx = nginx;
            this.log = log;
        }

        void run() throws InterruptedException, IOException {
            // A search the reader pauses on, then the first result, chosen with the keyboard.
            open("");
            typeInBox("facebook password");
            logged(1);
            reader.keys(Keys.ARROW_DOWN, Keys.ENTER);
            String article = arrived();

            // "No", because it is unclear; the control works from the keyboard and its answer panel passes axe.
            WebElement no = reader.find(".kb-feedback [data-vote=no]");
            double voting = ((Number) reader.js("return performance.now();")).doubleValue();
            reader.js("arguments[0].focus()", no);
            reader.keys(Keys.ENTER);
            reader.until(d -> reader.find(".kb-feedback-no").isDisplayed());
            reader.find(".kb-feedback [data-reason=unclear]").click();
            logged(4);
            assertEquals(List.of(), Axe.violations(reader)); // the article, its answer panel open
            assertEquals(0.0, layoutShift(reader, voting), "the feedback control moved the page");
            votedNo = article;

            // Two searches that find nothing: one in the box, one on the results page.
            typeInBox("qwxz");
            logged(5);
            open("search/?q=vbnmq");
            logged(6);

            // A results-page search, its first result clicked.
            open("search/?q=linkedin%20token");
            reader.until(d -> !reader.all("#search-page-results > li a").isEmpty());
            reader.find("#search-page-results > li a").click();
            arrived();

            // Chosen before any pause: the choice still carries its search.
            open("");
            typeInBox("token expiry");
            reader.until(d -> reader.all("#kb-search-results [role=option]").size() > 2);
            reader.keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER);
            arrived();

            // Typed and submitted: counted once, by the results page; nothing chosen.
            open("");
            typeInBox("reconnect");
            reader.keys(Keys.ENTER);
            reader.until(d -> d.getCurrentUrl().contains("search/?q=reconnect"));
            reader.waitForScripts();
            logged(11);

            // "Yes" to an FAQ answer.
            open("faq/");
            WebElement item = reader.find("details.faq-item");
            item.findElement(org.openqa.selenium.By.cssSelector("summary")).click();
            item.findElement(org.openqa.selenium.By.cssSelector("[data-vote=yes]")).click();
            votedYes = "faq/#" + item.getAttribute("id");

            // An old address.
            reader.focus().driver.get(nginx.url("linkedin/token-expiry/"));
            assertEquals(List.of(), reader.problems());
        }

        void open(String path) {
            reader.open(nginx.url(path));
        }

        void typeInBox(String text) {
            reader.find("#kb-search-input").click();
            reader.keys(text);
        }

        /** Waits until nginx has logged {@code n} events in all: the reader pauses until the last counted. */
        void logged(int n) throws IOException, InterruptedException {
            waitForEvents(log, n);
        }

        /** Longer than the pause kb-events.js waits for before a search counts. */
        void pause() throws InterruptedException {
            Thread.sleep(1600);
        }

        /** Waits for the article the reader went to; counts it as read. */
        String arrived() {
            reader.until(d -> Boolean.TRUE.equals(reader.js("return document.body.dataset.page === 'article'"
                    + " && document.readyState === 'complete' && !!(window.kb && window.kb.ui);")));
            String url = (String) reader.js("return document.body.dataset.path;");
            articlesRead.merge(url, 1L, Long::sum);
            return url;
        }
    }

    /**
     * The page's layout shifts not caused by the reader's own input since {@code since} (the
     * page's clock, in ms): from when the reader turned to the control, so that a shift while the
     * page loaded on a starved CPU is not blamed on it.
     */
    static double layoutShift(Reader reader, double since) {
        Object total = reader.jsAsync("const done = arguments[arguments.length - 1], since = arguments[0]; let sum = 0;"
                + "new PerformanceObserver(list => { list.getEntries().forEach(e => { if (!e.hadRecentInput && e.startTime >= since) sum += e.value; }); })"
                + ".observe({type: 'layout-shift', buffered: true}); setTimeout(() => done(sum), 200);", since);
        return ((Number) total).doubleValue();
    }

    static void waitForEvents(Path log, int count) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        long seen = 0;
        while (Instant.now().isBefore(deadline)) {
            seen = Files.readAllLines(log).stream().filter(l -> l.contains("/_kb/e?")).count();
            if (seen >= count) {
                Thread.sleep(300); // nothing more must come: a stray event would show in the counts
                return;
            }
            Thread.sleep(100);
        }
        Assertions.fail("nginx logged " + seen + " events, expected " + count + ":\n" + Files.readString(log));
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    static Map<String, List<Long>> show(Map<String, long[]> m) {
        Map<String, List<Long>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, List.of(v[0], v[1], v[2])));
        return out;
    }

    static void requireTool(Path tool, String install) {
        boolean present = Files.exists(tool);
        if (!present && Boolean.getBoolean("kb.requireBrowser")) {
            Assertions.fail(tool + " is required (kb.requireBrowser=true): " + install);
        }
        Assumptions.assumeTrue(present, "skipped: " + tool + " missing (" + install + ")");
    }

    /**
     * nginx as a child process, configured with the README's server block, on a free loopback port.
     * One process (master_process off): run as root, nginx's workers would drop to "nobody", who
     * cannot read a test's private temporary folder.
     */
    record Nginx(Process process, int port) implements AutoCloseable {
        static Nginx start(Path dir, Path site, Path log) throws IOException, InterruptedException {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
            int start = readme.indexOf("```nginx\n");
            String locations = readme.substring(start + 9, readme.indexOf("```", start + 9))
                    .replace("/var/www/help/site", site.toAbsolutePath().toString())
                    .replace("/var/log/nginx/access.log", log.toAbsolutePath().toString());
            Path temp = Files.createDirectories(dir.resolve("nginx"));
            String conf = """
                    daemon off;
                    master_process off;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log;
                    events { worker_connections 64; }
                    http {
                        include /etc/nginx/mime.types;
                        access_log %2$s combined;
                        client_body_temp_path %1$s/body;
                        proxy_temp_path %1$s/proxy;
                        fastcgi_temp_path %1$s/fastcgi;
                        uwsgi_temp_path %1$s/uwsgi;
                        scgi_temp_path %1$s/scgi;
                        server {
                            listen 127.0.0.1:%3$d;
                    %4$s
                        }
                    }
                    """.formatted(temp.toAbsolutePath(), log.toAbsolutePath(), port, locations);
            Path file = Files.writeString(temp.resolve("nginx.conf"), conf);
            Process p = new ProcessBuilder(NGINX.toString(), "-e", temp.resolve("error.log").toAbsolutePath().toString(),
                    "-p", temp.toAbsolutePath().toString(), "-c", file.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(temp.resolve("stdout.txt").toFile()).start();
            Nginx nginx = new Nginx(p, port);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (Instant.now().isBefore(deadline)) {
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                    return nginx;
                } catch (IOException notYet) {
                    if (!p.isAlive()) {
                        Assertions.fail("nginx did not start: " + Files.readString(temp.resolve("stdout.txt"))
                                + Files.readString(temp.resolve("error.log")));
                    }
                    Thread.sleep(50);
                }
            }
            nginx.close();
            throw new IOException("nginx did not listen on " + port + " within 10 s");
        }

        String url(String path) {
            return URI.create("http://127.0.0.1:" + port + "/").resolve(path).toString();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }
}
