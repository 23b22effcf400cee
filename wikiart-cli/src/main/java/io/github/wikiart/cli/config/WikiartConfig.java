package io.github.wikiart.cli.config;

import java.util.List;

/**
 * The whole configuration of a run: top-level keys and one record per section. Immutable; read it
 * with {@link ConfigLoader}, write it with {@link ConfigWriter}.
 *
 * @param seed {@code seed}: random seed
 * @param data the {@code data} section
 * @param output the {@code output} section
 * @param classifier the {@code classifier} section
 * @param autoencoder the {@code autoencoder} section
 * @param transfer the {@code transfer} section
 */
public record WikiartConfig(long seed, DataConfig data, OutputConfig output, ClassifierConfig classifier,
                            AutoencoderConfig autoencoder, TransferConfig transfer) {

    /** {@code seed}. */
    public static final ConfigKey<Long> SEED = ConfigKey.ofLong("seed", 1L, Long.MIN_VALUE, Long.MAX_VALUE,
            "random seed for sampling, shuffling and weight initialisation (the original's default is 1)");

    /** The top-level keys (those outside any section), in order. */
    public static final List<ConfigKey<?>> KEYS = List.of(SEED);

    /** Validates every component, naming the key or section on failure. */
    public WikiartConfig {
        SEED.check(seed);
        requireSection("data", data);
        requireSection("output", output);
        requireSection("classifier", classifier);
        requireSection("autoencoder", autoencoder);
        requireSection("transfer", transfer);
    }

    /** @return every key at its default */
    public static WikiartConfig defaults() {
        return from(ConfigValues.defaults());
    }

    /**
     * Builds the configuration from resolved values.
     *
     * @param v the values
     * @return the configuration
     */
    public static WikiartConfig from(ConfigValues v) {
        return new WikiartConfig(v.get(SEED), DataConfig.from(v), OutputConfig.from(v), ClassifierConfig.from(v),
                AutoencoderConfig.from(v), TransferConfig.from(v));
    }

    /** @param value the seed @return a copy with it */
    public WikiartConfig withSeed(long value) {
        return new WikiartConfig(value, data, output, classifier, autoencoder, transfer);
    }

    /** @return every key with its value in this configuration */
    public ConfigValues toValues() {
        ConfigValues.Builder b = ConfigValues.builder().set(SEED, seed);
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
