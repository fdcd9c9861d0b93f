package kb.diagnostic;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with the content or templates, said so a writer can act on it:
 * where, what, and (when there is one) what to do.
 *
 * @param cause the unexpected exception behind an {@link #internal} error, printed only with
 *     {@code --verbose}; null for every problem with the input itself
 */
public record Problem(SourceLocation where, Severity severity, String message, String hint, Throwable cause) {
    /** Problems in file order, so a long list reads top to bottom. */
    public static final Comparator<Problem> BY_PLACE = Comparator
            .comparing((Problem p) -> p.where().file().toString())
            .thenComparingInt(p -> p.where().line())
            .thenComparingInt(p -> p.where().column())
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        hint = hint == null || hint.isBlank() ? null : hint;
    }

    public Problem(SourceLocation where, Severity severity, String message, String hint) {
        this(where, severity, message, hint, null);
    }

    public static Problem error(SourceLocation where, String message) {
        return new Problem(where, Severity.ERROR, message, null);
    }

    public static Problem error(SourceLocation where, String message, String hint) {
        return new Problem(where, Severity.ERROR, message, hint);
    }

    /**
     * A bug of kb's met while {@code doing} something to one file (an exception no input should
     * cause, a stack overflow): the writer learns which file and that it is not their mistake;
     * the stack trace waits for {@code --verbose}.
     *
     * @param doing what kb was doing, like "rendering this article"
     */
    public static Problem internal(SourceLocation where, String doing, Throwable cause) {
        return new Problem(where, Severity.ERROR, "internal error while " + doing + " ("
                + cause.getClass().getSimpleName() + "); run with --verbose for details", null, cause);
    }

    public static Problem warning(SourceLocation where, String message) {
        return new Problem(where, Severity.WARNING, message, null);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path:line:col: message (hint)}, with "warning: " before a warning's message. */
    @Override
    public String toString() {
        String text = where + ": " + (isError() ? "" : "warning: ") + message;
        return hint == null ? text : text + " (" + hint + ")";
    }
}
