package io.github.wikiart.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One configuration key: its dotted name, type, default, accepted values and one-line meaning.
 *
 * <p>A key is the single source for everything about one setting: converting a YAML value
 * ({@link #parse(YamlScalar)}), validating a value given in code ({@link #check(Object)}), the
 * default, and the YAML text written back ({@link #toYaml(Object)}). Keys are made with the static
 * factories ({@link #ofInt}, {@link #ofPath}, {@link #custom} ...), declared next to the options
 * record that holds their values and listed by a {@link KeySchema}. Keys are equal when their names
 * are equal.
 *
 * @param <T> the Java type of the value
 */
public final class ConfigKey<T> {

    /** The kind of value a key holds; informs documentation and tooling. */
    public enum Type {
        /** A 32-bit integer. */
        INT,
        /** A 64-bit integer. */
        LONG,
        /** A floating-point number. */
        DOUBLE,
        /** A non-empty string. */
        STRING,
        /** A file-system path. */
        PATH,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** One of a fixed set of names. */
        ENUM,
        /** Anything else, with its own parser. */
        CUSTOM
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    private final String name;
    private final Type type;
    private final T defaultValue;
    private final String expected;
    private final String doc;
    private final Function<YamlScalar, T> parser;
    private final Predicate<T> valid;
    private final Function<T, Object> yamlForm;

    private ConfigKey(String name, Type type, T defaultValue, String expected, String doc,
            Function<YamlScalar, T> parser, Predicate<T> valid, Function<T, Object> yamlForm) {
        this.name = Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid config key name '" + name
                    + "': expected lower-case words joined by '.' and '_'");
        }
        this.type = Objects.requireNonNull(type, "type");
        this.expected = Objects.requireNonNull(expected, "expected");
        this.doc = Objects.requireNonNull(doc, "doc");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.valid = Objects.requireNonNull(valid, "valid");
        this.yamlForm = Objects.requireNonNull(yamlForm, "yamlForm");
        this.defaultValue = check(defaultValue);
    }

    /**
     * An integer key with an inclusive range.
     *
     * @param name dotted name
     * @param defaultValue default, inside the range
     * @param min smallest accepted value
     * @param max largest accepted value
     * @param doc one-line meaning
     * @return the key
     */
    public static ConfigKey<Integer> ofInt(String name, int defaultValue, int min, int max, String doc) {
        return new ConfigKey<>(name, Type.INT, defaultValue,
                "an integer" + range(min, max, Integer.MIN_VALUE, Integer.MAX_VALUE), doc,
                s -> Math.toIntExact(wholeNumber(s)), v -> v >= min && v <= max, v -> v);
    }

    /**
     * A 64-bit integer key with an inclusive range.
     *
     * @param name dotted name
     * @param defaultValue default, inside the range
     * @param min smallest accepted value
     * @param max largest accepted value
     * @param doc one-line meaning
     * @return the key
     */
    public static ConfigKey<Long> ofLong(String name, long defaultValue, long min, long max, String doc) {
        return new ConfigKey<>(name, Type.LONG, defaultValue,
                "an integer" + range(min, max, Long.MIN_VALUE, Long.MAX_VALUE), doc,
                ConfigKey::wholeNumber, v -> v >= min && v <= max, v -> v);
    }

    /**
     * A number key with an inclusive range.
     *
     * @param name dotted name
     * @param defaultValue default, inside the range
     * @param min smallest accepted value
     * @param max largest accepted value
     * @param doc one-line meaning
     * @return the key
     */
    public static ConfigKey<Double> ofDouble(String name, double defaultValue, double min, double max, String doc) {
        return new ConfigKey<>(name, Type.DOUBLE, defaultValue, "a number in " + min + ".." + max, doc,
                ConfigKey::number, v -> v >= min && v <= max, v -> v);
    }

    /**
     * A number key that must be above zero and at most {@code max} (learning rates, weights).
     *
     * @param name dotted name
     * @param defaultValue default, inside the range
     * @param max largest accepted value
     * @param doc one-line meaning
     * @return the key
     */
    public static ConfigKey<Double> ofPositiveDouble(String name, double defaultValue, double max, String doc) {
        return new ConfigKey<>(name, Type.DOUBLE, defaultValue, "a number > 0 and <= " + max, doc,
                ConfigKey::number, v -> v > 0 && v <= max, v -> v);
    }

    /**
     * A non-empty string key. Any scalar is taken as written ({@code 2020} is the string
     * {@code "2020"}).
     *
     * @param name dotted name
     * @param defaultValue default, not blank
     * @param doc one-line meaning
     * @return the key
     */
    public static ConfigKey<String> ofString(String name, String defaultValue, String doc) {
        return new ConfigKey<>(name, Type.STRING, defaultValue, "a non-empty string", doc,
                s -> s.isNull() ? null : s.text(), v -> !v.isBlank(), v -> v);
    }

    /**
     * A path key; relative paths stay relative (resolved by whoever uses them).
     *
     * @param name dotted name
     * @param defaultValue default
     * @param doc one-line meaning
     * @return the key
     */
    public static ConfigKey<Path> ofPath(String name, Path defaultValue, String doc) {
        return new ConfigKey<>(name, Type.PATH, defaultValue, "a non-empty path", doc,
                s -> s.isNull() || s.text().isBlank() ? null : Path.of(s.text()),
                v -> !v.toString().isEmpty(), Path::toString);
    }

    /**
     * A boolean key ({@code true}/{@code false}; YAML also reads {@code yes}/{@code no}).
     *
     * @param name dotted name
     * @param defaultValue default
     * @param doc one-line meaning
     * @return the key
     */
    public static ConfigKey<Boolean> ofBoolean(String name, boolean defaultValue, String doc) {
        return new ConfigKey<>(name, Type.BOOLEAN, defaultValue, "true or false", doc,
                ConfigKey::bool, v -> true, v -> v);
    }

    /**
     * A key naming a constant of {@code enumType}, written in lower case ({@code '-'} reads as
     * {@code '_'}).
     *
     * @param name dotted name
     * @param enumType the enum
     * @param defaultValue default
     * @param doc one-line meaning
     * @param <E> the enum type
     * @return the key
     */
    public static <E extends Enum<E>> ConfigKey<E> ofEnum(String name, Class<E> enumType, E defaultValue, String doc) {
        E[] constants = enumType.getEnumConstants();
        String names = Arrays.stream(constants).map(ConfigKey::lower).collect(Collectors.toList()).toString();
        return new ConfigKey<>(name, Type.ENUM, defaultValue,
                "one of " + names.substring(1, names.length() - 1), doc,
                s -> {
                    String v = s.text().trim().toLowerCase(Locale.ROOT).replace('-', '_');
                    for (E e : constants) {
                        if (lower(e).equals(v)) {
                            return e;
                        }
                    }
                    throw new IllegalArgumentException("no such constant: " + v);
                },
                v -> true, ConfigKey::lower);
    }

    /**
     * A key with its own parser, for values such as a sampling rule or a resize mode.
     *
     * @param name dotted name
     * @param type the kind of value, usually {@link Type#ENUM} or {@link Type#CUSTOM}
     * @param defaultValue default
     * @param expected what is accepted, completing "expected ..." (e.g. {@code "stretch, crop or pad"})
     * @param parser converts a scalar; throws {@link IllegalArgumentException} when it cannot
     * @param yamlForm the value as a plain YAML scalar (a string, number or boolean)
     * @param doc one-line meaning
     * @param <T> value type
     * @return the key
     */
    public static <T> ConfigKey<T> custom(String name, Type type, T defaultValue, String expected,
            Function<YamlScalar, T> parser, Function<T, Object> yamlForm, String doc) {
        return new ConfigKey<>(name, type, defaultValue, expected, doc, parser, v -> true, yamlForm);
    }

    /**
     * A copy that also requires {@code rule}, in {@link #check(Object)} as in {@link #parse(YamlScalar)}:
     * for keys made with {@link #custom}, whose parser alone guards the values read from YAML.
     *
     * @param rule what a valid value satisfies; {@link #expected()} should say it
     * @return the key
     * @throws ConfigException when the default breaks the rule
     */
    public ConfigKey<T> requiring(Predicate<T> rule) {
        Objects.requireNonNull(rule, "rule");
        return new ConfigKey<>(name, type, defaultValue, expected, doc, parser, valid.and(rule), yamlForm);
    }

    /** @return the full dotted name, e.g. {@code data.image_size} */
    public String name() {
        return name;
    }

    /** @return the kind of value */
    public Type type() {
        return type;
    }

    /** @return the default value */
    public T defaultValue() {
        return defaultValue;
    }

    /** @return what is accepted, e.g. {@code "an integer in 8..4096"} */
    public String expected() {
        return expected;
    }

    /** @return the one-line meaning */
    public String doc() {
        return doc;
    }

    /** @return the section part of the name ({@code data} for {@code data.root}; empty at top level) */
    public String section() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    /** @return the last segment of the name ({@code root} for {@code data.root}) */
    public String leafName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * Converts and validates a YAML scalar.
     *
     * @param scalar the value as written
     * @return the value
     * @throws ConfigException {@code "<key>: expected <expected>, got '<text>'"}
     */
    public T parse(YamlScalar scalar) {
        Objects.requireNonNull(scalar, "scalar");
        T value;
        try {
            value = parser.apply(scalar);
        } catch (IllegalArgumentException | ArithmeticException | ClassCastException e) {
            throw mismatch(scalar.isNull() && scalar.text().isEmpty() ? null : "'" + scalar.text() + "'");
        }
        if (value == null || !valid.test(value)) {
            throw mismatch(scalar.isNull() && scalar.text().isEmpty() ? null : "'" + scalar.text() + "'");
        }
        return value;
    }

    /**
     * Validates a value given in code (used by the records' compact constructors).
     *
     * @param value the value
     * @return the value
     * @throws ConfigException when it is null or out of range, naming the key
     */
    public T check(T value) {
        if (value == null) {
            throw mismatch(null);
        }
        if (!valid.test(value)) {
            throw mismatch("'" + yamlForm.apply(value) + "'");
        }
        return value;
    }

    /**
     * The value as a plain YAML scalar.
     *
     * @param value a value of this key
     * @return a string, number or boolean
     */
    public Object toYaml(T value) {
        return yamlForm.apply(value);
    }

    /**
     * Like {@link #toYaml(Object)} for a value whose type is only known at run time.
     *
     * @param value a value of this key
     * @return a string, number or boolean
     * @throws ClassCastException when the value is of another type
     */
    public Object toYamlUnchecked(Object value) {
        @SuppressWarnings("unchecked")
        T v = (T) value;
        return yamlForm.apply(v);
    }

    /** @return the default as text, e.g. {@code 64} or {@code none} */
    public String defaultText() {
        return String.valueOf(toYaml(defaultValue));
    }

    private ConfigException mismatch(String got) {
        return new ConfigException(name + ": expected " + expected + ", got " + (got == null ? "nothing" : got));
    }

    private static String range(long min, long max, long lowest, long highest) {
        if (min == lowest && max == highest) {
            return "";
        } else if (max == highest) {
            return " >= " + min;
        } else if (min == lowest) {
            return " <= " + max;
        }
        return " in " + min + ".." + max;
    }

    private static long wholeNumber(YamlScalar s) {
        Object v = s.value();
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof String str) {
            return Long.parseLong(str.trim().replace("_", ""));
        }
        throw new IllegalArgumentException("not an integer");
    }

    private static double number(YamlScalar s) {
        Object v = s.value();
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String str) {
            return Double.parseDouble(str.trim());
        }
        throw new IllegalArgumentException("not a number");
    }

    private static boolean bool(YamlScalar s) {
        Object v = s.value();
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String str) {
            String t = str.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return t.equals("true");
            }
        }
        throw new IllegalArgumentException("not a boolean");
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigKey<?> k && k.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** @return the dotted name */
    @Override
    public String toString() {
        return name;
    }
}
