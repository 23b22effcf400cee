package io.github.wikiart.train.config;

import io.github.wikiart.config.ConfigException;
import io.github.wikiart.config.ConfigKey;
import io.github.wikiart.config.ConfigValues;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.classifier.ClassifierOptions;
import io.github.wikiart.train.OutputOptions;
import io.github.wikiart.train.transfer.TransferOptions;
import java.util.List;

/**
 * The whole configuration of a run: the top-level {@code seed} and one options record per section.
 * Immutable; read it with {@link ConfigLoader}, write it with {@link ConfigWriter}.
 *
 * <p>The {@code data} section carries the seed as well, because the data layer derives its random
 * streams from it: the constructor gives {@code data} this configuration's seed, so
 * {@code config.data()} can be passed to the library as it is.
 *
 * @param seed {@code seed}: random seed
 * @param data the {@code data} section, with {@link DataOptions#seed()} equal to {@code seed}
 * @param output the {@code output} section
 * @param classifier the {@code classifier} section
 * @param autoencoder the {@code autoencoder} section
 * @param transfer the {@code transfer} section
 */
public record WikiartConfig(long seed, DataOptions data, OutputOptions output, ClassifierOptions classifier,
                            AutoencoderOptions autoencoder, TransferOptions transfer) {

    /** {@code seed} (declared by {@link DataOptions#SEED}, the bottom module that uses it). */
    public static final ConfigKey<Long> SEED = DataOptions.SEED;

    /** The top-level keys (those outside any section), in order. */
    public static final List<ConfigKey<?>> KEYS = List.of(SEED);

    /** Validates every component, naming the key or section on failure; gives {@code data} the seed. */
    public WikiartConfig {
        SEED.check(seed);
        requireSection("data", data);
        requireSection("output", output);
        requireSection("classifier", classifier);
        requireSection("autoencoder", autoencoder);
        requireSection("transfer", transfer);
        data = data.withSeed(seed);
    }

    /** @return every key at its default */
    public static WikiartConfig defaults() {
        return from(ConfigValues.defaults(ConfigSchema.schema()));
    }

    /**
     * Builds the configuration from resolved values.
     *
     * @param v values of {@link ConfigSchema#schema()}
     * @return the configuration
     */
    public static WikiartConfig from(ConfigValues v) {
        return new WikiartConfig(v.get(SEED), DataOptions.from(v), OutputOptions.from(v), ClassifierOptions.from(v),
                AutoencoderOptions.from(v), TransferOptions.from(v));
    }

    /** @param value the seed @return a copy with it (in {@code data} too) */
    public WikiartConfig withSeed(long value) {
        return new WikiartConfig(value, data, output, classifier, autoencoder, transfer);
    }

    /** @return every key with its value in this configuration */
    public ConfigValues toValues() {
        ConfigValues.Builder b = ConfigValues.builder(ConfigSchema.schema()).set(SEED, seed);
        data.writeTo(b);
        output.writeTo(b);
        classifier.writeTo(b);
        autoencoder.writeTo(b);
        transfer.writeTo(b);
        return b.build();
    }

    private static void requireSection(String name, Object section) {
        if (section == null) {
            throw new ConfigException(name + ": expected a section, got nothing");
        }
    }
}
