package kb.diagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one build step so a writer sees all of them at once, not only the
 * first. Thread-safe: pages are rendered in parallel.
 */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public synchronized void add(Problem problem) {
        list.add(problem);
    }

    public synchronized void addAll(List<Problem> problems) {
        list.addAll(problems);
    }

    public void error(SourceLocation where, String message) {
        add(Problem.error(where, message));
    }

    public void error(SourceLocation where, String message, String hint) {
        add(Problem.error(where, message, hint));
    }

    public void warning(SourceLocation where, String message) {
        add(Problem.warning(where, message));
    }

    public synchronized boolean hasErrors() {
        return list.stream().anyMatch(Problem::isError);
    }

    /** Everything so far, sorted by file and position. */
    public synchronized List<Problem> all() {
        return list.stream().sorted(Problem.BY_PLACE).toList();
    }

    public synchronized List<Problem> warnings() {
        return all().stream().filter(p -> !p.isError()).toList();
    }

    /** Stops the build when an error was found, carrying every problem (warnings too). */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new KbException(all());
        }
    }
}
