package io.github.wikiart.train.config;

import io.github.wikiart.config.ConfigException;
import io.github.wikiart.config.ConfigValues;
import io.github.wikiart.config.OverrideParser;
import io.github.wikiart.config.YamlConfigReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads a {@link WikiartConfig}: defaults, then a YAML file (safe loading: no Java objects are
 * built from YAML tags), then {@code --set dotted.key=value} overrides.
 *
 * <p>Every problem is a {@link ConfigException} whose message names the file and line (or the
 * override), the key, the value and what was expected; an unknown key comes with the closest
 * valid key. An empty file means all defaults. An embedding program uses it as the command line
 * does: {@code WikiartConfig c = ConfigLoader.load(Path.of("config.yaml"), List.of("seed=2"))}.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * Loads a config file and applies overrides.
     *
     * @param yamlFile the YAML file; named in messages as given
     * @param overrides {@code dotted.key=value} strings, applied in order after the file
     * @return the configuration
     * @throws ConfigException when the file cannot be read or is invalid, or an override is
     */
    public static WikiartConfig load(Path yamlFile, List<String> overrides) {
        Objects.requireNonNull(yamlFile, "yamlFile");
        String text;
        try {
            text = Files.readString(yamlFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + yamlFile + ": " + e, e);
        }
        return parse(text, yamlFile.toString(), overrides);
    }

    /**
     * Parses config text and applies overrides.
     *
     * @param yamlText the YAML document (may be empty)
     * @param sourceName its name in messages, e.g. {@code config.yaml}
     * @param overrides {@code dotted.key=value} strings, applied in order after the text
     * @return the configuration
     * @throws ConfigException when the text or an override is invalid
     */
    public static WikiartConfig parse(String yamlText, String sourceName, List<String> overrides) {
        Objects.requireNonNull(yamlText, "yamlText");
        Objects.requireNonNull(sourceName, "sourceName");
        ConfigValues.Builder values = ConfigValues.builder(ConfigSchema.schema());
        YamlConfigReader.read(yamlText, sourceName, values);
        OverrideParser.apply(overrides, values);
        return WikiartConfig.from(values.build());
    }

    /**
     * Parses config text without overrides; messages name it {@code config}.
     *
     * @param yamlText the YAML document (may be empty: all defaults)
     * @return the configuration
     * @throws ConfigException when the text is invalid
     */
    public static WikiartConfig parse(String yamlText) {
        return parse(yamlText, "config", List.of());
    }

    /**
     * The defaults with overrides applied (no file).
     *
     * @param overrides {@code dotted.key=value} strings, applied in order
     * @return the configuration
     * @throws ConfigException when an override is invalid
     */
    public static WikiartConfig fromOverrides(List<String> overrides) {
        ConfigValues.Builder values = ConfigValues.builder(ConfigSchema.schema());
        OverrideParser.apply(overrides, values);
        return WikiartConfig.from(values.build());
    }
}
