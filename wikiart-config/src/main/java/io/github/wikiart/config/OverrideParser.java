package io.github.wikiart.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Applies {@code --set dotted.key=value} overrides: the value is read as a YAML scalar, so
 * {@code 0.5} is a number and {@code mean} a string; an empty value is YAML null.
 */
public final class OverrideParser {

    private OverrideParser() {
    }

    /**
     * Applies overrides in order (a later one wins).
     *
     * @param overrides {@code key=value} strings, without the {@code --set}
     * @param into where values go; its schema says which keys exist
     * @throws ConfigException naming the override when it is malformed, names an unknown key
     *     (with the closest valid key) or has an invalid value
     */
    public static void apply(List<String> overrides, ConfigValues.Builder into) {
        Objects.requireNonNull(overrides, "overrides");
        SafeYaml yaml = new SafeYaml();
        for (String override : overrides) {
            apply(Objects.requireNonNull(override, "override"), yaml, into);
        }
    }

    private static void apply(String override, SafeYaml yaml, ConfigValues.Builder into) {
        String where = "override '--set " + override + "'";
        int eq = override.indexOf('=');
        String name = eq < 0 ? "" : override.substring(0, eq).strip();
        if (name.isEmpty()) {
            throw new ConfigException("malformed " + where + ": expected dotted.key=value, e.g. --set "
                    + into.schema().exampleOverride());
        }
        KeySchema schema = into.schema();
        Optional<ConfigKey<?>> key = schema.key(name);
        if (key.isEmpty()) {
            String hint = schema.suggest(name, false).map(s -> "; did you mean '" + s + "'?").orElse("");
            String what = schema.isSection(name) ? "'" + name + "' is a section, not a key" : "unknown key '" + name + "'";
            throw new ConfigException(where + ": " + what + hint);
        }
        set(key.get(), override.substring(eq + 1).strip(), where, yaml, into);
    }

    private static <T> void set(ConfigKey<T> key, String text, String where, SafeYaml yaml, ConfigValues.Builder into) {
        Node node = yaml.compose(text, where, false);
        YamlScalar value;
        if (node == null) {
            value = new YamlScalar(null, "");
        } else if (node instanceof ScalarNode scalar) {
            try {
                value = yaml.scalar(scalar);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": " + key.name() + ": " + e.getMessage(), e);
            }
        } else {
            throw new ConfigException(where + ": " + key.name() + ": expected " + key.expected()
                    + ", got " + SafeYaml.describe(node));
        }
        try {
            into.set(key, key.parse(value));
        } catch (ConfigException e) {
            throw new ConfigException(where + ": " + e.getMessage(), e);
        }
    }
}
