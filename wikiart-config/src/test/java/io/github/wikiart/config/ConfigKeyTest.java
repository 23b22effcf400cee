package io.github.wikiart.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigKeyTest {

    enum Mode { STRETCH, CROP, PAD }

    @Test
    void genericKeyTypes() {
        ConfigKey<Boolean> b = ConfigKey.ofBoolean("x.flag", false, "a flag");
        assertEquals(true, b.parse(new YamlScalar(true, "yes")));
        assertEquals(false, b.parse(YamlScalar.of("false")));
        assertThrows(ConfigException.class, () -> b.parse(YamlScalar.of("maybe")));
        ConfigKey<Double> lr = ConfigKey.ofPositiveDouble("x.learning_rate", 0.01, 10.0, "step size");
        assertEquals(0.5, lr.parse(YamlScalar.of(0.5)));
        assertEquals(1.0, lr.parse(YamlScalar.of(1)));
        assertEquals("x.learning_rate: expected a number > 0 and <= 10.0, got '0'",
                assertThrows(ConfigException.class, () -> lr.parse(YamlScalar.of(0))).getMessage());
        ConfigKey<Mode> e = ConfigKey.ofEnum("x.mode", Mode.class, Mode.CROP, "mode");
        assertEquals(Mode.PAD, e.parse(YamlScalar.of("Pad")));
        assertEquals("x.mode: expected one of stretch, crop, pad, got 'zoom'",
                assertThrows(ConfigException.class, () -> e.parse(YamlScalar.of("zoom"))).getMessage());
        assertEquals("crop", e.defaultText());
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.ofInt("Bad Name", 1, 0, 2, "x"));
        assertThrows(ConfigException.class, () -> ConfigKey.ofInt("x.bad_default", 5, 0, 2, "x"));
        assertEquals("x.count: expected an integer >= 0, got '-3'",
                assertThrows(ConfigException.class, () -> ConfigKey.ofInt("x.count", 0, 0, Integer.MAX_VALUE, "n")
                        .check(-3)).getMessage());
        assertEquals(Path.of("a/b"), ConfigKey.ofPath("x.dir", Path.of("d"), "dir").parse(YamlScalar.of("a/b")));
    }

    @Test
    void requiringGuardsCodeAndYamlAlike() {
        ConfigKey<String> k = ConfigKey.custom("x.name", ConfigKey.Type.ENUM, "a", "a or b", s -> s.text(), v -> v, "n")
                .requiring(List.of("a", "b")::contains);
        assertEquals("b", k.check("b"));
        assertEquals("x.name: expected a or b, got 'c'",
                assertThrows(ConfigException.class, () -> k.check("c")).getMessage());
        assertEquals("x.name: expected a or b, got 'c'",
                assertThrows(ConfigException.class, () -> k.parse(YamlScalar.of("c"))).getMessage());
        assertThrows(ConfigException.class, () -> ConfigKey.custom("x.other", ConfigKey.Type.CUSTOM, "z", "a", s -> "a",
                v -> v, "n").requiring("a"::equals));
    }

    @Test
    void suggesterDistances() {
        assertEquals(1, KeySuggester.distance("sed", "seed"));
        assertEquals(3, KeySuggester.distance("kitten", "sitting"));
        assertEquals(0, KeySuggester.distance("", ""));
    }
}
