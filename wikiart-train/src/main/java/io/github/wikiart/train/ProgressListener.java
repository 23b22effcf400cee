package io.github.wikiart.train;

/** Progress of any training loop, for progress bars. Every method has an empty default. */
public interface ProgressListener {
    /**
     * A training run made of several loops announces each one before its first epoch (a run of one
     * loop need not).
     *
     * @param phase what the loop trains, e.g. "loss features"
     * @param epochs the loop's number of epochs
     */
    default void onPhase(String phase, int epochs) {
    }

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
}
