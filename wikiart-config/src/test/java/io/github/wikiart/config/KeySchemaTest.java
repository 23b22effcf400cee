package io.github.wikiart.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The key machinery on a small schema of its own: reading, overriding, writing, suggesting. */
class KeySchemaTest {

    private static final ConfigKey<Long> SEED = ConfigKey.ofLong("seed", 1L, Long.MIN_VALUE, Long.MAX_VALUE, "seed");
    private static final ConfigKey<Path> ROOT = ConfigKey.ofPath("io.root", Path.of("data"), "where the data is");
    private static final ConfigKey<Integer> SIZE = ConfigKey.ofInt("io.size", 64, 8, 4096, "image side");
    private static final ConfigKey<Boolean> FAST = ConfigKey.ofBoolean("run.fast", false, "go fast");
    private static final KeySchema SCHEMA = KeySchema.of(List.of(List.of(SEED), List.of(ROOT, SIZE), List.of(FAST)));

    private static ConfigValues read(String yaml, List<String> overrides) {
        ConfigValues.Builder b = ConfigValues.builder(SCHEMA);
        YamlConfigReader.read(yaml, "test.yaml", b);
        OverrideParser.apply(overrides, b);
        return b.build();
    }

    private static String error(String yaml, List<String> overrides) {
        return assertThrows(ConfigException.class, () -> read(yaml, overrides)).getMessage();
    }

    @Test
    void schemaAnswersQuestionsAboutItsKeys() {
        assertEquals(List.of("seed", "io.root", "io.size", "run.fast"), SCHEMA.keyNames());
        assertEquals(Set.of("io", "run"), SCHEMA.sections());
        assertEquals(List.of(ROOT, SIZE), SCHEMA.keysOf("io"));
        assertEquals(Optional.of(SIZE), SCHEMA.key("io.size"));
        assertEquals(Optional.of("io.size"), SCHEMA.suggest("size", false));
        assertEquals(Optional.of("run"), SCHEMA.suggest("rnu", true));
        assertEquals("seed=1", SCHEMA.exampleOverride());
        assertEquals("| key | default | meaning |\n|---|---|---|\n"
                + "| `seed` | `1` | seed; an integer |\n"
                + "| `io.root` | `data` | where the data is; a non-empty path |\n"
                + "| `io.size` | `64` | image side; an integer in 8..4096 |\n"
                + "| `run.fast` | `false` | go fast; true or false |\n", SCHEMA.markdownTable());
    }

    @Test
    void badSchemasAreRefused() {
        assertThrows(IllegalStateException.class, () -> KeySchema.of(List.of(List.of(SIZE), List.of(SIZE))));
        assertThrows(IllegalStateException.class, () -> KeySchema.of(List.of(List.of(SIZE, FAST, ROOT))));
        ConfigKey<Integer> io = ConfigKey.ofInt("io", 1, 0, 2, "a key named like a section");
        assertThrows(IllegalStateException.class, () -> KeySchema.of(List.of(List.of(io, SIZE))));
    }

    @Test
    void yamlThenOverridesThenValues() {
        ConfigValues v = read("seed: 3\nio:\n  size: 128\n", List.of("run.fast=yes", "io.size=32"));
        assertEquals(3L, v.get(SEED));
        assertEquals(32, v.get(SIZE));
        assertEquals(true, v.get(FAST));
        assertEquals(Path.of("data"), v.get(ROOT));
        assertEquals(ConfigValues.defaults(SCHEMA), read("", List.of()));
        assertEquals(64, ConfigValues.defaultsOf(List.of(ROOT, SIZE)).get(SIZE));
    }

    @Test
    void errorsNameSourceLineKeyValueAndExpectation() {
        assertEquals("test.yaml line 3: io.size: expected an integer in 8..4096, got '4'",
                error("seed: 1\nio:\n  size: 4\n", List.of()));
        assertEquals("test.yaml line 2: unknown key 'io.sise'; did you mean 'io.size'?",
                error("io:\n  sise: 4\n", List.of()));
        assertEquals("override '--set io.size=x': io.size: expected an integer in 8..4096, got 'x'",
                error("", List.of("io.size=x")));
        assertEquals("malformed override '--set size': expected dotted.key=value, e.g. --set io.size=104",
                assertThrows(ConfigException.class, () -> {
                    ConfigValues.Builder b = ConfigValues.builder(SCHEMA.withExampleOverride("io.size=104"));
                    OverrideParser.apply(List.of("size"), b);
                }).getMessage());
        assertTrue(error("io: !!java.io.File [/etc]\n", List.of()).contains("tag"));
    }

    @Test
    void writtenYamlReadsBackToTheSameValues() {
        ConfigValues v = ConfigValues.defaults(SCHEMA).with(ROOT, Path.of("my data: #1")).with(SEED, -7L);
        String yaml = YamlConfigWriter.render(v, false);
        assertEquals("seed: -7\nio:\n  root: 'my data: #1'\n  size: 64\nrun:\n  fast: false\n", yaml);
        assertEquals(v, read(yaml, List.of()));
        assertEquals(v, read(YamlConfigWriter.render(v, true), List.of()));
        assertThrows(UnsupportedOperationException.class, () -> v.asMap().put("seed", 2L));
    }
}
