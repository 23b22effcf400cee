package io.github.wikiart.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Receives the events of a training run: progress for a progress bar, epoch results for metrics
 * files, plots and checkpoints. All methods have empty defaults. Called on the training thread.
 */
public interface TrainerListener {
    /**
     * @param epoch the epoch starting, from 1
     * @param batches number of batches in it
     */
    default void onEpochStart(int epoch, int batches) {
    }

    /**
     * @param epoch current epoch
     * @param batch batches done in this epoch, from 1
     * @param batches batches in the epoch
     * @param images images trained on so far in this epoch
     * @param loss this batch's loss
     * @param imagesPerSecond throughput so far in this epoch
     */
    default void onBatch(int epoch, int batch, int batches, long images, double loss, double imagesPerSecond) {
    }

    /**
     * @param result the epoch's numbers
     * @param net the network after the epoch
     * @param best whether this epoch has the best test accuracy so far
     * @throws java.io.IOException when the listener fails to write what it writes
     */
    default void onEpochEnd(EpochResult result, MultiLayerNetwork net, boolean best) throws java.io.IOException {
    }
}
