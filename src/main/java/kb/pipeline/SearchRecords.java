package kb.pipeline;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kb.content.Article;
import kb.data.Network;
import kb.markdown.TextSection;
import kb.output.SiteWriter;
import kb.output.UrlScheme;
import kb.search.BrowserExport;
import kb.search.SearchIndex;
import kb.search.SearchIndexer;
import kb.search.SearchRecord;

/** Turns the rendered site into search records, indexes them, and exports the index for the browser. */
final class SearchRecords {
    /**
     * Where the Lucene index lives inside the output, so {@code kb search} can open it. A dot
     * folder: Lucene stamps every index with a random id and the time, so it is the one part of a
     * build that is never byte-identical, and it is not for readers (deploy without it).
     */
    static final String LUCENE = ".kb/lucene";
    static final String BROWSER = "search/data/";

    private SearchRecords() {
    }

    /**
     * The site's records, each made when it is read: an article's texts stay packed (see
     * kb.content.PackedText) until the indexer reads its record, rather than the whole site's
     * plain text unpacked at once.
     *
     * @param words the site's language: the network records are written in it, as its pages are
     */
    static List<SearchRecord> of(RenderedSite site, Words words) {
        return of(site, words, true);
    }

    /**
     * The records of {@link #of(RenderedSite, Words)}, with their bodies ({@code bodies}) or each
     * article's records with an empty one: what the indexer reads of every record when it needs
     * no body, without unpacking the article.
     */
    private static List<SearchRecord> of(RenderedSite site, Words words, boolean bodies) {
        Map<String, String> sectionTitles = new HashMap<>();
        site.content().sections().forEach(s -> sectionTitles.putIfAbsent(s.slug(), s.title()));
        List<RenderedArticle> articles = site.articles();
        // Record i is part parts[i] of article owners[i]: part -1 is the article record itself.
        List<int[]> where = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            where.add(new int[] {i, -1});
            List<TextSection> parts = articles.get(i).body().sectionHeads();
            for (int p = 0; p < parts.size(); p++) {
                if (parts.get(p).heading() != null) {
                    where.add(new int[] {i, p});
                }
            }
        }
        List<SearchRecord> rest = new ArrayList<>();
        for (RenderedQuestion q : site.questions()) {
            rest.add(new SearchRecord(SearchRecord.Kind.FAQ, UrlScheme.FAQ, q.question().anchor(), q.question().question(),
                    "", words.text("nav.faq") + " · " + q.group().title(), "", "", q.answer().plainText(), 0));
        }
        for (Network n : site.networks().all()) {
            rest.add(new SearchRecord(SearchRecord.Kind.NETWORK, UrlScheme.LIFESPANS, n.id(), words.text("data.search_title", n.name()),
                    "", words.text("nav.lifespans"), "", String.join(" ", n.otherNames()), networkText(n, words), 0));
        }
        return new AbstractList<>() {
            /** Per thread, the last article read and its parts: its records are read one after another. */
            private final ThreadLocal<Map.Entry<RenderedArticle, List<TextSection>>> last = new ThreadLocal<>();

            @Override
            public SearchRecord get(int i) {
                if (i >= where.size()) {
                    return rest.get(i - where.size());
                }
                RenderedArticle ra = articles.get(where.get(i)[0]);
                Article a = ra.article();
                String url = UrlScheme.article(a);
                String context = sectionTitles.getOrDefault(a.section(), "");
                List<TextSection> parts = bodies ? sections(ra) : ra.body().sectionHeads(); // the heads' texts are ""
                int p = where.get(i)[1];
                if (p < 0) {
                    String intro = parts.isEmpty() || parts.get(0).heading() != null ? "" : parts.get(0).text();
                    return new SearchRecord(SearchRecord.Kind.ARTICLE, url, null, a.title(), "", context, a.summary(),
                            String.join(SearchRecord.TAG_SEPARATOR, a.tags()), intro, a.id());
                }
                TextSection part = parts.get(p);
                return new SearchRecord(SearchRecord.Kind.SECTION, url, part.anchor(), a.title(), part.heading(),
                        context, "", "", part.text(), a.id());
            }

            @Override
            public int size() {
                return where.size() + rest.size();
            }

            private List<TextSection> sections(RenderedArticle ra) {
                Map.Entry<RenderedArticle, List<TextSection>> known = last.get();
                if (known == null || known.getKey() != ra) {
                    known = Map.entry(ra, ra.body().sections());
                    last.set(known);
                }
                return known.getValue();
            }
        };
    }

    /**
     * Indexes one language's pages into its folder of the site ({@code folder} is {@code ""} for
     * the default language, else {@code "<code>/"}), with that language's synonyms, taking what
     * {@code analyses} kept of the records' analysed text (null: none) and the documents of the
     * records that did not change from the index the build before left (null: none).
     */
    static SearchIndex index(RenderedSite site, Words words, SiteWriter writer, String folder, kb.search.Analyses analyses,
            kb.search.PreviousIndex previous) {
        return index(site, words, writer, folder, analyses, previous, a -> null);
    }

    /**
     * As {@link #index(RenderedSite, Words, SiteWriter, String, kb.search.Analyses, kb.search.PreviousIndex)},
     * finding each article record's kept analysis by {@code documentKey} (the key its body was
     * rendered under, which fixes the body: {@link BuildCache.Documents#key}; null: by its text).
     */
    static SearchIndex index(RenderedSite site, Words words, SiteWriter writer, String folder, kb.search.Analyses analyses,
            kb.search.PreviousIndex previous, java.util.function.Function<Article, String> documentKey) {
        List<SearchRecord> records = of(site, words);
        return SearchIndexer.build(records, of(site, words, false), origins(site, records.size(), documentKey),
                writer.resolve(folder + LUCENE), site.content().config().synonyms(), site.content().config().language(),
                analyses, previous);
    }

    /**
     * Per record of {@link #of}, in its order, what fixes its heading, anchor and body: for an
     * article's records, the key of the article's rendered document and the record's part of it
     * ("-1" the article record, else the section's place among the document's parts); null for
     * the rest, and for an article without a key.
     */
    static List<String> origins(RenderedSite site, int records, java.util.function.Function<Article, String> documentKey) {
        List<String> out = new ArrayList<>(records);
        for (RenderedArticle ra : site.articles()) {
            String key = documentKey.apply(ra.article());
            out.add(key == null ? null : key + " -1");
            List<TextSection> parts = ra.body().sectionHeads();
            for (int p = 0; p < parts.size(); p++) {
                if (parts.get(p).heading() != null) {
                    out.add(key == null ? null : key + " " + p);
                }
            }
        }
        while (out.size() < records) {
            out.add(null);
        }
        return out;
    }

    /** One language's index in memory, for {@code kb check} and {@code kb search} without a current build. */
    static SearchIndex inMemory(RenderedSite site, Words words) {
        return SearchIndexer.buildInMemory(of(site, words), site.content().config().synonyms(),
                site.content().config().language());
    }

    /**
     * Writes one language's browser index into its folder's {@code search/data/}, taking from the
     * site it replaces the files the build cache finds alike ({@link #earlier}); returns its bytes.
     */
    static long export(SearchIndex index, SiteWriter writer, String folder, BuildCache cache) {
        return new BrowserExport(index, (file, bytes) -> writer.write(folder + BROWSER + file, bytes),
                earlier(cache, writer, folder)).write();
    }

    /**
     * The browser files of the language in {@code folder} that the site at {@code --out} holds,
     * as the build cache recorded them, for its next export to take (null when the cache is
     * off): a file is taken, as a hard link, when recorded with the same identity and still as
     * it was written. Its record in the cache is its identity and content hash.
     */
    private static BrowserExport.Earlier earlier(BuildCache cache, SiteWriter writer, String folder) {
        if (!cache.on()) {
            return null;
        }
        return new BrowserExport.Earlier() {
            @Override
            public Taken take(String file, String identity) {
                return take(file, identity, null);
            }

            @Override
            public Taken take(String file, String identity, String inputs) {
                String path = folder + BROWSER + file;
                String digest = cache.previousDigest(path);
                if (digest == null || !digest.startsWith(identity + " ")) {
                    return null;
                }
                BuildCache.Kept kept = cache.reuseFile(path, digest, inputs);
                if (kept == null) {
                    return null;
                }
                writer.reuse(kept.file(), path, kept.length());
                return new Taken(kept.length(), digest.substring(identity.length() + 1));
            }

            @Override
            public void keep(String file, String identity, String hash, byte[] bytes) {
                keep(file, identity, hash, bytes, null);
            }

            @Override
            public void keep(String file, String identity, String hash, byte[] bytes, String inputs) {
                cache.keep(folder + BROWSER + file, identity + " " + hash, bytes, inputs);
            }

            @Override
            public String madeFrom(String file) {
                String inputs = cache.previousInputs(folder + BROWSER + file);
                return inputs == null || inputs.isEmpty() ? null : inputs;
            }

            @Override
            public Taken takeMadeFrom(String file, String inputs) {
                String path = folder + BROWSER + file;
                String digest = cache.previousDigest(path);
                BuildCache.Kept kept = digest == null || digest.lastIndexOf(' ') < 0 ? null
                        : cache.reuseInputs(path, inputs, false);
                if (kept == null) {
                    return null;
                }
                writer.reuse(kept.file(), path, kept.length());
                return new Taken(kept.length(), digest.substring(digest.lastIndexOf(' ') + 1));
            }

            @Override
            public Taken again(String file) {
                String digest = cache.previousDigest(folder + BROWSER + file);
                return digest == null || digest.lastIndexOf(' ') < 0 ? null
                        : take(file, digest.substring(0, digest.lastIndexOf(' ')));
            }

            @Override
            public Taken named(String in, String identity) {
                String path = cache.previousPath(folder + BROWSER + in, identity);
                return path == null ? null : take(path.substring((folder + BROWSER).length()), identity);
            }
        };
    }

    static String networkText(Network n, Words words) {
        StringBuilder sb = new StringBuilder();
        sb.append(words.text("data.search_text", n.name(), n.lifespanPhrase(words.data()))).append(' ');
        if (n.inactivityDays() != null) {
            sb.append(words.text("data.search_inactivity", n.inactivityText(words.data()), n.activity())).append(' ');
        }
        if (n.role() != null && n.role().scope() == kb.data.Role.Scope.PAGE) {
            sb.append(words.text("data.search_role", n.role().name())).append(' ');
        }
        sb.append(n.notes());
        return sb.toString().strip();
    }
}
