package kb.serve;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request read by {@link RequestReader} and the response to it, on a connection of its own:
 * every response says {@code Connection: close}, so no idle keep-alive connection ever holds one
 * of the server's few threads. Shaped like the JDK's {@code HttpExchange} (a body length of -1
 * means none, 0 means written until the connection closes) so handlers read the same.
 */
final class Exchange {
    private final Socket socket;
    private final RequestReader.Request request;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private OutputStream body;
    private boolean closed;

    Exchange(Socket socket, RequestReader.Request request) {
        this.socket = socket;
        this.request = request;
    }

    String method() {
        return request.method();
    }

    /** The path as sent, still percent-encoded; {@link SitePaths} decodes and checks it. */
    String rawPath() {
        return request.rawPath();
    }

    /** The query as sent, or null. */
    String rawQuery() {
        return request.rawQuery();
    }

    /** A request header's first value, by name in any case, or null. */
    String header(String name) {
        return request.headers().get(name.toLowerCase(Locale.ROOT));
    }

    /** Sets a response header, replacing one of the same name. */
    void setHeader(String name, String value) {
        headers.put(name, value);
    }

    /** Whether the status line has been sent. */
    boolean responded() {
        return body != null;
    }

    /**
     * Sends the status line and headers.
     *
     * @param length the body's length; -1 for no body (a Content-Length set by the handler stays),
     *     0 for a body of unknown length that ends when the connection closes
     */
    void sendResponseHeaders(int status, long length) throws IOException {
        if (length > 0) {
            headers.put("Content-Length", String.valueOf(length));
        } else if (length < 0 && !headers.containsKey("Content-Length")) {
            headers.put("Content-Length", "0");
        }
        headers.put("Connection", "close");
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        body = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        body.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (length < 0) {
            body.flush();
        }
    }

    /** Where the body goes, once the headers are sent. */
    OutputStream getResponseBody() {
        if (body == null) {
            throw new IllegalStateException("the response headers are not sent yet");
        }
        return body;
    }

    /** Sends what is buffered and closes the connection. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (body != null) {
                body.flush();
            }
        } catch (IOException gone) {
            // the client went away: nothing left to tell it
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a dead socket
        }
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status";
        };
    }
}
