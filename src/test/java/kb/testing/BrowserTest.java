package kb.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class, or one test method, that reads pages in headless Chromium. Its test and lifecycle
 * methods may take a {@link Reader} (a fresh tab, closed when the method's scope ends: the class
 * for a {@code @BeforeAll} method, the test otherwise) and the {@link ShippedSite}. Without
 * Chromium the class or method is skipped with a message, or fails when {@code kb.requireBrowser}
 * is true (CI).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserHarness.class)
public @interface BrowserTest {
}
