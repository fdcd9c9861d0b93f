package kb.diagnostic;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where something came from: a file and a 1-based line and column. Line 0 means "the file as a
 * whole" (an unreadable file, a missing required file).
 */
public record SourceLocation(Path file, int line, int column) {
    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("negative position " + line + ":" + column);
        }
    }

    /** The whole file, when no line can be named. */
    public static SourceLocation of(Path file) {
        return new SourceLocation(file, 0, 0);
    }

    /** The same file, moved down by {@code lines} (front matter starts below its `---`). */
    public SourceLocation shiftedBy(int lines) {
        return line == 0 ? this : new SourceLocation(file, line + lines, column);
    }

    /**
     * {@code path:line:col}, the shape editors and terminals turn into a link. A whole-file
     * location prints as {@code path:1:1}: every error kb prints has the same shape, so tools
     * that parse the output never meet a line without one.
     */
    @Override
    public String toString() {
        // Forward slashes on Windows too; elsewhere a backslash is part of a file name and stays.
        String path = java.io.File.separatorChar == '\\' ? file.toString().replace('\\', '/') : file.toString();
        return path + ":" + Math.max(line, 1) + ":" + Math.max(column, 1);
    }
}
