package io.github.wikiart.cli.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, complete assignment of a value to every key of {@link ConfigSchema}: the flat
 * form of a configuration, between YAML and the typed records.
 *
 * <p>Section records read their values from here ({@code DataConfig.from(values)}) and write them
 * back ({@code writeTo(builder)}); the loader fills a {@link Builder} from defaults, the file and
 * the overrides.
 */
public final class ConfigValues {

    private final Map<String, Object> values;

    private ConfigValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return every key at its default */
    public static ConfigValues defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The value of a key.
     *
     * @param key a key of {@link ConfigSchema}
     * @param <T> value type
     * @return the value, never null
     * @throws IllegalArgumentException when the key is not in the schema
     */
    public <T> T get(ConfigKey<T> key) {
        Object v = values.get(key.name());
        if (v == null) {
            throw new IllegalArgumentException("not a key of the config schema: " + key.name());
        }
        @SuppressWarnings("unchecked")
        T t = (T) v;
        return t;
    }

    /**
     * A copy with one value replaced.
     *
     * @param key a key of {@link ConfigSchema}
     * @param value the new value, validated by {@link ConfigKey#check(Object)}
     * @param <T> value type
     * @return the new values
     */
    public <T> ConfigValues with(ConfigKey<T> key, T value) {
        Builder b = new Builder(values);
        b.set(key, value);
        return b.build();
    }

    /** @return key name to value, in schema order, unmodifiable */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigValues v && v.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects values; starts from the defaults, later values replace earlier ones. */
    public static final class Builder {

        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {
            for (ConfigKey<?> key : ConfigSchema.keys()) {
                values.put(key.name(), key.defaultValue());
            }
        }

        private Builder(Map<String, Object> start) {
            values.putAll(start);
        }

        /**
         * Sets one value.
         *
         * @param key a key of {@link ConfigSchema}
         * @param value the value, validated by {@link ConfigKey#check(Object)}
         * @param <T> value type
         * @return this builder
         * @throws IllegalArgumentException when the key is not in the schema
         * @throws ConfigException when the value is null or invalid
         */
        public <T> Builder set(ConfigKey<T> key, T value) {
            Objects.requireNonNull(key, "key");
            if (!values.containsKey(key.name())) {
                throw new IllegalArgumentException("not a key of the config schema: " + key.name());
            }
            values.put(key.name(), key.check(value));
            return this;
        }

        /** @return the values */
        public ConfigValues build() {
            return new ConfigValues(values);
        }
    }
}
