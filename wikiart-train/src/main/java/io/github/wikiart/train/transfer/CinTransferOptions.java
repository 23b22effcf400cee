package io.github.wikiart.train.transfer;

import io.github.wikiart.train.LearningRateSchedule;
import java.util.Objects;

/**
 * Settings of the conditional-instance-normalisation transfer ({@code transfer.method: cin}).
 *
 * @param width channels of the network's first layer
 * @param styleWeight weight of the style loss (each layer's Gram error relative to the size of its targets)
 * @param contentWeight weight of the content loss (the feature error relative to the size of the features)
 * @param epochs passes over the content images
 * @param batchSize images per step
 * @param learningRate Adam's learning rate
 * @param seed seed of the weights, the loss features and the random target styles
 * @param upsample nearest upsampling + convolution in the decoder instead of a transposed convolution
 * @param residual the network outputs a change of its input, starting as the identity
 * @param features where the loss features come from
 * @param featureEpochs passes over the training images when the loss features are trained
 * @param schedule how the learning rate changes from epoch to epoch
 */
public record CinTransferOptions(int width, double styleWeight, double contentWeight, int epochs, int batchSize,
                                 double learningRate, long seed, boolean upsample, boolean residual, Features features,
                                 int featureEpochs, LearningRateSchedule schedule) {
    /** Where the loss features come from. */
    public enum Features {
        /**
         * A {@link io.github.wikiart.models.transfer.FeatureStack} trained on the training split to
         * tell the styles apart (four layers, 1 to 1/8 of the side), plus the colour statistics of the
         * pixels (their Gram matrix): the default.
         */
        TRAINED,
        /** Fixed seeded random filters (three layers): the method's first version. */
        RANDOM;

        /** @return the config spelling */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Validates, naming the field. */
    public CinTransferOptions {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(schedule, "schedule");
        if (width < 1 || epochs < 1 || batchSize < 1 || featureEpochs < 1) {
            throw new IllegalArgumentException("width, epochs, batchSize and featureEpochs must be >= 1");
        }
        if (!(styleWeight >= 0) || !(contentWeight >= 0) || !(learningRate > 0)) {
            throw new IllegalArgumentException("weights must be >= 0 and learningRate > 0");
        }
        if (schedule.warmupEpochs() >= epochs) {
            throw new IllegalArgumentException("the learning-rate warm-up (" + schedule.warmupEpochs()
                    + " epochs) must be shorter than the run (" + epochs + " epochs)");
        }
    }
}
