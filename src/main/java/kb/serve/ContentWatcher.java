package kb.serve;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Watches content/ and templates/ with directory-watcher: native events on Linux and macOS
 * (the JDK's WatchService only polls every few seconds on macOS). Files are hashed, so saving
 * a file unchanged reports nothing.
 */
final class ContentWatcher implements AutoCloseable {
    private final DirectoryWatcher watcher;

    /**
     * Starts watching; {@code changed} gets every created, modified or deleted path, and null
     * when the system dropped events (everything must be rebuilt).
     */
    ContentWatcher(List<Path> roots, Consumer<Path> changed, Consumer<Exception> failed) throws IOException {
        this.watcher = DirectoryWatcher.builder()
                .paths(roots.stream().map(p -> p.toAbsolutePath().normalize()).toList())
                .listener(new io.methvin.watcher.DirectoryChangeListener() {
                    @Override
                    public void onEvent(DirectoryChangeEvent event) {
                        if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
                            changed.accept(null);
                        } else if (event.path() != null) {
                            changed.accept(event.path());
                        }
                    }

                    @Override
                    public void onException(Exception e) {
                        failed.accept(e);
                    }
                })
                .build();
        watcher.watchAsync();
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
