package kb.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for browser tests, started once per run by {@link BrowserHarness}.
 * Where it is missing the test is skipped with a clear message, unless
 * {@code -Dkb.requireBrowser=true} (CI) turns the skip into a failure.
 */
public final class Browser {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    /** Skips (or, in CI, fails) the test when Chromium or its driver is absent. */
    public static void assumeAvailable() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && Boolean.getBoolean("kb.requireBrowser")) {
            Assertions.fail("Chromium is required (kb.requireBrowser=true) but /usr/bin/chromium or /usr/bin/chromedriver is missing;"
                    + " apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "skipped: headless Chromium not installed (apt-get install -y chromium chromium-driver)");
    }

    /** A fresh headless Chromium; quit it when done. Tests get tabs of one from {@link BrowserHarness}. */
    static ChromeDriver start() {
        assumeAvailable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--allow-file-access-from-files");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return driver;
    }
}
