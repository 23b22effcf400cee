package io.github.wikiart.train.autoencoder;

import io.github.wikiart.train.LearningRateSchedule;
import io.github.wikiart.train.TrainingKeys;

import io.github.wikiart.config.ConfigKey;
import io.github.wikiart.config.ConfigValues;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.ConvAutoencoder;
import java.util.List;
import java.util.Locale;

/**
 * How to build and train the convolutional autoencoder: the {@code autoencoder} section of a
 * configuration. Every {@code autoencoder.*} key is declared here ({@link #KEYS}, with its default,
 * range and meaning) and is one component of the record.
 *
 * @param width {@code autoencoder.width}: channels of the first convolution (the original: the image side)
 * @param latentDim {@code autoencoder.latent_dim}: latent size, or 0 to use {@code side^2 / latentDivisor}
 * @param latentDivisor {@code autoencoder.latent_divisor}: divisor of {@code side^2} when {@code latentDim} is 0
 * @param activation {@code autoencoder.activation}: hidden activation
 * @param upsampler {@code autoencoder.decoder}: decoder upsampling
 * @param latentShape {@code autoencoder.latent_shape}: shape of the latent code
 * @param epochs {@code autoencoder.epochs}: passes over the training split
 * @param batchSize {@code autoencoder.batch_size}: images per step
 * @param learningRate {@code autoencoder.learning_rate}: Adam's learning rate
 * @param layout {@code autoencoder.layout}: tensor layout
 * @param cacheMegabytes {@code autoencoder.cache_mb}: decoded-image cache size (0 = none)
 * @param compareEvery {@code autoencoder.compare_every}: write a comparison image every this many epochs (0 = never)
 * @param lrSchedule {@code autoencoder.lr_schedule}: the schedule's shape after the warm-up
 * @param warmupEpochs {@code autoencoder.warmup_epochs}: epochs of linear warm-up, fewer than {@code epochs}
 * @param earlyStoppingPatience {@code autoencoder.early_stopping_patience}: epochs without a validation
 *     improvement before training stops, 0 = never
 * @param minDelta {@code autoencoder.min_delta}: the smallest fall of the validation MSE that counts
 */
public record AutoencoderOptions(int width, int latentDim, int latentDivisor, ConvAutoencoder.Act activation,
                                 ConvAutoencoder.Upsampler upsampler, ConvAutoencoder.LatentShape latentShape, int epochs, int batchSize, double learningRate,
                                 TensorLayout layout, int cacheMegabytes, int compareEvery,
                                 LearningRateSchedule.Shape lrSchedule, int warmupEpochs, int earlyStoppingPatience,
                                 double minDelta) {

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

    /** {@code autoencoder.lr_schedule}. */
    public static final ConfigKey<LearningRateSchedule.Shape> LR_SCHEDULE = TrainingKeys.lrSchedule("autoencoder",
            LearningRateSchedule.Shape.CONSTANT);
    /** {@code autoencoder.warmup_epochs}. */
    public static final ConfigKey<Integer> WARMUP_EPOCHS = TrainingKeys.warmupEpochs("autoencoder", 0);
    /** {@code autoencoder.early_stopping_patience}. */
    public static final ConfigKey<Integer> EARLY_STOPPING_PATIENCE = TrainingKeys.earlyStoppingPatience("autoencoder");
    /** {@code autoencoder.min_delta}. */
    public static final ConfigKey<Double> MIN_DELTA = TrainingKeys.minDelta("autoencoder");

    /** The keys of the {@code autoencoder} section, in order. */
    public static final List<ConfigKey<?>> KEYS = List.of(EPOCHS, BATCH_SIZE, LEARNING_RATE, WIDTH, LATENT_DIM,
            LATENT_DIVISOR, ACTIVATION, DECODER, LATENT_SHAPE, LAYOUT, CACHE_MB, COMPARE_EVERY, LR_SCHEDULE,
            WARMUP_EPOCHS, EARLY_STOPPING_PATIENCE, MIN_DELTA);

    /** Validates every field, naming the key, the value and what was expected. */
    public AutoencoderOptions {
        EPOCHS.check(epochs);
        BATCH_SIZE.check(batchSize);
        LEARNING_RATE.check(learningRate);
        WIDTH.check(width);
        LATENT_DIM.check(latentDim);
        LATENT_DIVISOR.check(latentDivisor);
        ACTIVATION.check(activation);
        DECODER.check(upsampler);
        LATENT_SHAPE.check(latentShape);
        LAYOUT.check(layout);
        CACHE_MB.check(cacheMegabytes);
        COMPARE_EVERY.check(compareEvery);
        LR_SCHEDULE.check(lrSchedule);
        TrainingKeys.checkWarmup(WARMUP_EPOCHS, warmupEpochs, EPOCHS, epochs);
        EARLY_STOPPING_PATIENCE.check(earlyStoppingPatience);
        MIN_DELTA.check(minDelta);
    }

    /**
     * Options with a constant learning rate and no early stopping.
     *
     * @param width channels of the first convolution
     * @param latentDim latent size, or 0 for {@code side^2 / latentDivisor}
     * @param latentDivisor divisor of {@code side^2}
     * @param activation hidden activation
     * @param upsampler decoder upsampling
     * @param latentShape shape of the latent code
     * @param epochs passes over the training split
     * @param batchSize images per step
     * @param learningRate Adam's learning rate
     * @param layout tensor layout
     * @param cacheMegabytes decoded-image cache size (0 = none)
     * @param compareEvery comparison image every this many epochs (0 = never)
     */
    public AutoencoderOptions(int width, int latentDim, int latentDivisor, ConvAutoencoder.Act activation,
                              ConvAutoencoder.Upsampler upsampler, ConvAutoencoder.LatentShape latentShape, int epochs,
                              int batchSize, double learningRate, TensorLayout layout, int cacheMegabytes,
                              int compareEvery) {
        this(width, latentDim, latentDivisor, activation, upsampler, latentShape, epochs, batchSize, learningRate,
                layout, cacheMegabytes, compareEvery, LR_SCHEDULE.defaultValue(), WARMUP_EPOCHS.defaultValue(),
                EARLY_STOPPING_PATIENCE.defaultValue(), MIN_DELTA.defaultValue());
    }

    /**
     * @return every key at its default: width 16, latent side^2/16 as a spatial code (48 input values
     *     per latent value), gelu, transposed, 20 epochs, batch 16, Adam 0.001, NCHW
     */
    public static AutoencoderOptions defaults() {
        return new AutoencoderOptions(WIDTH.defaultValue(), LATENT_DIM.defaultValue(), LATENT_DIVISOR.defaultValue(),
                ACTIVATION.defaultValue(), DECODER.defaultValue(), LATENT_SHAPE.defaultValue(), EPOCHS.defaultValue(),
                BATCH_SIZE.defaultValue(), LEARNING_RATE.defaultValue(), LAYOUT.defaultValue(),
                CACHE_MB.defaultValue(), COMPARE_EVERY.defaultValue(), LR_SCHEDULE.defaultValue(),
                WARMUP_EPOCHS.defaultValue(), EARLY_STOPPING_PATIENCE.defaultValue(), MIN_DELTA.defaultValue());
    }

    /**
     * Reads the section from resolved values.
     *
     * @param v values of a schema holding {@link #KEYS}
     * @return the options
     */
    public static AutoencoderOptions from(ConfigValues v) {
        return new AutoencoderOptions(v.get(WIDTH), v.get(LATENT_DIM), v.get(LATENT_DIVISOR), v.get(ACTIVATION),
                v.get(DECODER), v.get(LATENT_SHAPE), v.get(EPOCHS), v.get(BATCH_SIZE), v.get(LEARNING_RATE),
                v.get(LAYOUT), v.get(CACHE_MB), v.get(COMPARE_EVERY), v.get(LR_SCHEDULE), v.get(WARMUP_EPOCHS),
                v.get(EARLY_STOPPING_PATIENCE), v.get(MIN_DELTA));
    }

    /**
     * Writes this section's keys.
     *
     * @param b the builder to fill
     */
    public void writeTo(ConfigValues.Builder b) {
        b.set(EPOCHS, epochs).set(BATCH_SIZE, batchSize).set(LEARNING_RATE, learningRate).set(WIDTH, width)
                .set(LATENT_DIM, latentDim).set(LATENT_DIVISOR, latentDivisor).set(ACTIVATION, activation)
                .set(DECODER, upsampler).set(LATENT_SHAPE, latentShape).set(LAYOUT, layout)
                .set(CACHE_MB, cacheMegabytes).set(COMPARE_EVERY, compareEvery).set(LR_SCHEDULE, lrSchedule)
                .set(WARMUP_EPOCHS, warmupEpochs).set(EARLY_STOPPING_PATIENCE, earlyStoppingPatience)
                .set(MIN_DELTA, minDelta);
    }

    /**
     * @param shape the latent shape
     * @return these options with that latent shape
     */
    public AutoencoderOptions withLatentShape(ConvAutoencoder.LatentShape shape) {
        return new AutoencoderOptions(width, latentDim, latentDivisor, activation, upsampler, shape, epochs, batchSize,
                learningRate, layout, cacheMegabytes, compareEvery, lrSchedule, warmupEpochs, earlyStoppingPatience,
                minDelta);
    }

    /**
     * @param patience epochs without a validation improvement before stopping, 0 = never
     * @param delta the smallest fall of the validation MSE that counts
     * @return a copy with them
     */
    public AutoencoderOptions withEarlyStopping(int patience, double delta) {
        return new AutoencoderOptions(width, latentDim, latentDivisor, activation, upsampler, latentShape, epochs,
                batchSize, learningRate, layout, cacheMegabytes, compareEvery, lrSchedule, warmupEpochs, patience,
                delta);
    }

    /** @return how the learning rate changes from epoch to epoch ({@code lrSchedule}, {@code warmupEpochs}) */
    public LearningRateSchedule schedule() {
        return new LearningRateSchedule(lrSchedule, warmupEpochs);
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
