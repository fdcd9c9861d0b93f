package kb.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kb.diagnostic.Problem;

/**
 * Live reload by server-sent events at {@code /__kb/events}, and the browser side of it,
 * {@code /__kb/live.js}. Events: {@code hello} on connect (this server's session and build
 * number, so a tab that missed a rebuild while disconnected reloads), {@code reload} after each
 * good build, {@code error} with the problems of a failed one (the script shows them over the
 * page; the last good site stays served). A stream holds no thread: it is written to when
 * something happens, and pinged so dead tabs are noticed.
 */
public final class LiveReload implements AutoCloseable {
    static final String EVENTS = "/__kb/events";
    static final String SCRIPT = "/__kb/live.js";
    private static final int MAX_STREAMS = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String session = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kb-live-ping");
        t.setDaemon(true);
        return t;
    });
    private final byte[] script;
    private long build;
    private String failure;

    public LiveReload() {
        try (InputStream in = LiveReload.class.getResourceAsStream("live.js")) {
            script = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("live.js is missing from kb's jar", e);
        }
        pinger.scheduleAtFixedRate(() -> broadcast(": ping\n\n"), 15, 15, TimeUnit.SECONDS);
    }

    /** Tells every open tab to reload (a good build), clearing any error shown. */
    public synchronized void reload(List<String> pages) {
        build++;
        failure = null;
        Map<String, Object> data = hello();
        data.put("pages", pages);
        broadcast(event("reload", data));
    }

    /** Shows a failed build's problems in every open tab, and in every tab opened until the next good build. */
    public synchronized void failed(List<Problem> problems) {
        failure = event("error", Map.of("problems", problems.stream().map(LiveReload::problem).toList()));
        broadcast(failure);
    }

    /** Whether the last build failed. */
    public synchronized boolean failing() {
        return failure != null;
    }

    /** Open event streams. */
    int streams() {
        return streams.size();
    }

    byte[] script() {
        return script.clone();
    }

    /** Answers {@code GET /__kb/events}: the stream stays open after this returns. */
    void open(Exchange exchange) throws IOException {
        if (streams.size() >= MAX_STREAMS) {
            Responses.text(exchange, 503, "too many live-reload connections");
            return;
        }
        exchange.setHeader("Content-Type", "text/event-stream; charset=utf-8");
        Responses.common(exchange);
        exchange.sendResponseHeaders(200, 0);
        Stream stream = new Stream(exchange);
        synchronized (this) {
            Map<String, Object> hello = hello();
            hello.put("failing", failure != null);
            String first = "retry: 1000\n\n" + event("hello", hello) + (failure == null ? "" : failure);
            if (stream.send(first)) {
                streams.add(stream);
            }
        }
    }

    @Override
    public void close() {
        pinger.shutdownNow();
        streams.forEach(Stream::close);
        streams.clear();
    }

    private Map<String, Object> hello() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session", session);
        data.put("build", build);
        return data;
    }

    private void broadcast(String text) {
        for (Stream s : streams) {
            if (!s.send(text)) {
                streams.remove(s);
            }
        }
    }

    private static String event(String name, Object data) {
        try {
            return "event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> problem(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", p.toString());
        m.put("file", p.where().file().toString().replace('\\', '/'));
        m.put("line", p.where().line());
        m.put("column", p.where().column());
        m.put("message", p.message());
        m.put("hint", p.hint());
        m.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }

    /** One open tab's event stream. */
    private static final class Stream {
        private final Exchange exchange;
        private final OutputStream body;

        Stream(Exchange exchange) {
            this.exchange = exchange;
            this.body = exchange.getResponseBody();
        }

        synchronized boolean send(String text) {
            try {
                body.write(text.getBytes(StandardCharsets.UTF_8));
                body.flush();
                return true;
            } catch (IOException e) {
                close(); // the tab went away
                return false;
            }
        }

        void close() {
            exchange.close();
        }
    }
}
