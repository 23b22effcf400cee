package io.github.wikiart.cli.config;

import java.util.List;
import java.util.Objects;

/**
 * Renders a resolved {@link WikiartConfig} as YAML: nested sections, every key with its value,
 * in schema order, so that {@code ConfigLoader.parse(render(c), ...)} equals {@code c}.
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
        ConfigValues values = config.toValues();
        StringBuilder sb = new StringBuilder();
        List<String> open = List.of();
        for (ConfigKey<?> key : ConfigSchema.keys()) {
            List<String> path = key.section().isEmpty() ? List.of() : List.of(key.section().split("\\."));
            int common = 0;
            while (common < open.size() && common < path.size() && open.get(common).equals(path.get(common))) {
                common++;
            }
            for (int i = common; i < path.size(); i++) {
                sb.append("  ".repeat(i)).append(path.get(i)).append(":\n");
            }
            open = path;
            String indent = "  ".repeat(path.size());
            if (comments) {
                sb.append(indent).append("# ").append(key.doc()).append('\n');
            }
            Object yaml = key.toYamlUnchecked(values.asMap().get(key.name()));
            sb.append(indent).append(key.leafName()).append(": ").append(SafeYaml.formatScalar(yaml)).append('\n');
        }
        return sb.toString();
    }
}
