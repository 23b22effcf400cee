package io.github.wikiart.train;

/** Progress of any training loop, for progress bars. Both methods have empty defaults. */
public interface ProgressListener {
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
