package kb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kb.diagnostic.Problem;
import kb.diagnostic.SourceLocation;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PreviewServerTest {
    private static final String SECRET = "TOP-SECRET-OUTSIDE-THE-SITE";

    @TempDir
    Path dir;
    Path site;
    LiveReload live;
    PreviewServer server;
    HttpClient http;

    @BeforeEach
    void start() throws Exception {
        site = Files.createDirectories(dir.resolve("site"));
        Map<String, String> files = Map.ofEntries(
                Map.entry("index.html", "<!DOCTYPE html><title>Home</title><h1>Home</h1>"),
                Map.entry("404.html", "<!DOCTYPE html><title>Not found</title><h1>Page not found</h1>"),
                Map.entry("guide/index.html", "<!DOCTYPE html><h1>Guide</h1>"),
                Map.entry("assets/kb.css", "body{}"),
                Map.entry("assets/js/kb.js", "var x;"),
                Map.entry("api/networks.json", "{}"),
                Map.entry("sitemap.xml", "<urlset/>"),
                Map.entry("robots.txt", "User-agent: *"),
                Map.entry("assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
                Map.entry("assets/logo.png", "png"),
                Map.entry("favicon.ico", "ico"),
                Map.entry("lifespans/lifespans.csv", "a,b"),
                Map.entry("guide/index.md", "# Guide"),
                Map.entry("calendar.ics", "BEGIN:VCALENDAR"),
                Map.entry("search/lucene/segments_1", "bytes"));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.createDirectories(site.resolve(f.getKey()).getParent());
            Files.writeString(site.resolve(f.getKey()), f.getValue());
        }
        Files.createDirectories(site.resolve("empty"));
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(site.resolve("leak.txt"), dir.resolve("secret.txt"));
        live = new LiveReload();
        server = PreviewServer.start(site, 0, live);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        server.close();
        live.close();
    }

    @ParameterizedTest
    @CsvSource({
        "/, text/html; charset=utf-8",
        "/guide/, text/html; charset=utf-8",
        "/assets/kb.css, text/css; charset=utf-8",
        "/assets/js/kb.js, text/javascript; charset=utf-8",
        "/api/networks.json, application/json",
        "/sitemap.xml, application/xml",
        "/robots.txt, text/plain; charset=utf-8",
        "/assets/logo.svg, image/svg+xml",
        "/assets/logo.png, image/png",
        "/favicon.ico, image/x-icon",
        "/lifespans/lifespans.csv, text/csv; charset=utf-8",
        "/guide/index.md, text/markdown; charset=utf-8",
        "/calendar.ics, text/calendar; charset=utf-8",
        "/search/lucene/segments_1, application/octet-stream",
        "/__kb/live.js, text/javascript; charset=utf-8"})
    void sendsTheRightTypeAndForbidsSniffing(String path, String type) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode());
        assertEquals(type, r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(type.startsWith("text/html"), r.headers().firstValue("Content-Security-Policy").isPresent());
        if (type.startsWith("text/html")) {
            assertEquals("default-src 'self'", r.headers().firstValue("Content-Security-Policy").orElseThrow());
        }
    }

    @Test
    void aMissingPageIsTheSites404PageWithStatus404() throws Exception {
        HttpResponse<String> r = get("/no/such/page/");
        assertEquals(404, r.statusCode());
        assertEquals("Page not found", Jsoup.parse(r.body()).selectFirst("h1").text());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("default-src 'self'", r.headers().firstValue("Content-Security-Policy").orElseThrow());
    }

    @Test
    void aFolderWithoutSlashRedirectsAndAFolderWithoutIndexIsNotListed() throws Exception {
        HttpResponse<String> r = get("/guide?x=1");
        assertEquals(301, r.statusCode());
        assertEquals("/guide/?x=1", r.headers().firstValue("Location").orElseThrow());
        assertEquals(404, get("/empty/").statusCode());
        assertEquals(404, get("/assets/").statusCode());
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/assets/kb.css"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("", r.body());
        assertEquals("6", r.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void onlyReads() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode());
        assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
        "/guide/..%2f..%2fsecret.txt", "/%252e%252e/secret.txt", "/..%5csecret.txt", "/%5c..%5csecret.txt",
        "/guide\\..\\..\\secret.txt", "/secret.txt%00.html", "/%c0%ae%c0%ae/secret.txt", "/leak.txt", "/.%2e/secret.txt",
        "//secret.txt", "/./../secret.txt", "/%zz", "http://127.0.0.1/../secret.txt", "*"})
    void refusesTraversalInEveryEncoding(String target) throws IOException {
        Raw r = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertTrue(r.status() == 400 || r.status() == 403 || r.status() == 404, target + " -> " + r.head());
        assertFalse(r.body().contains(SECRET), target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/1.1\r\nNo colon here\r\n\r\n",
        "GET /\u0000 HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: many\r\n\r\n",
        "GET /%zz%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"})
    void aMalformedRequestGets400AndTheServerCarriesOn(String request) throws Exception {
        Raw r = raw(request);
        assertEquals(400, r.status(), r.head());
        // kb's own answer, not the JDK's: no sniffing, and nothing about the server
        List<String> head = List.of(r.head().toLowerCase(java.util.Locale.ROOT).split("\r\n"));
        assertTrue(head.contains("x-content-type-options: nosniff"), r.head());
        assertTrue(head.stream().noneMatch(h -> h.startsWith("server:")), r.head());
        assertEquals(200, get("/").statusCode());
    }

    @Test
    void aHugeRequestLineDoesNotBreakTheServer() throws Exception {
        Raw r = raw("GET /" + "a/".repeat(50_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertEquals(414, r.status(), r.head());
        assertTrue(r.head().toLowerCase(java.util.Locale.ROOT).contains("x-content-type-options: nosniff"), r.head());
        assertEquals(200, get("/").statusCode());
    }

    @Test
    void refusesOtherHostNames() throws IOException {
        Raw r = raw("GET / HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\nConnection: close\r\n\r\n");
        assertEquals(403, r.status());
        assertEquals(200, raw("GET / HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nConnection: close\r\n\r\n").status());
    }

    @Test
    void isNotReachableFromOtherAddressesOfThisMachine() throws Exception {
        InetAddress other = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(other != null, "this machine has no address besides loopback");
        assertThrows(java.net.ConnectException.class, () -> new Socket(other, server.port()).close());
        assertTrue(server.url().startsWith("http://127.0.0.1:"));
    }

    @Test
    void aTakenPortIsReportedWithAFreeOneToTry() throws Exception {
        PortInUseException e = assertThrows(PortInUseException.class, () -> PreviewServer.start(site, server.port(), live));
        assertEquals(server.port(), e.port());
        assertNotEquals(server.port(), e.suggestion());
        assertTrue(e.getMessage().equals("port " + server.port() + " is in use on 127.0.0.1; try --port " + e.suggestion()),
                e.getMessage());
        try (ServerSocket free = new ServerSocket(e.suggestion(), 1, InetAddress.getLoopbackAddress())) {
            assertEquals(e.suggestion(), free.getLocalPort());
        }
    }

    @Test
    void servesTwoHundredConcurrentClientsWithoutAnError() throws Exception {
        int clients = 200;
        int each = 5;
        List<String> paths = List.of("/", "/guide/", "/assets/kb.css", "/api/networks.json", "/missing/");
        List<CompletableFuture<Integer>> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            for (int i = 0; i < each; i++) {
                HttpRequest request = HttpRequest.newBuilder(uri(paths.get((c + i) % paths.size())))
                        .timeout(Duration.ofSeconds(30)).build();
                all.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode));
            }
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(45, TimeUnit.SECONDS);
        long failed = 0;
        for (int i = 0; i < all.size(); i++) {
            int expected = paths.get(((i / each) + (i % each)) % paths.size()).equals("/missing/") ? 404 : 200;
            if (all.get(i).join() != expected) {
                failed++;
            }
        }
        assertEquals(0, failed, "requests answered with an unexpected status");
    }

    @Test
    void liveReloadSaysHelloThenReloadThenErrorWithTheLocation() throws Exception {
        HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(uri("/__kb/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals("text/event-stream; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        Iterator<String> lines = r.body().iterator();
        JsonNode hello = event(lines, "hello");
        assertFalse(hello.get("failing").asBoolean());
        live.reload(List.of("guide/"));
        JsonNode reload = event(lines, "reload");
        assertEquals("guide/", reload.get("pages").get(0).asText());
        assertEquals(hello.get("build").asLong() + 1, reload.get("build").asLong());
        live.failed(List.of(Problem.error(new SourceLocation(Path.of("content/articles/x/y.md"), 3, 8), "invalid YAML", "close the bracket")));
        JsonNode error = event(lines, "error");
        assertEquals("content/articles/x/y.md:3:8: invalid YAML (close the bracket)", error.get("problems").get(0).get("text").asText());
        r.body().close();
    }

    @Test
    void aTabOpenedWhileTheBuildIsBrokenGetsTheErrorAtOnce() throws Exception {
        live.failed(List.of(Problem.error(new SourceLocation(Path.of("content/kb.yaml"), 2, 1), "bad")));
        HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(uri("/__kb/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        Iterator<String> lines = r.body().iterator();
        assertTrue(event(lines, "hello").get("failing").asBoolean());
        assertEquals("content/kb.yaml:2:1: bad", event(lines, "error").get("problems").get(0).get("text").asText());
        r.body().close();
    }

    @Test
    void aPageBuiltWithoutTheLiveScriptGetsItSoErrorsStillShow() throws Exception {
        org.jsoup.nodes.Document home = Jsoup.parse(get("/").body());
        assertEquals(List.of("/__kb/live.js"), home.select("script").eachAttr("src"));
        org.jsoup.nodes.Document missing = Jsoup.parse(get("/nowhere/").body());
        assertEquals(List.of("/__kb/live.js"), missing.select("script").eachAttr("src"));
        Files.writeString(site.resolve("preview.html"), "<html><head><script src=\"/__kb/live.js\" defer></script></head></html>");
        assertEquals(1, Jsoup.parse(get("/preview.html").body()).select("script").size());
    }

    @Test
    void beforeTheFirstBuildAPageWaitsForTheSite() throws Exception {
        server.close();
        server = PreviewServer.start(dir.resolve("not-built-yet"), 0, live);
        HttpResponse<String> r = get("/");
        assertEquals(503, r.statusCode());
        assertEquals("/__kb/live.js", Jsoup.parse(r.body()).selectFirst("script").attr("src"));
    }

    private static JsonNode event(Iterator<String> lines, String name) throws IOException {
        String current = null;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("event: ")) {
                current = line.substring(7);
            } else if (line.startsWith("data: ") && name.equals(current)) {
                return new ObjectMapper().readTree(line.substring(6));
            }
        }
        throw new AssertionError("no " + name + " event");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** A response read off a raw socket. */
    record Raw(int status, String head, String body) { }

    /** Sends bytes as they are (no client normalises them) and reads the answer until the server closes or 5 s pass. */
    private Raw raw(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder sb = new StringBuilder();
            byte[] buf = new byte[8192];
            try {
                for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                    sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    int end = sb.indexOf("\r\n\r\n");
                    if (end > 0 && complete(sb, end)) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                // what arrived is the answer
            }
            String text = sb.toString();
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            int status = head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
            return new Raw(status, head, body);
        }
    }

    private static boolean complete(StringBuilder sb, int headEnd) {
        String head = sb.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
        int at = head.indexOf("content-length: ");
        if (at < 0) {
            return false;
        }
        int length = Integer.parseInt(head.substring(at + 16).split("\r\n")[0].trim());
        return sb.length() - headEnd - 4 >= length;
    }
}
