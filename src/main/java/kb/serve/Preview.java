package kb.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kb.output.BuildLock;
import kb.pipeline.BuildOptions;
import kb.pipeline.IncrementalBuild;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.diagnostic.SourceLocation;

/**
 * {@code kb serve}, as a recipe: bind 127.0.0.1, watch content/ and templates/, build the site
 * into {@code --out} as {@code kb build} does (plus the live-reload script, and drafts if asked),
 * serve it, and on every change apply the change ({@link IncrementalBuild}) and tell the open
 * tabs to reload, or show them the errors while the last good site stays served.
 */
public final class Preview implements AutoCloseable {
    /** Editors save in several steps (temporary file, rename): wait this long for the rest. */
    private static final long SETTLE_MS = 30;
    /** Rebuild the search index once edits pause this long. */
    private static final long SEARCH_AFTER_MS = 1000;
    /** A stream of events (a branch checkout) is still applied at least once a second. */
    private static final long MAX_BATCH_MS = 1000;
    /** Stands for "the watcher lost events": no real change has this path; it means rebuild everything. */
    private static final Path LOST_EVENTS = Path.of("/kb-serve/lost-events");

    /** What the preview reports to its user (the terminal). */
    public interface Listener {
        /** A full build, some pages rewritten, or the search index refreshed. */
        void built(IncrementalBuild.Update update);

        /** A build failed: nothing was written; the last good site is still served. */
        void failed(List<Problem> problems);
    }

    private final IncrementalBuild build;
    private final LiveReload live;
    private final PreviewServer server;
    private final Listener listener;
    private final BlockingQueue<Path> changes = new LinkedBlockingQueue<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread rebuilder;
    /** The search index is rebuilt on its own thread, so a save never waits for it. */
    private final ExecutorService search = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kb-search-refresh");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private ContentWatcher watcher;
    /** Where an internal error is located: the content folder, since it names no one file. */
    private final Path content;
    /** Held from start to close: the preview keeps writing into --out. */
    private final BuildLock lock;

    private Preview(IncrementalBuild build, LiveReload live, PreviewServer server, Listener listener, Path content,
            BuildLock lock) {
        this.content = content;
        this.lock = lock;
        this.build = build;
        this.live = live;
        this.server = server;
        this.listener = listener;
        this.rebuilder = new Thread(this::rebuildLoop, "kb-rebuild");
        rebuilder.setDaemon(true);
    }

    /**
     * Binds the port, builds the site once, and keeps it current until {@link #close}.
     *
     * @param options where content, theme and site are, drafts or not; {@code preview} is implied
     * @param port the port on 127.0.0.1, 0 for any free one
     * @throws PortInUseException when the port is taken
     */
    public static Preview start(BuildOptions options, int port, Listener listener) throws IOException, PortInUseException {
        // The preview writes into --out for as long as it runs: no build may swap it meanwhile.
        BuildLock lock = BuildLock.acquire(options.out(), "kb serve");
        LiveReload live = new LiveReload();
        PreviewServer server;
        try {
            server = PreviewServer.start(options.out(), port, live);
        } catch (IOException | PortInUseException | RuntimeException e) {
            live.close();
            lock.close();
            throw e;
        }
        // The base URL stays the site's own: canonical links, and the short links writers copy
        // into tickets from the preview, must name the published site, not 127.0.0.1.
        BuildOptions preview = new BuildOptions(options.content(), options.templates(), options.out(),
                options.baseUrl(), options.drafts(), true, options.acceptRemovals());
        Preview p = new Preview(new IncrementalBuild(preview), live, server, listener, options.content(), lock);
        try {
            // Watch before the first build, so an edit made while it runs is not missed.
            // Without a local templates/ the theme comes from kb.jar, which does not change while kb runs.
            List<Path> watched = java.nio.file.Files.isDirectory(options.templates())
                    ? List.of(options.content(), options.templates()) : List.of(options.content());
            p.watcher = new ContentWatcher(watched, p::changed,
                    e -> p.changed(null));
            p.rebuild(Set.of(LOST_EVENTS));
        } catch (IOException | RuntimeException e) {
            p.close();
            throw e;
        }
        p.rebuilder.start();
        return p;
    }

    /** {@code http://127.0.0.1:PORT/} */
    public String url() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    /** Blocks until {@link #close} is called (by Ctrl+C's shutdown hook). */
    public void await() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        stopped.countDown();
        rebuilder.interrupt();
        try {
            if (watcher != null) {
                watcher.close();
            }
            rebuilder.join(5000);
            search.shutdownNow();
            search.awaitTermination(5, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            live.close();
            build.close();
            lock.close();
        }
    }

    private void changed(Path path) {
        changes.add(path == null ? LOST_EVENTS : path);
    }

    private void rebuildLoop() {
        while (stopped.getCount() > 0) {
            try {
                Path first = changes.poll(SEARCH_AFTER_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (build.searchStale() && !refreshing.getAndSet(true)) {
                        search.execute(() -> {
                            try {
                                run(build::refreshSearch, true);
                            } finally {
                                refreshing.set(false);
                            }
                        });
                    }
                    continue;
                }
                Set<Path> batch = new LinkedHashSet<>();
                batch.add(first);
                long until = System.nanoTime() + MAX_BATCH_MS * 1_000_000;
                for (Path next = changes.poll(SETTLE_MS, TimeUnit.MILLISECONDS); next != null;
                        next = System.nanoTime() < until ? changes.poll(SETTLE_MS, TimeUnit.MILLISECONDS) : null) {
                    batch.add(next);
                }
                rebuild(batch);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void rebuild(Set<Path> batch) {
        run(() -> batch.contains(LOST_EVENTS) ? build.full() : build.apply(batch), false);
    }

    /**
     * Runs one step and tells the tabs. A content step that succeeds always reloads them while
     * the last build failed (an edit undone gives no change, yet the error must go). A search
     * refresh works from the last good content: while that content is broken it must not
     * reload, which would take the error off every tab though nothing was fixed.
     */
    private void run(java.util.function.Supplier<IncrementalBuild.Update> step, boolean searchRefresh) {
        try {
            IncrementalBuild.Update update = step.get();
            boolean visible = switch (update.kind()) {
                case FULL, PAGES -> true;
                case SEARCH -> !update.pages().isEmpty();
                case NONE -> false;
            };
            boolean reload = searchRefresh ? visible && !live.failing() : visible || live.failing();
            if (reload) {
                live.reload(update.pages());
            }
            if (update.kind() != IncrementalBuild.Update.Kind.NONE) {
                listener.built(update);
            }
        } catch (KbException e) {
            live.failed(e.problems());
            listener.failed(e.problems());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug, not the writer's mistake: say so where they look, and keep serving.
            List<Problem> problems = List.of(Problem.internal(SourceLocation.of(content),
                    "rebuilding the preview", e));
            live.failed(problems);
            listener.failed(problems);
        }
    }
}
