package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The changes to the record of written pages are read over the whole record they were written
 * beside: a page they add or change is theirs, one they name as gone is gone; over another
 * whole record, or none, they are not read.
 */
class PagesFileTest {
    private static final String KEY = "kb test";
    private static final BuildCache.Page TOKENS = new BuildCache.Page("d1", 10, 7, "", "");
    private static final BuildCache.Page SCOPES = new BuildCache.Page("d2", 20, 8, "", "");
    private static final BuildCache.Page TOKENS_EDITED = new BuildCache.Page("d3", 11, 9, "", "");

    @TempDir
    Path site;

    @Test
    void changesApplyOverTheWholeRecordTheyName() throws IOException {
        long sum = whole(Map.of("tokens/index.html", TOKENS, "scopes/index.html", SCOPES));
        changes(sum, 2, Map.of("tokens/index.html", TOKENS_EDITED), List.of("scopes/index.html"));
        assertEquals(Map.of("tokens/index.html", TOKENS_EDITED), PagesFile.read(site, KEY).pages());
    }

    @Test
    void changesBesideAnotherWholeRecordAreNotRead() throws IOException {
        long sum = whole(Map.of("tokens/index.html", TOKENS, "scopes/index.html", SCOPES));
        changes(sum ^ 1, 2, Map.of("tokens/index.html", TOKENS_EDITED), List.of("scopes/index.html"));
        assertEquals(Map.of("tokens/index.html", TOKENS, "scopes/index.html", SCOPES), PagesFile.read(site, KEY).pages());
    }

    @Test
    void changesWithoutTheirWholeRecordLeaveNothing() throws IOException {
        changes(0, 0, Map.of("tokens/index.html", TOKENS_EDITED), List.of());
        assertEquals(Map.of(), PagesFile.read(site, KEY).pages());
    }

    /** Writes the whole record and returns its checksum. */
    private long whole(Map<String, BuildCache.Page> pages) throws IOException {
        Path file = site.resolve(PagesFile.WHOLE);
        CacheFile.write(file, KEY, pages.entrySet(), (out, e) -> {
            out.string(e.getKey());
            PagesFile.writePage(out, e.getValue());
        });
        byte[] bytes = Files.readAllBytes(file);
        return ByteBuffer.wrap(bytes).getLong(bytes.length - Long.BYTES);
    }

    private void changes(long sum, int wholeCount, Map<String, BuildCache.Page> changed, List<String> gone) throws IOException {
        CacheFile.write(site.resolve(PagesFile.CHANGED), KEY, List.of(changed), (out, c) -> {
            out.data.writeLong(sum);
            out.count(wholeCount);
            out.count(c.size());
            for (Map.Entry<String, BuildCache.Page> e : c.entrySet()) {
                out.string(e.getKey());
                PagesFile.writePage(out, e.getValue());
            }
            out.count(gone.size());
            for (String path : gone) {
                out.string(path);
            }
        });
    }
}
