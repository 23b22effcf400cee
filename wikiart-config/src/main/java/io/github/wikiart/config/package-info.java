/**
 * Typed configuration keys and their YAML form, knowing no particular key: a {@link
 * io.github.wikiart.config.ConfigKey} (name, type, default, range, one-line meaning), a {@link
 * io.github.wikiart.config.KeySchema} (the keys a program accepts), {@link
 * io.github.wikiart.config.ConfigValues} (one value per key), SnakeYAML's safe loading with line
 * numbers ({@link io.github.wikiart.config.YamlConfigReader}), {@code --set key=value} overrides
 * ({@link io.github.wikiart.config.OverrideParser}), suggestions for misspelt keys and the YAML
 * writer. Every problem is a {@link io.github.wikiart.config.ConfigException} naming key, value and
 * what was expected.
 *
 * <p>The project's keys are declared next to the options records that use them ({@code DataOptions},
 * {@code ClassifierOptions}, ...) and gathered by {@code io.github.wikiart.train.config.ConfigSchema}.
 */
package io.github.wikiart.config;
