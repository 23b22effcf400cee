package io.github.wikiart.train;

import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.ConvAutoencoder;
import java.util.Objects;

/**
 * How to build and train the convolutional autoencoder.
 *
 * @param width channels of the first convolution (the original: the image side)
 * @param latentDim latent size, or 0 to use {@code side^2 / latentDivisor}
 * @param latentDivisor divisor of {@code side^2} when {@code latentDim} is 0
 * @param activation hidden activation
 * @param upsampler decoder upsampling
 * @param latentShape shape of the latent code
 * @param epochs passes over the training split
 * @param batchSize images per step
 * @param learningRate Adam's learning rate
 * @param layout tensor layout
 * @param cacheMegabytes decoded-image cache size (0 = none)
 * @param compareEvery write a comparison image every this many epochs (0 = never)
 */
public record AutoencoderOptions(int width, int latentDim, int latentDivisor, ConvAutoencoder.Act activation,
                                 ConvAutoencoder.Upsampler upsampler, ConvAutoencoder.LatentShape latentShape, int epochs, int batchSize, double learningRate,
                                 TensorLayout layout, int cacheMegabytes, int compareEvery) {
    /** Validates, naming the field. */
    public AutoencoderOptions {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        if (latentDim < 0 || latentDivisor < 1) {
            throw new IllegalArgumentException("latentDim must be >= 0 and latentDivisor >= 1");
        }
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(upsampler, "upsampler");
        Objects.requireNonNull(latentShape, "latentShape");
        Objects.requireNonNull(layout, "layout");
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || cacheMegabytes < 0 || compareEvery < 0) {
            throw new IllegalArgumentException("epochs and batchSize must be >= 1, learningRate > 0, "
                    + "cacheMegabytes and compareEvery >= 0");
        }
    }

    /**
     * @return width 16, latent side^2/16 as a spatial code (48 input values per latent value), gelu,
     *     transposed, 20 epochs, batch 16, Adam 0.001, NCHW
     */
    public static AutoencoderOptions defaults() {
        return new AutoencoderOptions(16, 0, 16, ConvAutoencoder.Act.GELU, ConvAutoencoder.Upsampler.TRANSPOSED,
                ConvAutoencoder.LatentShape.SPATIAL, 20,
                16, 1e-3, TensorLayout.NCHW, 1024, 0);
    }

    /**
     * @param shape the latent shape
     * @return these options with that latent shape
     */
    public AutoencoderOptions withLatentShape(ConvAutoencoder.LatentShape shape) {
        return new AutoencoderOptions(width, latentDim, latentDivisor, activation, upsampler, shape, epochs, batchSize,
                learningRate, layout, cacheMegabytes, compareEvery);
    }

    /**
     * The layout actually used: the upsample decoder always runs in NCHW, because with NHWC the
     * oneDNN convolution helper of DL4J M2.1 trains it to garbage (test PSNR near 0 dB on this
     * machine; correct with the helpers off or in NCHW).
     *
     * @return the effective layout
     */
    public TensorLayout effectiveLayout() {
        return upsampler == ConvAutoencoder.Upsampler.UPSAMPLE ? TensorLayout.NCHW : layout;
    }

    /**
     * @param side image side
     * @param seed weight seed
     * @return the network definition
     */
    public ConvAutoencoder model(int side, long seed) {
        return ConvAutoencoder.builder().side(side).width(width).latentDim(latentDim).latentDivisor(latentDivisor)
                .activation(activation).upsampler(upsampler).latentShape(latentShape).layout(effectiveLayout()).seed(seed)
                .updater(new org.nd4j.linalg.learning.config.Adam(learningRate)).build();
    }
}
