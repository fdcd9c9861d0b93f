package kb.diagnostic;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with the content or templates, said so a writer can act on it:
 * where, what, and (when there is one) what to do.
 */
public record Problem(SourceLocation where, Severity severity, String message, String hint) {
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

    public static Problem error(SourceLocation where, String message) {
        return new Problem(where, Severity.ERROR, message, null);
    }

    public static Problem error(SourceLocation where, String message, String hint) {
        return new Problem(where, Severity.ERROR, message, hint);
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
