package io.github.wikiart.train.loop;

import java.util.Objects;

/**
 * Thrown by a trainer that returns a model rather than per-epoch results (the transfer trainers)
 * when the {@link TrainingLoop}'s NaN policy stopped training: the message names the epoch and the
 * batch, and the run folder keeps the checkpoints of the last good epoch.
 */
public class TrainingStoppedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient Stop stop;

    /**
     * @param stop where training stopped
     * @param message why, naming the epoch and batch
     */
    public TrainingStoppedException(Stop stop, String message) {
        super(message);
        this.stop = Objects.requireNonNull(stop, "stop");
    }

    /** @return where training stopped */
    public Stop stop() {
        return stop;
    }
}
