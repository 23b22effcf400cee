package io.github.wikiart.train.loop;

import java.io.IOException;

/**
 * The evaluation hook of a {@link TrainingLoop}: turns a finished epoch into the trainer's result
 * record, usually after a pass over held-out data.
 *
 * @param <R> the per-epoch result
 */
@FunctionalInterface
public interface EpochEvaluator<R> {
    /**
     * @param training what the epoch's training part did
     * @return the epoch's result
     * @throws IOException when evaluation data cannot be read
     */
    R evaluate(EpochStats training) throws IOException;
}
