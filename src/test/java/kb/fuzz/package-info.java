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
 * <h2>Long runs</h2>
 * Each class also has a {@code longRuns...} fuzz test whose input is built by {@link kb.fuzz.LongRuns}:
 * a construct (or a few characters the fuzzer picks) repeated up to 30,000 times, inside text the
 * fuzzer also picks; an input that takes over 20 s of CPU is a finding. They run 10 minutes each; the
 * four, one after another, at low priority on a shared machine:
 * <pre>
 * for t in MarkdownFuzzIT#longRunsRenderOrReport FrontMatterFuzzIT#longRunsSplitOrReport \
 *          SearchQueryFuzzIT#longRunsAnswer DataFactsFuzzIT#longRunsAnswerOrExplain; do
 *   JAZZER_FUZZ=1 JAZZER_INSTRUMENTATION_INCLUDES='...as above...' \
 *     nice -n 10 mvn verify -Dkb.skipSite=true -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$t"
 * done
 * </pre>
 *
 * <h2>When it finds something</h2>
 * Jazzer writes the input as {@code crash-<sha1>} into the inputs folder and fails the test. Rename
 * it {@code found-<what-it-is>}, fix kb, and keep the file: from then on every {@code mvn verify}
 * replays it. (An input that only ran into the time limit because the run was stopped is not a
 * finding: delete it.)
 */
package kb.fuzz;
