package kb.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Times the phases of one build for its summary. */
final class PhaseTimer {
    private final List<BuildReport.Phase> phases = new ArrayList<>();
    private final java.util.function.Consumer<String> onStart;

    PhaseTimer() {
        this(name -> { });
    }

    /** @param onStart told the name of each phase as it begins (a terminal's progress line) */
    PhaseTimer(java.util.function.Consumer<String> onStart) {
        this.onStart = onStart;
    }

    <T> T time(String name, Supplier<T> step) {
        onStart.accept(name);
        long start = System.nanoTime();
        try {
            return step.get();
        } finally {
            phases.add(new BuildReport.Phase(name, (System.nanoTime() - start) / 1_000_000));
        }
    }

    void time(String name, Runnable step) {
        time(name, () -> {
            step.run();
            return null;
        });
    }

    void time(Phase phase, Runnable step) {
        time(phase.label(), step);
    }

    List<BuildReport.Phase> phases() {
        return phases;
    }
}
