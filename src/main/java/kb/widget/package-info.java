/**
 * The embeddable help widget's files: {@code widget.js} with the site's settings in it, and each
 * article's body as a sanitized data file the widget loads as a classic script, as the search
 * client loads its index (classic scripts cross origins without CORS and work from disk).
 */
package kb.widget;
