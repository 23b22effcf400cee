package io.github.wikiart.config;

import java.util.List;
import java.util.Objects;

/**
 * Renders {@link ConfigValues} as YAML: nested sections, every key with its value, in schema
 * order, so that reading the text back with {@link YamlConfigReader} gives the same values.
 */
public final class YamlConfigWriter {

    private YamlConfigWriter() {
    }

    /**
     * Renders values.
     *
     * @param values the values
     * @param comments whether to write each key's meaning as a comment above it
     * @return YAML text ending with a newline
     */
    public static String render(ConfigValues values, boolean comments) {
        Objects.requireNonNull(values, "values");
        StringBuilder sb = new StringBuilder();
        List<String> open = List.of();
        for (ConfigKey<?> key : values.schema().keys()) {
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
