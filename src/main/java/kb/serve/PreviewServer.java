package kb.serve;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a built site on 127.0.0.1 only, with live reload. One thread accepts connections; a
 * bounded pool of threads reads each request ({@link RequestReader}) and answers it (overflow
 * waits in a bounded queue, then runs on the accepting thread, which slows new connections down
 * instead of dropping them). kb reads requests itself, so even the answer to a garbage request
 * line carries the headers below. Every response says its type and forbids
 * sniffing; HTML pages get {@code Content-Security-Policy: default-src 'self'}; paths are
 * checked by {@link SitePaths}; a request for another host name is refused, so a web page
 * cannot reach the preview through DNS rebinding.
 */
public final class PreviewServer implements AutoCloseable {
    private static final int THREADS = 16;
    private static final int QUEUE = 1024;
    private static final int BACKLOG = 512;
    /** How long a client may take to send its request head. */
    private static final int READ_TIMEOUT_MILLIS = 10_000;
    /** Files up to this size are read whole; larger ones (a big search index) are streamed. */
    private static final long READ_WHOLE = 4L << 20;
    private static final byte[] NO_SITE_YET = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>kb serve</title>
            <script src="/__kb/live.js" defer></script></head>
            <body><main><h1>No site to show yet</h1>
            <p>kb is building the site, or the build failed (the errors show over this page).
            This page reloads by itself once the site is built.</p></main></body></html>
            """.getBytes(StandardCharsets.UTF_8);

    private final Path site;
    private final LiveReload live;
    private final ServerSocket server;
    private final ThreadPoolExecutor executor;
    private final Thread acceptor;
    private final int port;
    private final Set<String> hosts;

    private PreviewServer(Path site, LiveReload live, ServerSocket server, ThreadPoolExecutor executor) {
        this.site = site;
        this.live = live;
        this.server = server;
        this.executor = executor;
        this.port = server.getLocalPort();
        this.acceptor = new Thread(this::accept, "kb-serve-accept");
        acceptor.setDaemon(true);
        this.hosts = Set.of("127.0.0.1", "localhost", "[::1]", "127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
    }

    /**
     * Starts serving {@code site} (the folder need not exist yet) on 127.0.0.1.
     *
     * @param port the port, or 0 for any free one
     * @throws PortInUseException when the port is taken, with a free one to suggest
     */
    public static PreviewServer start(Path site, int port, LiveReload live) throws IOException, PortInUseException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(loopback, port), BACKLOG);
        } catch (BindException e) {
            server.close();
            throw new PortInUseException(port, nextFree(loopback, port));
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "kb-serve-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        PreviewServer preview = new PreviewServer(site.toAbsolutePath().normalize(), live, server, executor);
        preview.acceptor.start();
        return preview;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT/} */
    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        executor.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket connection;
            try {
                connection = server.accept();
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
                continue; // one failed accept (a client that reset at once) is no reason to stop
            }
            try {
                executor.execute(() -> answer(connection));
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                closeQuietly(connection);
            }
        }
    }

    /** Reads one request off a new connection and answers it; the connection closes after the answer. */
    private void answer(Socket connection) {
        Exchange exchange;
        try {
            connection.setSoTimeout(READ_TIMEOUT_MILLIS);
            RequestReader.Request request = RequestReader.read(new BufferedInputStream(connection.getInputStream(), 8192));
            if (request == null) {
                closeQuietly(connection);
                return;
            }
            connection.setSoTimeout(0);
            exchange = new Exchange(connection, request);
        } catch (RequestReader.Refused e) {
            refuse(connection, e);
            return;
        } catch (IOException e) {
            closeQuietly(connection); // a client that went quiet or away before its request was whole
            return;
        }
        try {
            route(exchange);
        } catch (IOException e) {
            exchange.close(); // the client went away mid-response
        } catch (RuntimeException e) {
            if (exchange.responded()) {
                exchange.close();
            } else {
                try {
                    Responses.text(exchange, 500, "kb serve: internal error: " + e.getClass().getSimpleName());
                } catch (IOException | RuntimeException again) {
                    exchange.close();
                }
            }
        }
    }

    /**
     * Answers a request kb would not read with the same headers as every other answer, then reads
     * on briefly before closing: closing with unread bytes would reset the connection, and the
     * client could lose the answer.
     */
    private static void refuse(Socket connection, RequestReader.Refused why) {
        RequestReader.Request none = new RequestReader.Request("GET", "/", null, java.util.Map.of());
        Exchange exchange = new Exchange(connection, none);
        try {
            Responses.text(exchange, why.status(), "bad request: " + why.getMessage(), false);
            connection.shutdownOutput();
            connection.setSoTimeout(1000);
            InputStream in = connection.getInputStream();
            byte[] sink = new byte[8192];
            for (int read = 0, n; read < (1 << 20) && (n = in.read(sink)) > 0; read += n) {
                // discard the rest of the request
            }
        } catch (IOException gone) {
            // the client went away: nothing more to tell it
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Socket connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // closing a dead socket
        }
    }

    private void route(Exchange exchange) throws IOException {
        String method = exchange.method();
        String host = exchange.header("Host");
        if (host != null && !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            Responses.text(exchange, 403, "kb serve answers requests for 127.0.0.1:" + port + " or localhost:" + port + " only");
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.setHeader("Allow", "GET, HEAD");
            Responses.text(exchange, 405, "kb serve only reads: GET and HEAD");
            return;
        }
        String raw = exchange.rawPath();
        if (LiveReload.EVENTS.equals(raw) && method.equals("GET")) {
            live.open(exchange);
        } else if (LiveReload.SCRIPT.equals(raw)) {
            Responses.send(exchange, 200, ContentTypes.JS, live.script());
        } else if (raw != null && raw.startsWith("/__kb/")) {
            notFound(exchange);
        } else {
            serve(exchange, raw);
        }
    }

    private void serve(Exchange exchange, String raw) throws IOException {
        SitePaths.Resolution found = SitePaths.resolve(site, raw);
        if (found instanceof SitePaths.Found f) {
            file(exchange, 200, f.file());
        } else if (found instanceof SitePaths.Redirect r) {
            String query = exchange.rawQuery();
            exchange.setHeader("Location", query == null ? r.location() : r.location() + "?" + query);
            Responses.text(exchange, 301, "moved to " + r.location());
        } else if (found instanceof SitePaths.BadRequest b) {
            Responses.text(exchange, 400, "bad request: " + b.why());
        } else {
            notFound(exchange);
        }
    }

    /** The site's own 404 page with status 404; before any site exists, a page that waits for it. */
    private void notFound(Exchange exchange) throws IOException {
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            exchange.setHeader("Retry-After", "1");
            Responses.send(exchange, 503, ContentTypes.HTML, NO_SITE_YET);
        } else if (SitePaths.resolve(site, "/404.html") instanceof SitePaths.Found page) {
            file(exchange, 404, page.file());
        } else {
            Responses.text(exchange, 404, "not found");
        }
    }

    private void file(Exchange exchange, int status, Path file) throws IOException {
        String type = ContentTypes.of(file.getFileName().toString());
        long size = Files.size(file);
        if (size <= READ_WHOLE) {
            byte[] body = Files.readAllBytes(file);
            Responses.send(exchange, status, type, ContentTypes.isHtml(type) ? withLiveScript(body) : body);
            return;
        }
        exchange.setHeader("Content-Type", type);
        Responses.common(exchange);
        if (exchange.method().equals("HEAD")) {
            exchange.setHeader("Content-Length", String.valueOf(size));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, size);
        try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
            in.transferTo(out);
        }
        exchange.close();
    }

    /**
     * A page of a site built by {@code kb build} (the preview's first build failed, so the old
     * site is served) lacks the live-reload script: add it, so the errors show and the page
     * reloads once they are fixed. Pages of a preview build have it already.
     */
    static byte[] withLiveScript(byte[] page) {
        String text = new String(page, StandardCharsets.ISO_8859_1); // byte for byte: the markers are ASCII
        if (text.contains(LiveReload.SCRIPT)) {
            return page;
        }
        String tag = "<script src=\"" + LiveReload.SCRIPT + "\" defer></script>";
        int head = text.toLowerCase(java.util.Locale.ROOT).indexOf("</head>");
        String out = head < 0 ? tag + text : text.substring(0, head) + tag + text.substring(head);
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The first port after {@code port} that is free on the loopback address, or -1. */
    static int nextFree(InetAddress loopback, int port) {
        for (int p = port + 1; p > 0 && p <= Math.min(65535, port + 100); p++) {
            try (ServerSocket probe = new ServerSocket(p, 1, loopback)) {
                return p;
            } catch (IOException taken) {
                // try the next one
            }
        }
        return -1;
    }
}
