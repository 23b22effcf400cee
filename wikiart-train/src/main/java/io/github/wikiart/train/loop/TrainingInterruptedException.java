package io.github.wikiart.train.loop;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown by a {@link TrainingLoop} that stopped because its {@link StopSignal} was requested,
 * after it wrote a resume checkpoint at a batch boundary: the run can be continued from
 * {@link #state()}.
 */
public class TrainingInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient LoopState state;
    private final transient Path runDir;

    /**
     * @param state where the loop stopped, as saved in the checkpoint
     * @param runDir the run folder holding that checkpoint, or null when the loop wrote none
     */
    public TrainingInterruptedException(LoopState state, Path runDir) {
        super("training interrupted in epoch " + state.epoch() + " after " + state.batches() + " batches; "
                + (runDir == null ? "no checkpoint was written" : "a resume checkpoint was written in " + runDir));
        this.state = Objects.requireNonNull(state, "state");
        this.runDir = runDir;
    }

    /** @return the run folder holding the resume checkpoint, empty when none was written */
    public Optional<Path> runDir() {
        return Optional.ofNullable(runDir);
    }

    /** @return where the loop stopped */
    public LoopState state() {
        return state;
    }
}
