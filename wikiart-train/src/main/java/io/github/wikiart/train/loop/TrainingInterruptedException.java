package io.github.wikiart.train.loop;

import java.util.Objects;

/**
 * Thrown by a {@link TrainingLoop} that stopped because its {@link StopSignal} was requested,
 * after it wrote a resume checkpoint at a batch boundary: the run can be continued from
 * {@link #state()}.
 */
public class TrainingInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient LoopState state;

    /** @param state where the loop stopped, as saved in the checkpoint */
    public TrainingInterruptedException(LoopState state) {
        super("training interrupted in epoch " + state.epoch() + " after " + state.batches()
                + " batches; a resume checkpoint was written");
        this.state = Objects.requireNonNull(state, "state");
    }

    /** @return where the loop stopped */
    public LoopState state() {
        return state;
    }
}
