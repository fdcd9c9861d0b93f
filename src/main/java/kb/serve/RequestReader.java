package kb.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.x request head (request line and headers) off a connection, byte by byte
 * within fixed limits, and refuses anything malformed with a status of its own. kb reads every
 * request itself instead of leaving that to the JDK's server, because the JDK answers a garbage
 * request line with a response of its own making, without the headers (nosniff) every other
 * answer of the preview carries.
 */
final class RequestReader {
    /** Longest request line read; a longer one is refused with 414. */
    static final int MAX_LINE = 8 * 1024;
    /** Most header bytes and lines read; more is refused with 431. */
    static final int MAX_HEADER_BYTES = 32 * 1024;
    static final int MAX_HEADERS = 100;

    private RequestReader() {
    }

    /** A request head: the method, the target split into its raw path and query, lower-cased header names. */
    record Request(String method, String rawPath, String rawQuery, Map<String, String> headers) {
        Request {
            headers = Map.copyOf(headers);
        }
    }

    /** Why a request was refused, and with which status. */
    static final class Refused extends Exception {
        private final int status;

        Refused(int status, String why) {
            super(why, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /**
     * Reads one request head.
     *
     * @return the request, or null when the client closed the connection before sending anything
     * @throws Refused a malformed or oversized request, with the status to answer
     */
    static Request read(InputStream in) throws IOException, Refused {
        String line = line(in, MAX_LINE, 414, "the request line is too long");
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !token(parts[0])) {
            throw new Refused(400, "a request line is METHOD TARGET HTTP/1.1");
        }
        if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
            throw new Refused(parts[2].startsWith("HTTP/") ? 505 : 400, "only HTTP/1.0 and HTTP/1.1 are spoken here");
        }
        String target = parts[1];
        Map<String, String> headers = headers(in);
        String length = headers.get("content-length");
        if (length != null && !length.chars().allMatch(c -> c >= '0' && c <= '9') || "".equals(length)) {
            throw new Refused(400, "Content-Length is not a number");
        }
        return target(parts[0], target, headers);
    }

    private static Request target(String method, String target, Map<String, String> headers) throws Refused {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                throw new Refused(400, "the request target holds a control or non-ASCII character");
            }
        }
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            throw new Refused(400, "the request target is not a valid URI");
        }
        if (target.startsWith("/")) {
            return new Request(method, uri.getRawPath(), uri.getRawQuery(), headers);
        }
        if (uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme())) && uri.getRawPath() != null
                && uri.getRawPath().startsWith("/")) {
            return new Request(method, uri.getRawPath(), uri.getRawQuery(), headers);
        }
        throw new Refused(400, "the request target must be a path");
    }

    private static Map<String, String> headers(InputStream in) throws IOException, Refused {
        Map<String, String> headers = new HashMap<>();
        int bytes = 0;
        for (int n = 0; ; n++) {
            String line = line(in, MAX_HEADER_BYTES - bytes, 431, "the request headers are too large");
            if (line == null) {
                throw new Refused(400, "the request ended inside its headers");
            }
            if (line.isEmpty()) {
                return headers;
            }
            bytes += line.length() + 2;
            if (n >= MAX_HEADERS) {
                throw new Refused(431, "too many request headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !token(line.substring(0, colon))) {
                throw new Refused(400, "a header line is NAME: VALUE");
            }
            headers.putIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
    }

    /** One line ended by CRLF (or a bare LF), as ISO-8859-1; null at the end of input before any byte. */
    private static String line(InputStream in, int max, int status, String tooLong) throws IOException, Refused {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (sb.length() == 0) {
                    return null;
                }
                throw new Refused(400, "the request ended inside a line");
            }
            if (b == '\n') {
                int end = sb.length();
                if (end > 0 && sb.charAt(end - 1) == '\r') {
                    sb.setLength(end - 1);
                }
                return sb.toString();
            }
            if (b == 0) {
                throw new Refused(400, "the request holds a NUL byte");
            }
            if (sb.length() >= max) {
                throw new Refused(status, tooLong);
            }
            sb.append((char) b);
        }
    }

    /** RFC 9110's token: the characters a method or header name may hold. */
    private static boolean token(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c > 0x20 && c < 0x7F && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
            if (!ok) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
