package kb.insights;

import java.time.Instant;

/**
 * One request from an access log, whatever format it came in.
 *
 * @param time when it was made, or null when the line gave no time
 * @param method the HTTP method, upper case
 * @param path the path as requested, still percent-encoded, one char per byte (ISO-8859-1)
 * @param query the query string after {@code ?}, still percent-encoded, or empty
 * @param status the HTTP status the host answered
 * @param userAgent the browser's self-description, or empty
 */
public record LogLine(Instant time, String method, String path, String query, int status, String userAgent) {
    public LogLine {
        method = method == null ? "" : method;
        query = query == null ? "" : query;
        userAgent = userAgent == null ? "" : userAgent;
    }

    /** Splits a request target ({@code /path?query}) into its two parts. */
    static LogLine of(Instant time, String method, String target, int status, String userAgent) {
        int q = target.indexOf('?');
        return new LogLine(time, method, q < 0 ? target : target.substring(0, q), q < 0 ? "" : target.substring(q + 1),
                status, userAgent);
    }
}
