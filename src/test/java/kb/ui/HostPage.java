package kb.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Somebody else's product page on its own loopback port, embedding the help widget from the help
 * center's origin ({@code ?help=http://127.0.0.1:PORT}) with the strict policy docs/widget.md
 * documents: scripts and styles from the help center only (and its own stylesheet, which is
 * hostile: {@code * { color: red !important; font: 30px serif !important }}). {@code &plain} serves
 * the same page without the widget.
 */
final class HostPage implements AutoCloseable {
    static final String HOSTILE_CSS = "* { color: red !important; font: 30px serif !important }\n";

    private final HttpServer server;

    private HostPage() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static HostPage serve() throws IOException {
        return new HostPage();
    }

    /** The host page embedding the widget of the help center at {@code helpRoot} (ending in /). */
    String url(String helpRoot) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/?help="
                + java.net.URLEncoder.encode(helpRoot, StandardCharsets.UTF_8);
    }

    /** The help center's origin, as a CSP source: scheme, host and port. */
    static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + ":" + u.getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            if (uri.getPath().equals("/hostile.css")) {
                send(exchange, "text/css; charset=utf-8", null, HOSTILE_CSS);
                return;
            }
            if (!uri.getPath().equals("/")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            String help = "";
            for (String part : query.split("&")) {
                if (part.startsWith("help=")) {
                    help = URLDecoder.decode(part.substring(5), StandardCharsets.UTF_8);
                }
            }
            boolean plain = query.contains("plain");
            String origin = origin(help);
            String csp = "default-src 'none'; script-src " + origin + "; style-src 'self' " + origin;
            String page = """
                    <!DOCTYPE html>
                    <html lang="en">
                    <head>
                    <meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>Social accounts · Some CRM</title>
                    <link rel="stylesheet" href="/hostile.css">
                    %s
                    </head>
                    <body>
                    <header><a id="host-skip" href="#main">Skip to the page</a></header>
                    <main id="main">
                      <h1>Social accounts</h1>
                      <p id="host-text">LinkedIn: disconnected.</p>
                      <button id="host-button" type="button">Reconnect</button>
                      <div class="w launcher panel results vh" id="host-lookalike">Classes the widget uses, on the host's own element.</div>
                    </main>
                    </body>
                    </html>
                    """.formatted(plain ? "" : "<script src=\"" + help + "widget.js\" async></script>");
            send(exchange, "text/html; charset=utf-8", csp, page);
        }
    }

    private static void send(HttpExchange exchange, String type, String csp, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        if (csp != null) {
            exchange.getResponseHeaders().add("Content-Security-Policy", csp);
        }
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
