package kb.serve;

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
    static void common(Exchange exchange) {
        exchange.setHeader("X-Content-Type-Options", "nosniff");
        exchange.setHeader("Cache-Control", "no-store");
        exchange.setHeader("Referrer-Policy", "no-referrer");
    }

    /** Sends a body of the given type; HTML also gets the Content-Security-Policy. */
    static void send(Exchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.setHeader("Content-Type", contentType);
        if (ContentTypes.isHtml(contentType)) {
            exchange.setHeader("Content-Security-Policy", CSP);
        }
        common(exchange);
        if (exchange.method().equals("HEAD")) {
            exchange.setHeader("Content-Length", String.valueOf(body.length));
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    static void text(Exchange exchange, int status, String text) throws IOException {
        text(exchange, status, text, true);
    }

    /** @param close whether to close the connection after the answer (not when the caller reads on first) */
    static void text(Exchange exchange, int status, String text, boolean close) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        if (close) {
            send(exchange, status, ContentTypes.TEXT, body);
            return;
        }
        exchange.setHeader("Content-Type", ContentTypes.TEXT);
        common(exchange);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.getResponseBody().flush();
    }
}
