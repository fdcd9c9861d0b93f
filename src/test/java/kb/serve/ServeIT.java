package kb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kb.testing.BrowserTest;
import kb.testing.Reader;
import kb.testing.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code java -jar kb.jar serve} as a writer uses it: on a copy of the shipped content, with a
 * draft, on a free port. Saves an article and sees the reload event and the new text; breaks
 * its front matter and sees the error event (and, in Chromium, the overlay) while the last good
 * page stays served; fixes it and sees the page again. Then the server's security.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServeIT {
    private static final String ARTICLE = "articles/linkedin/token-expiration.md";
    private static final String PAGE = "/linkedin/token-expiration/";
    private static final Pattern SERVING = Pattern.compile("Serving (http://127\\.0\\.0\\.1:(\\d+)/)");
    private static final String SECRET = "SECRET-BESIDE-THE-SITE";

    @TempDir
    static Path dir;
    Path content;
    Path article;
    Process serve;
    long saved;
    String base;
    int port;
    final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One server-sent event. */
    record Event(String name, JsonNode data) { }

    @BeforeAll
    void start() throws Exception {
        content = copy(TestSites.CONTENT, dir.resolve("content"));
        Path templates = copy(TestSites.TEMPLATES, dir.resolve("templates"));
        article = content.resolve(ARTICLE);
        Files.writeString(content.resolve("articles/linkedin/coming-soon.md"),
                "---\nid: 9990\ntitle: Coming soon\ndraft: true\n---\n\nNot published yet.\n");
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        serve = new ProcessBuilder(java(), "-jar", jar(), "serve", "--content", content.toString(),
                "--templates", templates.toString(), "--out", dir.resolve("site").toString(), "--port", "0", "--drafts")
                .redirectError(dir.resolve("serve.err").toFile())
                .start();
        Thread reader = new Thread(() -> lines(serve.getInputStream(), output), "serve-stdout");
        reader.setDaemon(true);
        reader.start();
        Matcher m = null;
        for (String line = output.poll(150, TimeUnit.SECONDS); line != null; line = output.poll(150, TimeUnit.SECONDS)) {
            m = SERVING.matcher(line);
            if (m.find()) {
                break;
            }
        }
        assertNotNull(m, "kb serve did not start: " + Files.readString(dir.resolve("serve.err")));
        base = m.group(1);
        port = Integer.parseInt(m.group(2));
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create(base + "__kb/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread sse = new Thread(() -> events(stream.body()), "serve-events");
        sse.setDaemon(true);
        sse.start();
        assertEquals("hello", next("hello").name());
    }

    @AfterAll
    void stop() throws Exception {
        if (serve != null) {
            serve.destroy();
            assertTrue(serve.waitFor(20, TimeUnit.SECONDS), "kb serve did not stop on SIGTERM");
        }
    }

    @Test
    @Order(1)
    void servesTheSiteWithTheLiveReloadScriptAndDraftsBadged() throws Exception {
        Document page = page(PAGE);
        assertEquals(1, page.select("script[src=/__kb/live.js]").size());
        assertEquals("Draft", page("/linkedin/coming-soon/").selectFirst("h1 .badge").text());
    }

    @Test
    @Order(2)
    void savingAnArticleReloadsTheBrowserWithTheNewText() throws Exception {
        assertFalse(body(page(PAGE)).contains("zebracorn"));
        edit("LinkedIn gives Lofty a token", "LinkedIn gives Lofty a zebracorn token");
        Event reload = next("reload");
        long millis = (System.nanoTime() - saved) / 1_000_000;
        System.out.println("ServeIT: save to reload event " + millis + " ms");
        assertTrue(contains(reload.data().get("pages"), "linkedin/token-expiration/"), reload.toString());
        assertTrue(body(page(PAGE)).contains("LinkedIn gives Lofty a zebracorn token"));
        // The next step breaks the article: let this edit's search refresh end first, or its
        // reload (of the pages whose related list it changed) could arrive just before the error.
        awaitSearchRefresh();
    }

    @Test
    @Order(3)
    void brokenFrontMatterShowsTheErrorWhileTheLastGoodPageStays() throws Exception {
        edit("title: LinkedIn yearly token expiry", "title: [LinkedIn yearly token expiry");
        Event error = next("error");
        String text = error.data().get("problems").get(0).get("text").asText();
        assertTrue(text.matches(Pattern.quote(article.toString()) + ":\\d+:\\d+: .+"), text);
        Document still = page(PAGE);
        assertEquals("LinkedIn yearly token expiry", still.selectFirst("h1").text());
        assertTrue(body(still).contains("zebracorn"));
    }

    @Test
    @Order(4)
    void fixingItReloadsThePage() throws Exception {
        edit("title: [LinkedIn yearly token expiry", "title: LinkedIn yearly token expiry, fixed");
        next("reload");
        assertEquals("LinkedIn yearly token expiry, fixed", page(PAGE).selectFirst("h1").text());
    }

    @Test
    @Order(5)
    @BrowserTest
    void inChromiumTheErrorIsAnOverlayThatGoesWhenFixed(Reader reader) throws Exception {
        ChromeDriver chrome = reader.driver;
        chrome.get(base + PAGE.substring(1));
        // The page reloads under the test's feet: an element found just before a reload goes stale.
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(d -> d.findElement(By.tagName("h1")).getText().startsWith("LinkedIn yearly token expiry"));
        Thread.sleep(500); // let live.js connect before the edit
        edit("title: LinkedIn yearly token expiry, fixed", "title: [LinkedIn yearly token expiry");
        WebElement overlay = wait.until(d -> d.findElements(By.cssSelector("[role=alertdialog]")).stream()
                .findFirst().orElse(null));
        assertTrue(overlay.isDisplayed());
        assertEquals("kb-build-error-title", overlay.getAttribute("aria-labelledby"));
        String shown = overlay.getText();
        assertTrue(shown.contains(article.toString().replace('\\', '/') + ":"), shown);
        assertTrue(Pattern.compile(":\\d+:\\d+").matcher(shown).find(), shown);
        assertTrue(chrome.findElement(By.tagName("h1")).getText().startsWith("LinkedIn yearly token expiry"),
                "the last good page stays under the overlay");

        edit("title: [LinkedIn yearly token expiry", "title: LinkedIn token expiry, seen in Chromium");
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("LinkedIn token expiry, seen in Chromium"));
        assertEquals(0, chrome.findElements(By.cssSelector("[role=alertdialog]")).size());
    }

    @Test
    @Order(6)
    void aSearchRefreshWhileTheContentIsBrokenLeavesTheErrorShown() throws Exception {
        edit("LinkedIn gives Lofty a zebracorn token", "LinkedIn gives Lofty a quokka token");
        next("reload"); // the page now; the search index once edits pause for a second
        // Broken before that second is up: the refresh runs while the build is failing.
        Files.writeString(article, Files.readString(article).replace("title: ", "title: ["));
        next("error");
        for (Event e = events.poll(8, TimeUnit.SECONDS); e != null; e = events.poll(8, TimeUnit.SECONDS)) {
            assertNotEquals("reload", e.name(), "a tab reloaded, its error overlay gone, while the article is broken");
        }
        try (Stream<String> fresh = http.send(HttpRequest.newBuilder(URI.create(base + "__kb/events")).build(),
                HttpResponse.BodyHandlers.ofLines()).body()) {
            String hello = fresh.filter(l -> l.startsWith("data: ")).findFirst().orElseThrow().substring(6);
            assertTrue(new ObjectMapper().readTree(hello).get("failing").asBoolean(), "a tab opened now shows the error: " + hello);
        }
        edit("title: [", "title: ");
        next("reload");
        assertTrue(body(page(PAGE)).contains("quokka"));
    }

    @Test
    @Order(10)
    void refusesTraversalInEveryEncoding() throws IOException {
        for (String target : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/assets/..%2f..%2f..%2fsecret.txt",
                "/%252e%252e/secret.txt", "/..%5csecret.txt", "/assets\\..\\..\\secret.txt", "/secret.txt%00.html",
                "/%c0%ae%c0%ae/secret.txt", "/./../secret.txt", "//../secret.txt")) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            int status = Integer.parseInt(answer.substring(9, 12));
            assertTrue(status == 400 || status == 403 || status == 404, target + " -> " + answer);
            assertFalse(answer.contains(SECRET), target);
        }
    }

    @Test
    @Order(11)
    void sendsContentTypesNosniffAndTheContentSecurityPolicy() throws Exception {
        String[][] expected = {
            {"", "text/html; charset=utf-8"},
            {"assets/kb.css", "text/css; charset=utf-8"},
            {"assets/js/kb-search.js", "text/javascript; charset=utf-8"},
            {"api/networks.json", "application/json"},
            {"sitemap.xml", "application/xml"},
            {"robots.txt", "text/plain; charset=utf-8"},
            {"lifespans/lifespans.csv", "text/csv; charset=utf-8"},
            {"linkedin/token-expiration/index.md", "text/markdown; charset=utf-8"},
            {"__kb/live.js", "text/javascript; charset=utf-8"}};
        for (String[] e : expected) {
            HttpResponse<String> r = get(e[0]);
            assertEquals(200, r.statusCode(), e[0]);
            assertEquals(e[1], r.headers().firstValue("Content-Type").orElse(""), e[0]);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), e[0]);
            assertEquals(e[1].startsWith("text/html") ? "default-src 'self'" : "",
                    r.headers().firstValue("Content-Security-Policy").orElse(""), e[0]);
        }
    }

    @Test
    @Order(12)
    void aMissingPageIsThe404PageWithStatus404AndFoldersAreNeverListed() throws Exception {
        HttpResponse<String> r = get("no/such/page/");
        assertEquals(404, r.statusCode());
        assertEquals("noindex", Jsoup.parse(r.body()).selectFirst("meta[name=robots]").attr("content"));
        assertEquals(404, get("assets/").statusCode());
        HttpResponse<String> folder = get("linkedin");
        assertEquals(301, folder.statusCode());
        assertEquals("/linkedin/", folder.headers().firstValue("Location").orElseThrow());
    }

    @Test
    @Order(13)
    void aTakenPortIsSaidClearlyWithAFreeOneToTry() throws Exception {
        Process second = new ProcessBuilder(java(), "-jar", jar(), "serve", "--content", content.toString(),
                "--templates", dir.resolve("templates").toString(), "--out", dir.resolve("other").toString(),
                "--port", String.valueOf(port)).redirectErrorStream(true).start();
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        String said = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, second.exitValue(), said);
        Matcher m = Pattern.compile("kb: port " + port + " is in use on 127\\.0\\.0\\.1; try --port (\\d+)").matcher(said);
        assertTrue(m.find(), said);
        try (ServerSocket free = new ServerSocket(Integer.parseInt(m.group(1)), 1, InetAddress.getLoopbackAddress())) {
            assertTrue(free.isBound());
        }
        assertFalse(Files.exists(dir.resolve("other")), "nothing was built");
    }

    /** Waits for the preview to go quiet (a search refresh may follow an update), then edits the article. */
    private void edit(String from, String to) throws IOException, InterruptedException {
        while (events.poll(1500, TimeUnit.MILLISECONDS) != null) {
            // an event of the previous edit: not what the next step waits for
        }
        String text = Files.readString(article);
        assertTrue(text.contains(from), "fixture changed: " + from);
        saved = System.nanoTime();
        Files.writeString(article, text.replace(from, to));
    }

    /** Waits until kb serve says the search index was refreshed (it does so a second after edits pause). */
    private void awaitSearchRefresh() throws InterruptedException {
        for (String line = output.poll(60, TimeUnit.SECONDS); line != null; line = output.poll(60, TimeUnit.SECONDS)) {
            if (line.contains("search index updated")) {
                return;
            }
        }
        throw new AssertionError("no search refresh within 60 s");
    }

    private Event next(String name) throws InterruptedException {
        for (Event e = events.poll(60, TimeUnit.SECONDS); e != null; e = events.poll(60, TimeUnit.SECONDS)) {
            if (e.name().equals(name)) {
                return e;
            }
            if (!e.name().equals("hello")) {
                throw new AssertionError("expected a " + name + " event, got " + e);
            }
        }
        throw new AssertionError("no " + name + " event within 60 s");
    }

    private Document page(String path) throws Exception {
        HttpResponse<String> r = get(path.substring(1));
        assertEquals(200, r.statusCode(), path);
        return Jsoup.parse(r.body());
    }

    private static String body(Document page) {
        return page.selectFirst(".article-body").text();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private void events(Stream<String> lines) {
        ObjectMapper json = new ObjectMapper();
        String name = null;
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ") && name != null) {
                    events.add(new Event(name, json.readTree(line.substring(6))));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            events.add(new Event("closed", null)); // the server stopped
        }
    }

    private String raw(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void lines(InputStream in, BlockingQueue<String> into) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                into.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        return to;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String jar() {
        String jar = System.getProperty("kb.jar");
        assertNotNull(jar, "run by Failsafe, which sets kb.jar");
        return jar;
    }
}
