package io.github.wikiart.train.loop;

/**
 * What the training part of one epoch did, before any evaluation.
 *
 * @param epoch the epoch, from 1
 * @param batches batches trained on
 * @param images images trained on
 * @param meanLoss mean of the batches' losses
 * @param seconds wall time of the training part (data loading included, evaluation excluded)
 */
public record EpochStats(int epoch, int batches, long images, double meanLoss, double seconds) {
    /** @return training throughput */
    public double imagesPerSecond() {
        return images / seconds;
    }
}
