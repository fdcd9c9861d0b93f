package kb.template;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pebble's view of a {@link Theme}: every template, and every {@code extends}, {@code include}
 * and {@code import} inside one, is looked up file by file, local first, then kb.jar. So a local
 * {@code base.peb} is used by the default {@code article.peb}, and a local {@code article.peb}
 * extends the default {@code base.peb}.
 */
final class ThemeLoader implements Loader<String> {
    static final String SUFFIX = ".peb";

    private final Theme theme;

    ThemeLoader(Theme theme) {
        this.theme = theme;
    }

    /** The file name a template name stands for: {@code "base"} is {@code base.peb}. */
    static String fileName(String name) {
        return name.endsWith(SUFFIX) ? name : name + SUFFIX;
    }

    @Override
    public Reader getReader(String name) {
        Path file = theme.find(fileName(name))
                .orElseThrow(() -> new LoaderException(null, "no template " + fileName(name)
                        + " in " + theme.local() + "/ or in kb's default theme"));
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LoaderException(e, "cannot read " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void setCharset(String charset) {
        // always UTF-8, as every file kb reads
    }

    @Override
    public void setPrefix(String prefix) {
        // the theme's two layers are the prefix
    }

    @Override
    public void setSuffix(String suffix) {
        // always .peb
    }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        return relativePath; // names are relative to the theme, whichever layer the anchor came from
    }

    @Override
    public String createCacheKey(String templateName) {
        return templateName;
    }

    @Override
    public boolean resourceExists(String templateName) {
        return theme.find(fileName(templateName)).isPresent();
    }
}
