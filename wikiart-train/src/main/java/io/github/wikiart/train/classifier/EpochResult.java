package io.github.wikiart.train.classifier;

/**
 * What one training epoch achieved.
 *
 * @param epoch the epoch, starting at 1
 * @param trainLoss mean training loss over the epoch's batches
 * @param test the evaluation on the test split after the epoch
 * @param imagesPerSecond training throughput of the epoch (forward, backward and update, data
 *     loading included; evaluation excluded)
 * @param seconds wall time of the epoch's training part
 * @param learningRate the learning rate the optimiser used in the epoch (read back from the
 *     network; NaN when it has no fixed rate)
 */
public record EpochResult(int epoch, double trainLoss, ClassificationReport test, double imagesPerSecond,
                          double seconds, double learningRate) {
}
