package kb.maven;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.Consumer;

/**
 * A writer that hands each line to Maven's log, so what the command line prints to a terminal
 * (problems with their caret, the build summary) reads the same in Maven's output, each line
 * behind Maven's own {@code [ERROR]} or {@code [INFO]}.
 */
final class LogWriter extends Writer {
    private final Consumer<String> log;
    private final StringBuilder line = new StringBuilder();

    private LogWriter(Consumer<String> log) {
        this.log = log;
    }

    static PrintWriter to(Consumer<String> log) {
        return new PrintWriter(new LogWriter(log), true);
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == '\n') {
                log.accept(line.toString());
                line.setLength(0);
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    @Override
    public void flush() {
        // whole lines only: a partial line waits for its end
    }

    @Override
    public synchronized void close() {
        if (line.length() > 0) {
            log.accept(line.toString());
            line.setLength(0);
        }
    }
}
