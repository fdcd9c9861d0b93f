package kb.template;

import java.util.Objects;

/**
 * What every template knows about the page it renders ({@code page.title}, {@code page.url}, ...).
 * Pebble reads a record's accessors as it reads a map's keys, and strictly: a misspelt name is an
 * error naming the closest component.
 *
 * @param title the page's own title; a page whose title is product wording (search, 404) gets it
 *     from its template instead
 * @param description the page's summary, or the site's when it has none
 * @param url the page's path from the site root ({@code faq/})
 * @param canonical the page's absolute URL on the published site
 * @param kind the template's name ({@code article}, {@code 404}, ...)
 * @param noindex whether search engines are asked not to index it
 */
public record PageModel(String title, String description, String url, String canonical, String kind, boolean noindex) {
    public PageModel {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
    }
}
