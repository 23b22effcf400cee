package io.github.wikiart.train.loop;

import java.time.Duration;
import java.util.Objects;

/**
 * How a trainer's {@link TrainingLoop} checkpoints, stops and resumes, handed through the trainer
 * unchanged: the seed of the per-batch random stream, the resume checkpoint and its interval, the
 * stop signal and, for a resumed run, where to continue.
 *
 * @param seed seeds ND4J's stream before every batch ({@link TrainingLoop.Builder#seed}), or null
 * @param checkpoint the resume checkpoint, or null for none
 * @param every the longest time between two checkpoints within an epoch
 * @param stopSignal asks the loop to checkpoint and stop, or null
 * @param resumption where to continue, or null to start afresh
 * @param patience early stopping's patience in epochs, 0 for none ({@link TrainingLoop.Builder#earlyStopping})
 * @param minDelta the smallest change of the score that counts as an improvement
 * @param <R> the per-epoch result
 * @param <M> the model
 */
public record LoopControl<R, M>(Long seed, ResumeCheckpoint<R, ? super M> checkpoint, Duration every,
                                StopSignal stopSignal, Resumption<R> resumption, int patience, double minDelta) {
    /** Validates the interval. */
    public LoopControl {
        Objects.requireNonNull(every, "every");
    }

    /**
     * Control without early stopping.
     *
     * @param seed seeds ND4J's stream before every batch, or null
     * @param checkpoint the resume checkpoint, or null for none
     * @param every the longest time between two checkpoints within an epoch
     * @param stopSignal asks the loop to checkpoint and stop, or null
     * @param resumption where to continue, or null to start afresh
     */
    public LoopControl(Long seed, ResumeCheckpoint<R, ? super M> checkpoint, Duration every, StopSignal stopSignal,
                       Resumption<R> resumption) {
        this(seed, checkpoint, every, stopSignal, resumption, 0, 0);
    }

    /**
     * @param <R> the per-epoch result
     * @param <M> the model
     * @return no seeding, no checkpoints, no stop signal, a fresh start
     */
    public static <R, M> LoopControl<R, M> none() {
        return new LoopControl<>(null, null, Duration.ofMinutes(10), null, null);
    }

    /**
     * @param b a loop's builder
     * @return it, with this control's settings
     */
    public TrainingLoop.Builder<R, M> applyTo(TrainingLoop.Builder<R, M> b) {
        if (seed != null) {
            b.seed(seed);
        }
        if (checkpoint != null) {
            b.checkpoints(checkpoint, every);
        }
        if (stopSignal != null) {
            b.stopSignal(stopSignal);
        }
        return b.resume(resumption).earlyStopping(patience, minDelta);
    }
}
