package io.github.wikiart.train.config;

import io.github.wikiart.config.ConfigKey;
import io.github.wikiart.config.KeySchema;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.classifier.ClassifierOptions;
import io.github.wikiart.train.OutputOptions;
import io.github.wikiart.train.transfer.TransferOptions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every key of a wikiart configuration, in order: the source for validation, defaults, the output
 * of {@code config check} and the README key table ({@link #markdownTable()}).
 *
 * <p>Keys are declared by the options records of their sections ({@link DataOptions#KEYS},
 * {@link OutputOptions#KEYS}, {@link ClassifierOptions#KEYS}, {@link AutoencoderOptions#KEYS},
 * {@link TransferOptions#KEYS}; the top-level {@link WikiartConfig#KEYS}); a new section adds its
 * {@code KEYS} here.
 */
public final class ConfigSchema {

    private static final KeySchema SCHEMA = KeySchema.of(List.of(WikiartConfig.KEYS, DataOptions.KEYS,
                    OutputOptions.KEYS, ClassifierOptions.KEYS, AutoencoderOptions.KEYS, TransferOptions.KEYS))
            .withExampleOverride(DataOptions.IMAGE_SIZE.name() + "=104");

    private ConfigSchema() {
    }

    /** @return the schema, for {@link io.github.wikiart.config.ConfigValues} and the YAML reader */
    public static KeySchema schema() {
        return SCHEMA;
    }

    /** @return every key, in order, unmodifiable */
    public static List<ConfigKey<?>> keys() {
        return SCHEMA.keys();
    }

    /** @return every key name, in order, unmodifiable */
    public static List<String> keyNames() {
        return SCHEMA.keyNames();
    }

    /**
     * Looks a key up.
     *
     * @param name full dotted name
     * @return the key, if there is one by that name
     */
    public static Optional<ConfigKey<?>> key(String name) {
        return SCHEMA.key(name);
    }

    /** @return the section names ({@code data}, {@code output}, ...), in order */
    public static Set<String> sections() {
        return SCHEMA.sections();
    }

    /**
     * Whether a name is a section (a mapping of keys in YAML).
     *
     * @param name dotted name
     * @return true for e.g. {@code data}
     */
    public static boolean isSection(String name) {
        return SCHEMA.isSection(name);
    }

    /**
     * The valid key closest to an unknown name.
     *
     * @param name the unknown dotted name
     * @param includeSections whether section names are candidates too
     * @return the suggestion
     */
    public static Optional<String> suggest(String name, boolean includeSections) {
        return SCHEMA.suggest(name, includeSections);
    }

    /**
     * The key table for the README: a Markdown table with the columns key, default and meaning,
     * one row per key in schema order.
     *
     * @return the table, ending with a newline
     */
    public static String markdownTable() {
        return SCHEMA.markdownTable();
    }
}
