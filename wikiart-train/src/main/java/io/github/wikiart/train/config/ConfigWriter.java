package io.github.wikiart.train.config;

import io.github.wikiart.config.YamlConfigWriter;
import java.util.Objects;

/**
 * Renders a resolved {@link WikiartConfig} as YAML: nested sections, every key with its value,
 * in schema order, so that {@code ConfigLoader.parse(render(c), ...)} equals {@code c}. Run folders
 * hold this text as {@code config.yaml}.
 */
public final class ConfigWriter {

    private ConfigWriter() {
    }

    /**
     * Renders with a comment line giving each key's meaning (the form for {@code config check}).
     *
     * @param config the configuration
     * @return YAML text
     */
    public static String render(WikiartConfig config) {
        return render(config, true);
    }

    /**
     * Renders a configuration.
     *
     * @param config the configuration
     * @param comments whether to write each key's meaning as a comment above it
     * @return YAML text ending with a newline
     */
    public static String render(WikiartConfig config, boolean comments) {
        Objects.requireNonNull(config, "config");
        return YamlConfigWriter.render(config.toValues(), comments);
    }
}
