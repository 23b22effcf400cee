package io.github.wikiart.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Receives the events of a classifier training run: progress for a progress bar, epoch results
 * for metrics files, plots and checkpoints. All methods have empty defaults. Called on the training
 * thread.
 */
public interface TrainerListener extends ProgressListener {
    /**
     * @param result the epoch's numbers
     * @param net the network after the epoch
     * @param best whether this epoch has the best test accuracy so far
     * @throws java.io.IOException when the listener fails to write what it writes
     */
    default void onEpochEnd(EpochResult result, MultiLayerNetwork net, boolean best) throws java.io.IOException {
    }
}
