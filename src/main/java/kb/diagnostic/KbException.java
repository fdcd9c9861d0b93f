package kb.diagnostic;

import java.util.List;
import java.util.stream.Collectors;

/** The one exception kb throws for bad input: it carries every problem found, located. */
public final class KbException extends RuntimeException {
    private final transient List<Problem> problems;

    public KbException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public KbException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
