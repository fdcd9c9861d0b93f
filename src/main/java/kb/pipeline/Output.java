package kb.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import kb.check.SiteFiles;
import kb.output.SiteWriter;

/**
 * Where the {@link Phase#PAGES} phase puts a run's files, and where the theme's link check reads
 * them back: a build's staging folder, or memory ({@code kb check} writes nothing; a preview holds
 * an update's pages until every check has passed, then writes them in place).
 */
interface Output extends SiteFiles {
    void write(String path, byte[] bytes);

    /** Copies a theme file (an asset) into the site. */
    void copy(Path source, String path);

    /** Puts a file of the previous site, checked unchanged, at {@code path}. */
    default void reuse(Path existing, String path) {
        try {
            write(path, Files.readAllBytes(existing));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reuse " + existing, e);
        }
    }

    /**
     * {@link #reuse(Path, String)} of a file known to be {@code length} bytes long: a build's
     * writer then need not ask the file system (a call per file, for tens of thousands of files).
     */
    default void reuse(Path existing, String path, long length) {
        reuse(existing, path);
    }

    default void write(String path, String text) {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Files written straight into a site writer's folder (a build's staging folder). */
    static Output to(SiteWriter writer) {
        return new Output() {
            @Override
            public void write(String path, byte[] bytes) {
                writer.write(path, bytes);
            }

            @Override
            public void copy(Path source, String path) {
                writer.copy(source, path);
            }

            @Override
            public void reuse(Path existing, String path) {
                writer.reuse(existing, path);
            }

            @Override
            public void reuse(Path existing, String path, long length) {
                writer.reuse(existing, path, length);
            }

            @Override
            public boolean exists(String path) {
                return writer.existing(path) != null;
            }

            @Override
            public String read(String path) {
                Path file = writer.existing(path);
                return file == null ? null : readFile(file);
            }
        };
    }

    /** The files of {@code output} under a folder ({@code "es/"}): one language's part of a site; {@code ""} is {@code output}. */
    static Output under(Output output, String folder) {
        if (folder.isEmpty()) {
            return output;
        }
        return new Output() {
            @Override
            public void write(String path, byte[] bytes) {
                output.write(folder + path, bytes);
            }

            @Override
            public void copy(Path source, String path) {
                output.copy(source, folder + path);
            }

            @Override
            public void reuse(Path existing, String path) {
                output.reuse(existing, folder + path);
            }

            @Override
            public void reuse(Path existing, String path, long length) {
                output.reuse(existing, folder + path, length);
            }

            @Override
            public boolean exists(String path) {
                return output.exists(folder + path);
            }

            @Override
            public String read(String path) {
                return output.read(folder + path);
            }
        };
    }

    /** Files kept in memory; {@code under} (a site already written, or null) answers for the rest. */
    static Held held(Path under) {
        return new Held(under);
    }

    /** An output in memory, written to disk only when asked. Thread-safe: pages are rendered in parallel. */
    final class Held implements Output {
        private final Map<String, byte[]> files = new ConcurrentHashMap<>();
        private final Path under;

        private Held(Path under) {
            this.under = under;
        }

        @Override
        public void write(String path, byte[] bytes) {
            SiteWriter.requireInside(path);
            files.put(path, bytes);
        }

        @Override
        public void copy(Path source, String path) {
            try {
                write(path, Files.readAllBytes(source));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + source, e);
            }
        }

        @Override
        public boolean exists(String path) {
            return files.containsKey(path) || under != null && Files.isRegularFile(under.resolve(path));
        }

        @Override
        public String read(String path) {
            byte[] bytes = files.get(path);
            if (bytes != null) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            return under == null ? null : readFile(under.resolve(path));
        }

        /** Writes every held file, in path order. */
        void writeTo(SiteWriter writer) {
            new TreeMap<>(files).forEach(writer::write);
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
