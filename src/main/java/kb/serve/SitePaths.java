package kb.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a request path to a file of the site, refusing anything that could reach outside it:
 * {@code ..} and {@code .} segments in any encoding, encoded slashes and backslashes, double
 * encoding, NUL and control characters, hidden files, and symbolic links whose real path leaves
 * the site. Folders are never listed: {@code x/} serves {@code x/index.html} or nothing.
 */
final class SitePaths {
    private SitePaths() {
    }

    /** What a request path resolves to. */
    sealed interface Resolution permits Found, Redirect, NotFound, BadRequest { }

    /** A regular file inside the site (its real path). */
    record Found(Path file) implements Resolution { }

    /** A folder asked for without its trailing slash: go to {@code location}. */
    record Redirect(String location) implements Resolution { }

    record NotFound() implements Resolution { }

    /** A path no honest link produces. */
    record BadRequest(String why) implements Resolution { }

    /**
     * @param root the site folder
     * @param rawPath the request's path as sent, still percent-encoded
     */
    static Resolution resolve(Path root, String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return new BadRequest("the path must start with /");
        }
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.substring(1).split("/", -1)) {
            if (raw.isEmpty()) {
                continue; // "//" and the trailing slash: no segment
            }
            String segment = decode(raw);
            if (segment == null) {
                return new BadRequest("malformed percent-encoding");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return new BadRequest("'.' and '..' are not allowed in paths");
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                // '/' and '\' inside one segment were encoded; '%' left after decoding was encoded twice.
                if (c == '/' || c == '\\' || c == '%' || c < 0x20 || c == 0x7f || c == ':') {
                    return new BadRequest("character not allowed in a path segment");
                }
            }
            if (segment.startsWith(".")) {
                return new NotFound(); // hidden files (the writer's temporary files among them) are never served
            }
            segments.add(segment);
        }
        try {
            return find(root, segments, rawPath.endsWith("/"));
        } catch (IOException | SecurityException e) {
            return new NotFound();
        }
    }

    private static Resolution find(Path root, List<String> segments, boolean slash) throws IOException {
        if (!Files.isDirectory(root)) {
            return new NotFound();
        }
        Path realRoot = root.toRealPath();
        Path candidate = realRoot;
        for (String s : segments) {
            candidate = candidate.resolve(s);
        }
        candidate = candidate.normalize();
        if (!candidate.startsWith(realRoot) || !Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            return new NotFound();
        }
        Path real = candidate.toRealPath();
        if (!real.startsWith(realRoot)) {
            return new NotFound(); // a symbolic link out of the site
        }
        if (Files.isDirectory(real)) {
            if (!slash && !segments.isEmpty()) {
                return new Redirect("/" + String.join("/", segments.stream().map(SitePaths::encode).toList()) + "/");
            }
            Path index = real.resolve("index.html");
            if (!Files.isRegularFile(index)) {
                return new NotFound();
            }
            Path realIndex = index.toRealPath();
            return realIndex.startsWith(realRoot) ? new Found(realIndex) : new NotFound();
        }
        if (slash || !Files.isRegularFile(real)) {
            return new NotFound();
        }
        return new Found(real);
    }

    /** Strict percent-decoding: bad escapes or bytes that are not UTF-8 give null. '+' stays '+'. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                return null; // a raw non-ASCII character: not a valid request path
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Percent-encodes a decoded segment for a Location header: unreserved characters stay. */
    private static String encode(String segment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }
}
