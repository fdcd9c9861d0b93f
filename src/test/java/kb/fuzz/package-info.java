/**
 * Fuzz tests (Jazzer, {@code @FuzzTest}) over what kb reads from writers and readers: front
 * matter ({@link kb.fuzz.FrontMatterFuzzIT}), Markdown with kb's extensions
 * ({@link kb.fuzz.MarkdownFuzzIT}), inline data facts ({@link kb.fuzz.DataFactsFuzzIT}) and search
 * queries ({@link kb.fuzz.SearchQueryFuzzIT}).
 *
 * <h2>In every {@code mvn verify}</h2>
 * Each fuzz test runs once per file of its inputs folder,
 * {@code src/test/resources/kb/fuzz/<Class>Inputs/<method>/}: the seeds, and every input that
 * ever found a bug ({@code found-*}). That takes a second or two.
 *
 * <h2>Fuzzing on demand</h2>
 * One fuzz test per run, until its {@code maxDuration} or its first finding:
 * <pre>
 * JAZZER_FUZZ=1 \
 * JAZZER_INSTRUMENTATION_INCLUDES='kb.**:com.vladsch.flexmark.**:org.yaml.snakeyaml.**:com.fasterxml.jackson.dataformat.yaml.**:org.apache.lucene.**' \
 *   mvn verify -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=MarkdownFuzzIT
 * </pre>
 * Without {@code JAZZER_INSTRUMENTATION_INCLUDES} Jazzer measures coverage in this package only
 * and mutates almost blindly (42 edges instead of about 6,000 for the Markdown test). What it
 * learns is kept in {@code .cifuzz-corpus/} (git-ignored), so each run starts where the last one
 * stopped: to fuzz for an hour, repeat the command in a loop
 * ({@code while JAZZER_FUZZ=1 ... mvn verify ...; do :; done}), or raise {@code maxDuration}.
 *
 * <h2>When it finds something</h2>
 * Jazzer writes the input as {@code crash-<sha1>} into the inputs folder and fails the test. Rename
 * it {@code found-<what-it-is>}, fix kb, and keep the file: from then on every {@code mvn verify}
 * replays it. (An input that only ran into the time limit because the run was stopped is not a
 * finding: delete it.)
 */
package kb.fuzz;
