package io.github.wikiart.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, complete assignment of a value to every key of a {@link KeySchema}: the flat form
 * of a configuration, between YAML and the typed records.
 *
 * <p>Options records read their values from here ({@code DataOptions.from(values)}) and write them
 * back ({@code writeTo(builder)}); a loader fills a {@link Builder} from the defaults, a file and
 * the overrides.
 */
public final class ConfigValues {

    private final KeySchema schema;
    private final Map<String, Object> values;

    private ConfigValues(KeySchema schema, Map<String, Object> values) {
        this.schema = schema;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param schema the keys
     * @return every key of the schema at its default
     */
    public static ConfigValues defaults(KeySchema schema) {
        return builder(schema).build();
    }

    /**
     * The defaults of a few keys, e.g. of one section: {@code defaultsOf(KEYS)}.
     *
     * @param keys the keys, grouped by section
     * @return every key at its default
     */
    public static ConfigValues defaultsOf(List<? extends ConfigKey<?>> keys) {
        return defaults(KeySchema.of(List.of(keys)));
    }

    /**
     * @param schema the keys
     * @return a builder starting from the schema's defaults
     */
    public static Builder builder(KeySchema schema) {
        return new Builder(schema);
    }

    /** @return the keys these values are for */
    public KeySchema schema() {
        return schema;
    }

    /**
     * The value of a key.
     *
     * @param key a key of the schema
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
     * @param key a key of the schema
     * @param value the new value, validated by {@link ConfigKey#check(Object)}
     * @param <T> value type
     * @return the new values
     */
    public <T> ConfigValues with(ConfigKey<T> key, T value) {
        Builder b = new Builder(schema, values);
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

        private final KeySchema schema;
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder(KeySchema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            for (ConfigKey<?> key : schema.keys()) {
                values.put(key.name(), key.defaultValue());
            }
        }

        private Builder(KeySchema schema, Map<String, Object> start) {
            this.schema = schema;
            values.putAll(start);
        }

        /** @return the keys this builder accepts */
        public KeySchema schema() {
            return schema;
        }

        /**
         * Sets one value.
         *
         * @param key a key of the schema
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
            return new ConfigValues(schema, values);
        }
    }
}
