package kb.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import kb.pipeline.PageQualityIT;

/**
 * The shipped site's page checks (PageQualityIT) on a new help center from {@code kb init},
 * built offline by {@code mvn -o package} through the installed plugin with the jar's theme.
 */
class InitSitePageQualityIT extends PageQualityIT {
    private Path help;

    @Override
    protected void buildSite(Path out) throws Exception {
        help = out.resolveSibling("help");
        KbInitIT.init(help);
        KbInitIT.Run build = KbInitIT.mvnPackage(help, "-Dkb.out=" + out);
        assertEquals(0, build.status(), build.output());
    }

    @Override
    protected Path content() {
        return help.resolve("content");
    }

    @Override
    protected int minimumPages() {
        return 6; // home, section, article, FAQ, search, 404: no lifespans page, the starter lists no networks
    }
}
