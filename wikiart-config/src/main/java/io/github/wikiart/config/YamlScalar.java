package io.github.wikiart.config;

/**
 * One scalar value as written in YAML (or in a {@code --set} override), before it is converted to
 * the type of its key.
 *
 * @param value the value as safely constructed by SnakeYAML: {@code null}, a {@link Boolean},
 *     {@link Integer}, {@link Long}, {@link java.math.BigInteger}, {@link Double} or {@link String}
 * @param text the text exactly as written (empty for an omitted value), used in error messages and
 *     for string-typed keys
 */
public record YamlScalar(Object value, String text) {

    /** Normalises a missing text to the empty string. */
    public YamlScalar {
        text = text == null ? "" : text;
    }

    /**
     * A scalar from a Java value, as if it had been written in YAML.
     *
     * @param value a {@code null}, boolean, number or string
     * @return the scalar, its text being {@code String.valueOf(value)} ({@code ""} for null)
     */
    public static YamlScalar of(Object value) {
        return new YamlScalar(value, value == null ? "" : String.valueOf(value));
    }

    /** @return true when the value is YAML null (omitted, {@code ~} or {@code null}) */
    public boolean isNull() {
        return value == null;
    }
}
