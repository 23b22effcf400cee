package io.github.wikiart.cli.config;

import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.ClassifierArchitecture;
import io.github.wikiart.models.SeedClassifier;
import io.github.wikiart.models.StatsClassifier;
import io.github.wikiart.models.StyleNet;
import io.github.wikiart.train.ClassifierOptions;
import io.github.wikiart.train.LearningRateSchedule;
import java.util.List;
import java.util.Locale;

/**
 * The {@code classifier} section: which style classifier and how to train it.
 *
 * @param model {@code classifier.model}: {@code stylenet} (default), {@code seed} (the original) or {@code stats}
 * @param epochs {@code classifier.epochs}
 * @param batchSize {@code classifier.batch_size}
 * @param learningRate {@code classifier.learning_rate}
 * @param lrSchedule {@code classifier.lr_schedule}
 * @param warmupEpochs {@code classifier.warmup_epochs}
 * @param dropout {@code classifier.dropout}
 * @param width {@code classifier.width}
 * @param gramChannels {@code classifier.gram_channels}
 * @param hidden {@code classifier.hidden}
 * @param layout {@code classifier.layout}
 * @param cacheMb {@code classifier.cache_mb}
 */
public record ClassifierConfig(String model, int epochs, int batchSize, double learningRate,
                               LearningRateSchedule.Shape lrSchedule, int warmupEpochs, double dropout, int width,
                               int gramChannels, int hidden, TensorLayout layout, int cacheMb) {

    /** {@code classifier.model}. */
    public static final ConfigKey<String> MODEL = ConfigKey.custom("classifier.model", ConfigKey.Type.ENUM,
            StyleNet.NAME, "stylenet, seed or stats", s -> model(s.text()), v -> v,
            "network: stylenet (Gram-pooled CNN, the default), seed (the original WikiArtModel) or stats "
                    + "(fixed colour and texture statistics + a small learned head)");
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

    /** The keys of this section, in order. */
    public static final List<ConfigKey<?>> KEYS = List.of(MODEL, EPOCHS, BATCH_SIZE, LEARNING_RATE, LR_SCHEDULE,
            WARMUP_EPOCHS, DROPOUT, WIDTH,
            GRAM_CHANNELS, HIDDEN, LAYOUT, CACHE_MB);

    /** Validates every field, naming the key on failure. */
    public ClassifierConfig {
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
        CACHE_MB.check(cacheMb);
    }

    private static String model(String text) {
        String v = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!v.equals(StyleNet.NAME) && !v.equals(SeedClassifier.NAME) && !v.equals(StatsClassifier.NAME)) {
            throw new IllegalArgumentException("expected stylenet, seed or stats, got '" + text + "'");
        }
        return v;
    }

    /** @return the section with every key at its default */
    public static ClassifierConfig defaults() {
        return from(ConfigValues.defaults());
    }

    /**
     * Reads the section from resolved values.
     *
     * @param v the values
     * @return the section
     */
    public static ClassifierConfig from(ConfigValues v) {
        return new ClassifierConfig(v.get(MODEL), v.get(EPOCHS), v.get(BATCH_SIZE), v.get(LEARNING_RATE),
                v.get(LR_SCHEDULE), v.get(WARMUP_EPOCHS), v.get(DROPOUT), v.get(WIDTH), v.get(GRAM_CHANNELS), v.get(HIDDEN), v.get(LAYOUT), v.get(CACHE_MB));
    }

    /**
     * Writes this section's values.
     *
     * @param b the builder to fill
     */
    public void writeTo(ConfigValues.Builder b) {
        b.set(MODEL, model).set(EPOCHS, epochs).set(BATCH_SIZE, batchSize).set(LEARNING_RATE, learningRate)
                .set(LR_SCHEDULE, lrSchedule).set(WARMUP_EPOCHS, warmupEpochs)
                .set(DROPOUT, dropout).set(WIDTH, width).set(GRAM_CHANNELS, gramChannels).set(HIDDEN, hidden)
                .set(LAYOUT, layout).set(CACHE_MB, cacheMb);
    }

    /** @return the training library's options for this section */
    public ClassifierOptions toOptions() {
        return new ClassifierOptions(new ClassifierArchitecture(model, dropout, width, gramChannels, hidden), epochs,
                batchSize, learningRate, new LearningRateSchedule(lrSchedule, warmupEpochs), layout, cacheMb);
    }
}
