package io.github.wikiart.cli.config;

import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.train.AutoencoderOptions;
import java.util.List;
import java.util.Locale;

/**
 * The {@code autoencoder} section: the convolutional autoencoder and its training.
 *
 * @param epochs {@code autoencoder.epochs}
 * @param batchSize {@code autoencoder.batch_size}
 * @param learningRate {@code autoencoder.learning_rate}
 * @param width {@code autoencoder.width}
 * @param latentDim {@code autoencoder.latent_dim}
 * @param latentDivisor {@code autoencoder.latent_divisor}
 * @param activation {@code autoencoder.activation}
 * @param decoder {@code autoencoder.decoder}
 * @param latentShape {@code autoencoder.latent_shape}
 * @param layout {@code autoencoder.layout}
 * @param cacheMb {@code autoencoder.cache_mb}
 * @param compareEvery {@code autoencoder.compare_every}
 */
public record AutoencoderConfig(int epochs, int batchSize, double learningRate, int width, int latentDim,
                                int latentDivisor, ConvAutoencoder.Act activation, ConvAutoencoder.Upsampler decoder,
                                ConvAutoencoder.LatentShape latentShape, TensorLayout layout, int cacheMb, int compareEvery) {

    /** {@code autoencoder.epochs}. */
    public static final ConfigKey<Integer> EPOCHS = TrainingKeys.epochs("autoencoder", 20);
    /** {@code autoencoder.batch_size}. */
    public static final ConfigKey<Integer> BATCH_SIZE = TrainingKeys.batchSize("autoencoder", 16);
    /** {@code autoencoder.learning_rate}. */
    public static final ConfigKey<Double> LEARNING_RATE = TrainingKeys.learningRate("autoencoder", 1e-3);
    /** {@code autoencoder.width}. */
    public static final ConfigKey<Integer> WIDTH = TrainingKeys.width("autoencoder", 16);
    /** {@code autoencoder.latent_dim}. */
    public static final ConfigKey<Integer> LATENT_DIM = ConfigKey.ofInt("autoencoder.latent_dim", 0, 0, 1_000_000,
            "latent size given directly (the original's latent_dim_manual: true); 0 = image_size^2 / latent_divisor");
    /** {@code autoencoder.latent_divisor}. */
    public static final ConfigKey<Integer> LATENT_DIVISOR = ConfigKey.ofInt("autoencoder.latent_divisor", 16, 1,
            1_000_000, "latent size = image_size^2 / latent_divisor when latent_dim is 0 (the original's "
                    + "latent_dim_specifier)");
    /** {@code autoencoder.activation}. */
    public static final ConfigKey<ConvAutoencoder.Act> ACTIVATION = ConfigKey.custom("autoencoder.activation",
            ConfigKey.Type.ENUM, ConvAutoencoder.Act.GELU, "relu, tanh or gelu",
            s -> ConvAutoencoder.Act.parse(s.text()), v -> v.name().toLowerCase(Locale.ROOT),
            "activation of the hidden layers (gelu trained best here; see docs/autoencoder.md)");
    /** {@code autoencoder.decoder}. */
    public static final ConfigKey<ConvAutoencoder.Upsampler> DECODER = TrainingKeys.decoder("autoencoder");
    /** {@code autoencoder.latent_shape}. */
    public static final ConfigKey<ConvAutoencoder.LatentShape> LATENT_SHAPE = ConfigKey.custom(
            "autoencoder.latent_shape", ConfigKey.Type.ENUM, ConvAutoencoder.LatentShape.SPATIAL, "vector or spatial",
            s -> ConvAutoencoder.LatentShape.parse(s.text()), v -> v.name().toLowerCase(Locale.ROOT),
            "vector: dense layers to and from the latent (the original); spatial: 3x3 convolutions to and from "
                    + "latent / (image_size/8)^2 channels at image_size/8 x image_size/8 (same latent size)");
    /** {@code autoencoder.layout}. */
    public static final ConfigKey<TensorLayout> LAYOUT = TrainingKeys.layout("autoencoder", TensorLayout.NCHW);
    /** {@code autoencoder.cache_mb}. */
    public static final ConfigKey<Integer> CACHE_MB = TrainingKeys.cacheMb("autoencoder");
    /** {@code autoencoder.compare_every}. */
    public static final ConfigKey<Integer> COMPARE_EVERY = ConfigKey.ofInt("autoencoder.compare_every", 0, 0,
            1_000_000, "write a comparison image (test images beside reconstructions) every N epochs; 0 = never");

    /** The keys of this section, in order. */
    public static final List<ConfigKey<?>> KEYS = List.of(EPOCHS, BATCH_SIZE, LEARNING_RATE, WIDTH, LATENT_DIM,
            LATENT_DIVISOR, ACTIVATION, DECODER, LATENT_SHAPE, LAYOUT, CACHE_MB, COMPARE_EVERY);

    /** Validates every field, naming the key on failure. */
    public AutoencoderConfig {
        EPOCHS.check(epochs);
        BATCH_SIZE.check(batchSize);
        LEARNING_RATE.check(learningRate);
        WIDTH.check(width);
        LATENT_DIM.check(latentDim);
        LATENT_DIVISOR.check(latentDivisor);
        ACTIVATION.check(activation);
        DECODER.check(decoder);
        LATENT_SHAPE.check(latentShape);
        LAYOUT.check(layout);
        CACHE_MB.check(cacheMb);
        COMPARE_EVERY.check(compareEvery);
    }

    /** @return the section with every key at its default */
    public static AutoencoderConfig defaults() {
        return from(ConfigValues.defaults());
    }

    /**
     * @param v resolved values
     * @return the section
     */
    public static AutoencoderConfig from(ConfigValues v) {
        return new AutoencoderConfig(v.get(EPOCHS), v.get(BATCH_SIZE), v.get(LEARNING_RATE), v.get(WIDTH),
                v.get(LATENT_DIM), v.get(LATENT_DIVISOR), v.get(ACTIVATION), v.get(DECODER), v.get(LATENT_SHAPE), v.get(LAYOUT),
                v.get(CACHE_MB), v.get(COMPARE_EVERY));
    }

    /** @param b the builder to fill */
    public void writeTo(ConfigValues.Builder b) {
        b.set(EPOCHS, epochs).set(BATCH_SIZE, batchSize).set(LEARNING_RATE, learningRate).set(WIDTH, width)
                .set(LATENT_DIM, latentDim).set(LATENT_DIVISOR, latentDivisor).set(ACTIVATION, activation)
                .set(DECODER, decoder).set(LATENT_SHAPE, latentShape).set(LAYOUT, layout).set(CACHE_MB, cacheMb).set(COMPARE_EVERY, compareEvery);
    }

    /** @return the training library's options */
    public AutoencoderOptions toOptions() {
        return new AutoencoderOptions(width, latentDim, latentDivisor, activation, decoder, latentShape, epochs, batchSize,
                learningRate, layout, cacheMb, compareEvery);
    }
}
