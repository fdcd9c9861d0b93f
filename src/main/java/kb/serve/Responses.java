package kb.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The headers every preview response carries, and the small responses the server makes itself. */
final class Responses {
    /** The policy the built site must work under, as a strict host would send it. */
    static final String CSP = "default-src 'self'";

    private Responses() {
    }

    /** Headers for every response: no type sniffing, and no caching (a reload must show the new page). */
    static void common(HttpExchange exchange) {
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    }

    /** Sends a body of the given type; HTML also gets the Content-Security-Policy. */
    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (ContentTypes.isHtml(contentType)) {
            exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
        }
        common(exchange);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, ContentTypes.TEXT, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
