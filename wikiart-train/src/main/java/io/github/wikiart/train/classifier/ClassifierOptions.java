package io.github.wikiart.train.classifier;

import io.github.wikiart.train.LearningRateSchedule;
import io.github.wikiart.train.TrainingKeys;

import io.github.wikiart.config.ConfigKey;
import io.github.wikiart.config.ConfigValues;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.ClassifierArchitecture;
import io.github.wikiart.models.StyleNet;
import java.util.List;
import java.util.Locale;

/**
 * How to build and train a classifier: the {@code classifier} section of a configuration. Every
 * {@code classifier.*} key is declared here ({@link #KEYS}, with its default, range and meaning) and
 * is one component of the record; {@link #architecture()} and {@link #schedule()} group them for the
 * network and the learning-rate schedule.
 *
 * @param model {@code classifier.model}: {@code stylenet} (default), {@code seed} (the original) or {@code stats}
 * @param epochs {@code classifier.epochs}: passes over the training split
 * @param batchSize {@code classifier.batch_size}: images per step
 * @param learningRate {@code classifier.learning_rate}: Adam's base learning rate
 * @param lrSchedule {@code classifier.lr_schedule}: the schedule's shape after the warm-up
 * @param warmupEpochs {@code classifier.warmup_epochs}: epochs of linear warm-up, fewer than {@code epochs}
 * @param dropout {@code classifier.dropout}: drop probability before the output layer
 * @param width {@code classifier.width}: channels of StyleNet's first convolution
 * @param gramChannels {@code classifier.gram_channels}: channels entering StyleNet's Gram pooling
 * @param hidden {@code classifier.hidden}: units of the hidden dense layer
 * @param layout {@code classifier.layout}: tensor layout fed to the network
 * @param cacheMegabytes {@code classifier.cache_mb}: size limit of the cache of decoded, resized images (0 = no cache)
 * @param earlyStoppingPatience {@code classifier.early_stopping_patience}: epochs without a validation
 *     improvement before training stops, 0 = never
 * @param minDelta {@code classifier.min_delta}: the smallest validation-accuracy gain that counts
 */
public record ClassifierOptions(String model, int epochs, int batchSize, double learningRate,
                                LearningRateSchedule.Shape lrSchedule, int warmupEpochs, double dropout, int width,
                                int gramChannels, int hidden, TensorLayout layout, int cacheMegabytes,
                                int earlyStoppingPatience, double minDelta) {

    /** {@code classifier.model}. */
    public static final ConfigKey<String> MODEL = ConfigKey.custom("classifier.model", ConfigKey.Type.ENUM,
            StyleNet.NAME, "stylenet, seed or stats", s -> model(s.text()), v -> v,
            "network: stylenet (Gram-pooled CNN, the default), seed (the original WikiArtModel) or stats "
                    + "(fixed colour and texture statistics + a small learned head)")
            .requiring(ClassifierArchitecture.MODELS::contains);
    /** {@code classifier.epochs}. */
    public static final ConfigKey<Integer> EPOCHS = TrainingKeys.epochs("classifier", 10);
    /** {@code classifier.batch_size}. */
    public static final ConfigKey<Integer> BATCH_SIZE = TrainingKeys.batchSize("classifier", 32);
    /** {@code classifier.learning_rate}. */
    public static final ConfigKey<Double> LEARNING_RATE = TrainingKeys.learningRate("classifier", 1e-3);
    /** {@code classifier.lr_schedule}. */
    public static final ConfigKey<LearningRateSchedule.Shape> LR_SCHEDULE = TrainingKeys.lrSchedule("classifier",
            LearningRateSchedule.Shape.CONSTANT);
    /** {@code classifier.warmup_epochs}. */
    public static final ConfigKey<Integer> WARMUP_EPOCHS = TrainingKeys.warmupEpochs("classifier", 0);
    /** {@code classifier.dropout}. */
    public static final ConfigKey<Double> DROPOUT = ConfigKey.ofDouble("classifier.dropout", 0.2, 0.0, 0.95,
            "drop probability before the output layer (the original's dropout)");
    /** {@code classifier.width}. */
    public static final ConfigKey<Integer> WIDTH = TrainingKeys.width("classifier", 32);
    /** {@code classifier.gram_channels}. */
    public static final ConfigKey<Integer> GRAM_CHANNELS = ConfigKey.ofInt("classifier.gram_channels", 32, 1, 256,
            "stylenet: channels entering the Gram pooling (features = c*c + c)");
    /** {@code classifier.hidden}. */
    public static final ConfigKey<Integer> HIDDEN = ConfigKey.ofInt("classifier.hidden", 128, 1, 65_536,
            "stylenet and stats: units of the hidden dense layer (the original has 300)");
    /** {@code classifier.layout}. */
    public static final ConfigKey<TensorLayout> LAYOUT = TrainingKeys.layout("classifier", TensorLayout.NCHW);
    /** {@code classifier.cache_mb}. */
    public static final ConfigKey<Integer> CACHE_MB = TrainingKeys.cacheMb("classifier");
    /** {@code classifier.early_stopping_patience}. */
    public static final ConfigKey<Integer> EARLY_STOPPING_PATIENCE = TrainingKeys.earlyStoppingPatience("classifier");
    /** {@code classifier.min_delta}. */
    public static final ConfigKey<Double> MIN_DELTA = TrainingKeys.minDelta("classifier");

    /** The keys of the {@code classifier} section, in order. */
    public static final List<ConfigKey<?>> KEYS = List.of(MODEL, EPOCHS, BATCH_SIZE, LEARNING_RATE, LR_SCHEDULE,
            WARMUP_EPOCHS, DROPOUT, WIDTH, GRAM_CHANNELS, HIDDEN, LAYOUT, CACHE_MB, EARLY_STOPPING_PATIENCE, MIN_DELTA);

    /** Validates every field, naming the key, the value and what was expected. */
    public ClassifierOptions {
        MODEL.check(model);
        EPOCHS.check(epochs);
        BATCH_SIZE.check(batchSize);
        LEARNING_RATE.check(learningRate);
        LR_SCHEDULE.check(lrSchedule);
        TrainingKeys.checkWarmup(WARMUP_EPOCHS, warmupEpochs, EPOCHS, epochs);
        DROPOUT.check(dropout);
        WIDTH.check(width);
        GRAM_CHANNELS.check(gramChannels);
        HIDDEN.check(hidden);
        LAYOUT.check(layout);
        CACHE_MB.check(cacheMegabytes);
        EARLY_STOPPING_PATIENCE.check(earlyStoppingPatience);
        MIN_DELTA.check(minDelta);
    }

    /**
     * Options from an architecture and a schedule.
     *
     * @param architecture which network and its shape
     * @param epochs passes over the training split
     * @param batchSize images per step
     * @param learningRate Adam's base learning rate
     * @param schedule how the learning rate changes from epoch to epoch
     * @param layout tensor layout fed to the network
     * @param cacheMegabytes size limit of the decoded-image cache (0 = no cache)
     */
    public ClassifierOptions(ClassifierArchitecture architecture, int epochs, int batchSize, double learningRate,
                             LearningRateSchedule schedule, TensorLayout layout, int cacheMegabytes) {
        this(architecture, epochs, batchSize, learningRate, schedule, layout, cacheMegabytes,
                EARLY_STOPPING_PATIENCE.defaultValue(), MIN_DELTA.defaultValue());
    }

    /**
     * Options from an architecture, a schedule and early stopping.
     *
     * @param architecture which network and its shape
     * @param epochs passes over the training split
     * @param batchSize images per step
     * @param learningRate Adam's base learning rate
     * @param schedule how the learning rate changes from epoch to epoch
     * @param layout tensor layout fed to the network
     * @param cacheMegabytes size limit of the decoded-image cache (0 = no cache)
     * @param earlyStoppingPatience epochs without a validation improvement before stopping, 0 = never
     * @param minDelta the smallest validation-accuracy gain that counts
     */
    public ClassifierOptions(ClassifierArchitecture architecture, int epochs, int batchSize, double learningRate,
                             LearningRateSchedule schedule, TensorLayout layout, int cacheMegabytes,
                             int earlyStoppingPatience, double minDelta) {
        this(architecture.model(), epochs, batchSize, learningRate, schedule.shape(), schedule.warmupEpochs(),
                architecture.dropout(), architecture.width(), architecture.gramChannels(), architecture.hidden(),
                layout, cacheMegabytes, earlyStoppingPatience, minDelta);
    }

    /** @return every key at its default: StyleNet, 10 epochs, batch 32, Adam 0.001 constant, NCHW, 1024 MB cache */
    public static ClassifierOptions defaults() {
        return new ClassifierOptions(MODEL.defaultValue(), EPOCHS.defaultValue(), BATCH_SIZE.defaultValue(),
                LEARNING_RATE.defaultValue(), LR_SCHEDULE.defaultValue(), WARMUP_EPOCHS.defaultValue(),
                DROPOUT.defaultValue(), WIDTH.defaultValue(), GRAM_CHANNELS.defaultValue(), HIDDEN.defaultValue(),
                LAYOUT.defaultValue(), CACHE_MB.defaultValue(), EARLY_STOPPING_PATIENCE.defaultValue(),
                MIN_DELTA.defaultValue());
    }

    /**
     * Reads the section from resolved values.
     *
     * @param v values of a schema holding {@link #KEYS}
     * @return the options
     */
    public static ClassifierOptions from(ConfigValues v) {
        return new ClassifierOptions(v.get(MODEL), v.get(EPOCHS), v.get(BATCH_SIZE), v.get(LEARNING_RATE),
                v.get(LR_SCHEDULE), v.get(WARMUP_EPOCHS), v.get(DROPOUT), v.get(WIDTH), v.get(GRAM_CHANNELS),
                v.get(HIDDEN), v.get(LAYOUT), v.get(CACHE_MB), v.get(EARLY_STOPPING_PATIENCE), v.get(MIN_DELTA));
    }

    /**
     * Writes this section's keys.
     *
     * @param b the builder to fill
     */
    public void writeTo(ConfigValues.Builder b) {
        b.set(MODEL, model).set(EPOCHS, epochs).set(BATCH_SIZE, batchSize).set(LEARNING_RATE, learningRate)
                .set(LR_SCHEDULE, lrSchedule).set(WARMUP_EPOCHS, warmupEpochs)
                .set(DROPOUT, dropout).set(WIDTH, width).set(GRAM_CHANNELS, gramChannels).set(HIDDEN, hidden)
                .set(LAYOUT, layout).set(CACHE_MB, cacheMegabytes)
                .set(EARLY_STOPPING_PATIENCE, earlyStoppingPatience).set(MIN_DELTA, minDelta);
    }

    /** @return which network and its shape ({@code model}, {@code dropout}, {@code width}, {@code gramChannels}, {@code hidden}) */
    public ClassifierArchitecture architecture() {
        return new ClassifierArchitecture(model, dropout, width, gramChannels, hidden);
    }

    /** @return how the learning rate changes from epoch to epoch ({@code lrSchedule}, {@code warmupEpochs}) */
    public LearningRateSchedule schedule() {
        return new LearningRateSchedule(lrSchedule, warmupEpochs);
    }

    /** @param a architecture @return a copy with it */
    public ClassifierOptions withArchitecture(ClassifierArchitecture a) {
        return new ClassifierOptions(a, epochs, batchSize, learningRate, schedule(), layout, cacheMegabytes,
                earlyStoppingPatience, minDelta);
    }

    /** @param n epochs @return a copy with it */
    public ClassifierOptions withEpochs(int n) {
        return new ClassifierOptions(architecture(), n, batchSize, learningRate, schedule(), layout, cacheMegabytes,
                earlyStoppingPatience, minDelta);
    }

    /** @param n batch size @return a copy with it */
    public ClassifierOptions withBatchSize(int n) {
        return new ClassifierOptions(architecture(), epochs, n, learningRate, schedule(), layout, cacheMegabytes,
                earlyStoppingPatience, minDelta);
    }

    /** @param s the learning-rate schedule @return a copy with it */
    public ClassifierOptions withSchedule(LearningRateSchedule s) {
        return new ClassifierOptions(architecture(), epochs, batchSize, learningRate, s, layout, cacheMegabytes,
                earlyStoppingPatience, minDelta);
    }

    /**
     * @param patience epochs without a validation improvement before stopping, 0 = never
     * @param delta the smallest validation-accuracy gain that counts
     * @return a copy with them
     */
    public ClassifierOptions withEarlyStopping(int patience, double delta) {
        return new ClassifierOptions(architecture(), epochs, batchSize, learningRate, schedule(), layout, cacheMegabytes,
                patience, delta);
    }

    private static String model(String text) {
        String v = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!ClassifierArchitecture.MODELS.contains(v)) {
            throw new IllegalArgumentException("expected stylenet, seed or stats, got '" + text + "'");
        }
        return v;
    }
}
