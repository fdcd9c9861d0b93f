package kb.content;

import java.nio.file.Path;

/**
 * Articles read before, found by their file's bytes and place: parsing 10,000 articles' front
 * matter (YAML) and packing their bodies was most of reading a large site, where a rebuild after
 * one edit finds all but one of them unchanged. What {@link ArticleReader} reads with a problem,
 * even a warning, is never kept, so it is read and reported again.
 */
public interface ArticleMemo {
    /** Remembers nothing: every article is read from its file. */
    ArticleMemo NONE = new ArticleMemo() {
        @Override
        public Article find(Place place, byte[] bytes) {
            return null;
        }

        @Override
        public void keep(Place place, byte[] bytes, Article article) {
        }
    };

    /**
     * Where an article file sits, and how it was read.
     *
     * @param needsId false for a translation, which inherits its original's id when it gives none
     */
    record Place(Path file, String section, String slug, boolean needsId) { }

    /** The article read before from a file of these bytes at this place (its locations in {@code place.file()}), or null. */
    Article find(Place place, byte[] bytes);

    /** Keeps an article just read without a problem from these bytes at this place. */
    void keep(Place place, byte[] bytes, Article article);
}
