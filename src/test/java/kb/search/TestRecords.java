package kb.search;

/** Search records for tests that index a few pages of their own: one section, "Help", no tags. */
final class TestRecords {
    private TestRecords() {
    }

    static SearchRecord article(String url, String title, String body) {
        return new SearchRecord(SearchRecord.Kind.ARTICLE, url, null, title, "", "Help", "", "", body, url.hashCode() & 0xffff);
    }

    static SearchRecord section(String url, String title, String anchor, String heading, String body) {
        return new SearchRecord(SearchRecord.Kind.SECTION, url, anchor, title, heading, "Help", "", "", body, url.hashCode() & 0xffff);
    }
}
