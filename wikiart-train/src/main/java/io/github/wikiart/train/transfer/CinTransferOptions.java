package io.github.wikiart.train.transfer;

/**
 * Settings of the conditional-instance-normalisation transfer ({@code transfer.method: cin}).
 *
 * @param width channels of the network's first layer
 * @param styleWeight weight of the Gram-matrix style loss
 * @param contentWeight weight of the feature content loss
 * @param epochs passes over the training images
 * @param batchSize images per step
 * @param learningRate Adam's learning rate
 * @param seed seed of the weights, the loss features and the random target styles
 * @param upsample nearest upsampling + convolution in the decoder instead of a transposed convolution
 */
public record CinTransferOptions(int width, double styleWeight, double contentWeight, int epochs, int batchSize,
                                 double learningRate, long seed, boolean upsample) {
    /** Validates, naming the field. */
    public CinTransferOptions {
        if (width < 1 || epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("width, epochs and batchSize must be >= 1");
        }
        if (!(styleWeight >= 0) || !(contentWeight >= 0) || !(learningRate > 0)) {
            throw new IllegalArgumentException("weights must be >= 0 and learningRate > 0");
        }
    }
}
