package io.github.wikiart.train;

import io.github.wikiart.config.ConfigException;
import io.github.wikiart.config.ConfigKey;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.ConvAutoencoder;
import java.util.Locale;

/**
 * Factories for the keys shared by the training sections ({@code classifier}, {@code autoencoder},
 * {@code transfer}), so that {@code epochs}, {@code batch_size} and {@code learning_rate} accept the
 * same values and mean the same thing under every section; only the default differs.
 */
public final class TrainingKeys {

    private TrainingKeys() {
    }

    /**
     * {@code <section>.epochs}.
     *
     * @param section the section name, e.g. {@code classifier}
     * @param defaultValue the section's default
     * @return the key
     */
    public static ConfigKey<Integer> epochs(String section, int defaultValue) {
        return ConfigKey.ofInt(section + ".epochs", defaultValue, 1, 1_000_000,
                "number of passes over the training data");
    }

    /**
     * {@code <section>.batch_size}.
     *
     * @param section the section name
     * @param defaultValue the section's default
     * @return the key
     */
    public static ConfigKey<Integer> batchSize(String section, int defaultValue) {
        return ConfigKey.ofInt(section + ".batch_size", defaultValue, 1, 65_536,
                "examples per gradient step");
    }

    /**
     * {@code <section>.learning_rate}.
     *
     * @param section the section name
     * @param defaultValue the section's default
     * @return the key
     */
    public static ConfigKey<Double> learningRate(String section, double defaultValue) {
        return ConfigKey.ofPositiveDouble(section + ".learning_rate", defaultValue, 10.0,
                "step size of the optimiser");
    }

    /**
     * {@code <section>.width}.
     *
     * @param section the section name
     * @param defaultValue the section's default
     * @return the key
     */
    public static ConfigKey<Integer> width(String section, int defaultValue) {
        return ConfigKey.ofInt(section + ".width", defaultValue, 1, 4096,
                "channels of the first convolution; later layers have multiples of it (see the model's section)");
    }

    /**
     * {@code <section>.layout}.
     *
     * @param section the section name
     * @param defaultValue the section's default
     * @return the key
     */
    public static ConfigKey<TensorLayout> layout(String section,
            TensorLayout defaultValue) {
        return ConfigKey.custom(section + ".layout", ConfigKey.Type.ENUM, defaultValue, "nchw or nhwc",
                s -> TensorLayout.valueOf(s.text().trim().toUpperCase(Locale.ROOT)),
                v -> v.name().toLowerCase(Locale.ROOT),
                "tensor layout fed to the network: a speed choice (results agree to float rounding)");
    }

    /**
     * {@code <section>.cache_mb}.
     *
     * @param section the section name
     * @return the key
     */
    public static ConfigKey<Integer> cacheMb(String section) {
        return ConfigKey.ofInt(section + ".cache_mb", 1024, 0, 1_000_000,
                "megabytes of decoded, resized images kept between epochs (0 = decode every epoch)");
    }

    /**
     * {@code <section>.decoder}.
     *
     * @param section the section name
     * @return the key (default transposed)
     */
    public static ConfigKey<ConvAutoencoder.Upsampler> decoder(String section) {
        return ConfigKey.custom(section + ".decoder", ConfigKey.Type.ENUM,
                ConvAutoencoder.Upsampler.TRANSPOSED, "transposed or upsample",
                s -> ConvAutoencoder.Upsampler.parse(s.text()),
                v -> v.name().toLowerCase(Locale.ROOT),
                "decoder upsampling: transposed convolutions (the original) or nearest upsampling + convolution");
    }

    /**
     * {@code <section>.lr_schedule}.
     *
     * @param section the section name
     * @param defaultValue the section's default
     * @return the key
     */
    public static ConfigKey<LearningRateSchedule.Shape> lrSchedule(String section,
            LearningRateSchedule.Shape defaultValue) {
        return ConfigKey.custom(section + ".lr_schedule", ConfigKey.Type.ENUM, defaultValue, "constant, cosine or step",
                s -> LearningRateSchedule.Shape.parse(s.text()),
                LearningRateSchedule.Shape::configName,
                "how learning_rate changes per epoch after the warm-up: constant; cosine (half a cosine towards 0); "
                        + "step (a tenth from half-way, a hundredth from three quarters)");
    }

    /**
     * {@code <section>.warmup_epochs}.
     *
     * @param section the section name
     * @param defaultValue the section's default
     * @return the key
     */
    public static ConfigKey<Integer> warmupEpochs(String section, int defaultValue) {
        return ConfigKey.ofInt(section + ".warmup_epochs", defaultValue, 0, 1_000_000,
                "epochs of linear learning-rate warm-up (epoch e of W uses learning_rate * e / (W + 1)); "
                        + "0 = none; must be below epochs");
    }

    /**
     * Checks a section's warm-up against its epochs.
     *
     * @param warmupKey the section's {@code warmup_epochs} key
     * @param warmupEpochs its value (already checked on its own)
     * @param epochsKey the section's {@code epochs} key
     * @param epochs its value
     * @throws ConfigException naming both keys when the warm-up is not shorter than the run
     */
    public static void checkWarmup(ConfigKey<Integer> warmupKey, int warmupEpochs, ConfigKey<Integer> epochsKey,
                                   int epochs) {
        warmupKey.check(warmupEpochs);
        if (warmupEpochs >= epochs) {
            throw new ConfigException(warmupKey.name() + ": " + warmupEpochs + " warm-up epochs must be fewer than "
                    + epochsKey.name() + " (" + epochs + ")");
        }
    }

    /**
     * {@code <section>.early_stopping_patience}.
     *
     * @param section the section name
     * @return the key (default 0: off)
     */
    public static ConfigKey<Integer> earlyStoppingPatience(String section) {
        return ConfigKey.ofInt(section + ".early_stopping_patience", 0, 0, 1_000_000,
                "stop when the validation score has not improved by more than min_delta for this many epochs "
                        + "(the best epoch is kept); 0 = train every epoch");
    }

    /**
     * {@code <section>.min_delta}.
     *
     * @param section the section name
     * @return the key (default 0)
     */
    public static ConfigKey<Double> minDelta(String section) {
        return ConfigKey.ofDouble(section + ".min_delta", 0.0, 0.0, 1e9,
                "the smallest change of the validation score that counts as an improvement for early stopping "
                        + "(accuracy for the classifier, mean squared error for the autoencoder)");
    }
}
