package io.github.wikiart.train.loop;

import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains a model on one batch: the trainer-specific part of a {@link TrainingLoop}.
 */
@FunctionalInterface
public interface Step {
    /**
     * Called before each epoch's first batch, for example to set the epoch's learning rate.
     *
     * @param epoch the epoch, from 1 (numbered as the loop numbers it)
     */
    default void startEpoch(int epoch) {
    }

    /**
     * One update.
     *
     * @param batch the batch, as the iterator gave it
     * @return the batch's loss, the value the update already computed (no extra pass); a value that
     *     is not finite stops training
     */
    double fit(DataSet batch);
}
