package kb.pipeline;

import kb.diagnostic.Problems;

/**
 * The one recipe behind {@code kb build}, {@code kb check}, the preview and the Maven plugin: the
 * {@link Phase}s in order, over a scope (the whole site, or the pages an edit affects). Errors
 * are collected across a phase and its neighbours, so a writer sees all of them, and they stop
 * the run before the theme is rendered and again before anything is written.
 */
final class Pipeline {
    private Pipeline() {
    }

    /** What each phase does over one scope; {@link #run} alone decides their order and where to stop. */
    interface Steps {
        void load(Problems problems);

        void render(Problems problems);

        void check(Problems problems);

        void index();

        void pages(Problems problems);

        void write();

        void swap();
    }

    /**
     * Runs the phases up to and including {@code last}.
     *
     * @return the problems found, warnings only (errors are thrown)
     * @throws kb.diagnostic.KbException with every problem found, when there is an error
     */
    static Problems run(Steps steps, Phase last, PhaseTimer timer) {
        Problems problems = new Problems();
        timer.time(Phase.LOAD, () -> steps.load(problems));
        timer.time(Phase.RENDER, () -> steps.render(problems));
        timer.time(Phase.CHECK, () -> steps.check(problems));
        problems.throwIfErrors();
        if (last.compareTo(Phase.INDEX) < 0) {
            return problems;
        }
        timer.time(Phase.INDEX, steps::index);
        timer.time(Phase.PAGES, () -> steps.pages(problems));
        problems.throwIfErrors();
        if (last.compareTo(Phase.WRITE) < 0) {
            return problems;
        }
        timer.time(Phase.WRITE, steps::write);
        timer.time(Phase.SWAP, steps::swap);
        return problems;
    }
}
