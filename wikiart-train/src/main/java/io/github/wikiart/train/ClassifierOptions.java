package io.github.wikiart.train;

import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.ClassifierArchitecture;
import java.util.Objects;

/**
 * How to train a classifier.
 *
 * @param architecture which network and its shape
 * @param epochs passes over the training split
 * @param batchSize images per step
 * @param learningRate Adam's base learning rate
 * @param schedule how the learning rate changes from epoch to epoch
 * @param layout tensor layout fed to the network
 * @param cacheMegabytes size limit of the cache of decoded, resized images (0 = no cache)
 */
public record ClassifierOptions(ClassifierArchitecture architecture, int epochs, int batchSize, double learningRate,
                                LearningRateSchedule schedule, TensorLayout layout, int cacheMegabytes) {
    /** Validates, naming the field. */
    public ClassifierOptions {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(layout, "layout");
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        if (schedule.warmupEpochs() >= epochs) {
            throw new IllegalArgumentException("warmupEpochs (" + schedule.warmupEpochs()
                    + ") must be smaller than epochs (" + epochs + ")");
        }
        if (cacheMegabytes < 0) {
            throw new IllegalArgumentException("cacheMegabytes must be >= 0, got " + cacheMegabytes);
        }
    }

    /** @return StyleNet, 10 epochs, batch 32, Adam 0.001 constant, NCHW, 1024 MB cache */
    public static ClassifierOptions defaults() {
        return new ClassifierOptions(ClassifierArchitecture.defaults(), 10, 32, 1e-3, LearningRateSchedule.CONSTANT,
                TensorLayout.NCHW, 1024);
    }

    /** @param a architecture @return a copy with it */
    public ClassifierOptions withArchitecture(ClassifierArchitecture a) {
        return new ClassifierOptions(a, epochs, batchSize, learningRate, schedule, layout, cacheMegabytes);
    }

    /** @param n epochs @return a copy with it */
    public ClassifierOptions withEpochs(int n) {
        return new ClassifierOptions(architecture, n, batchSize, learningRate, schedule, layout, cacheMegabytes);
    }

    /** @param n batch size @return a copy with it */
    public ClassifierOptions withBatchSize(int n) {
        return new ClassifierOptions(architecture, epochs, n, learningRate, schedule, layout, cacheMegabytes);
    }

    /** @param s the learning-rate schedule @return a copy with it */
    public ClassifierOptions withSchedule(LearningRateSchedule s) {
        return new ClassifierOptions(architecture, epochs, batchSize, learningRate, s, layout, cacheMegabytes);
    }
}
