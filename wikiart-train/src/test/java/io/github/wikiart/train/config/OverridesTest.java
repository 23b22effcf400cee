package io.github.wikiart.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.config.ConfigException;
import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.Sampling;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverridesTest {

    private static String error(List<String> overrides) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.fromOverrides(overrides)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "expected '" + p + "' in: " + message);
        }
    }

    @Test
    void overridesApplyToDefaults() {
        WikiartConfig c = ConfigLoader.fromOverrides(List.of("seed=5", "data.image_size=104",
                "data.train_sampling=0.5", "data.test_sampling=mean", "data.resize=pad",
                "data.root=/tmp/x y", "output.runs_dir=out"));
        assertEquals(5L, c.seed());
        assertEquals(104, c.data().imageSize());
        assertEquals(new Sampling.Fraction(0.5), c.data().trainSampling());
        assertEquals(new Sampling.Mean(), c.data().testSampling());
        assertEquals(ResizeMode.PAD, c.data().resize());
        assertEquals(Path.of("/tmp/x y"), c.data().root());
        assertEquals(Path.of("out"), c.output().runsDir());
    }

    @Test
    void overridesTakePrecedenceOverTheFileAndLaterOverridesWin() {
        String yaml = "seed: 3\ndata:\n  image_size: 128\n  train_sampling: max\n";
        WikiartConfig c = ConfigLoader.parse(yaml, "config.yaml",
                List.of("data.image_size=32", "data.train_sampling=", "seed = 8", "seed=9"));
        assertEquals(9L, c.seed());
        assertEquals(32, c.data().imageSize());
        assertEquals(Sampling.NONE, c.data().trainSampling());
        assertEquals(ConfigLoader.parse(yaml, "config.yaml", List.of()).data().resize(), c.data().resize());
    }

    @Test
    void valuesAreYamlScalars() {
        assertEquals(new Sampling.Count(500), ConfigLoader.fromOverrides(List.of("data.train_sampling=500")).data().trainSampling());
        assertEquals(Sampling.NONE, ConfigLoader.fromOverrides(List.of("data.train_sampling=false")).data().trainSampling());
        assertEquals("a=b", ConfigLoader.fromOverrides(List.of("data.train_dir=a=b")).data().trainDir());
        assertEquals("123", ConfigLoader.fromOverrides(List.of("data.train_dir='123'")).data().trainDir());
    }

    @Test
    void malformedOverride() {
        assertContains(error(List.of("seed")), "malformed override '--set seed'", "dotted.key=value");
        assertContains(error(List.of("=5")), "malformed override '--set =5'");
    }

    @Test
    void unknownKeyInOverrideSuggestsTheClosest() {
        assertEquals("override '--set data.imgsize=64': unknown key 'data.imgsize'; did you mean 'data.image_size'?",
                error(List.of("data.imgsize=64")));
        assertContains(error(List.of("sede=1")), "'--set sede=1'", "did you mean 'seed'?");
        assertContains(error(List.of("data=1")), "'data' is a section, not a key", "did you mean");
    }

    @Test
    void badOverrideValueNamesOverrideKeyValueAndExpectation() {
        assertEquals("override '--set data.image_size=abc': data.image_size: expected an integer in 8..4096, got 'abc'",
                error(List.of("data.image_size=abc")));
        assertContains(error(List.of("data.image_size=[1, 2]")), "data.image_size", "got a list");
        assertEquals("override '--set data.image_size=[1': invalid YAML: while parsing a flow sequence:"
                + " expected ',' or ']', but got <stream end>", error(List.of("data.image_size=[1")));
        assertContains(error(List.of("data.root=!!java.io.File [/etc]")), "'--set data.root=", "tag");
    }

    @Test
    void badOverrideAfterAGoodFileStillFails() {
        String m = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("seed: 1\n", "config.yaml", List.of("data.toy_sample=-3"))).getMessage();
        assertContains(m, "'--set data.toy_sample=-3'", "data.toy_sample", "'-3'", ">= 0");
    }
}
