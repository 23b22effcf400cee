package io.github.wikiart.train.classifier;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link ClassifierTrainer#fit}.
 *
 * @param epochs one result per completed epoch
 * @param bestEpoch the epoch with the best test accuracy (the first one on ties), 0 if none completed
 * @param stopReason why training stopped early (e.g. a NaN loss), or empty when all epochs ran
 */
public record ClassifierTrainingResult(List<EpochResult> epochs, int bestEpoch, Optional<String> stopReason) {
    /** Copies the list. */
    public ClassifierTrainingResult {
        epochs = List.copyOf(epochs);
    }

    /**
     * @return the evaluation of the final model on the test split
     * @throws IllegalStateException when no epoch completed
     */
    public ClassificationReport finalReport() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch completed" + stopReason.map(r -> ": " + r).orElse(""));
        }
        return epochs.get(epochs.size() - 1).test();
    }

    /** @return training images per second over all epochs */
    public double imagesPerSecond() {
        return io.github.wikiart.train.loop.EpochStats.imagesPerSecond(epochs, EpochResult::imagesPerSecond, EpochResult::seconds);
    }
}
