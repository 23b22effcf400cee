package io.github.wikiart.train;

/**
 * What one training epoch achieved.
 *
 * @param epoch the epoch, starting at 1
 * @param trainLoss mean training loss over the epoch's batches
 * @param test the evaluation on the test split after the epoch
 * @param imagesPerSecond training throughput of the epoch (forward, backward and update, data
 *     loading included; evaluation excluded)
 * @param seconds wall time of the epoch's training part
 */
public record EpochResult(int epoch, double trainLoss, ClassificationReport test, double imagesPerSecond,
                          double seconds) {
}
