package io.github.wikiart.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wikiart.config.ConfigException;
import io.github.wikiart.config.ConfigValues;
import io.github.wikiart.data.Augmentation;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.JpegLibrary;
import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.Sampling;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.ClassifierArchitecture;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.classifier.ClassifierOptions;
import io.github.wikiart.train.LearningRateSchedule;
import io.github.wikiart.train.OutputOptions;
import io.github.wikiart.train.transfer.CinTransferOptions;
import io.github.wikiart.train.transfer.TransferOptions;
import io.github.wikiart.train.transfer.seed.SeedTransferOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The defaults a user gets from YAML are the library records' own defaults, and every section
 * record names key, value and expectation when it refuses a value, whether it is built by the
 * loader or in code.
 */
class SectionDefaultsTest {

    private static String refusedLoading(String yaml) {
        return refused(() -> ConfigLoader.parse(yaml));
    }

    private static String refused(Runnable build) {
        return assertThrows(ConfigException.class, build::run).getMessage();
    }

    @Test
    void anEmptyDocumentGivesEveryRecordsDefaults() {
        WikiartConfig c = ConfigLoader.parse("");
        assertEquals(DataOptions.SEED.defaultValue(), c.seed());
        assertEquals(DataOptions.defaults(), c.data());
        assertEquals(OutputOptions.defaults(), c.output());
        assertEquals(ClassifierOptions.defaults(), c.classifier());
        assertEquals(AutoencoderOptions.defaults(), c.autoencoder());
        assertEquals(TransferOptions.defaults(), c.transfer());
        assertEquals(new WikiartConfig(1L, DataOptions.defaults(), OutputOptions.defaults(),
                ClassifierOptions.defaults(), AutoencoderOptions.defaults(), TransferOptions.defaults()), c);
    }

    @Test
    void eachSectionReadsItsOwnKeysDefaultsAlone() {
        assertEquals(DataOptions.defaults(), DataOptions.from(ConfigValues.defaultsOf(DataOptions.KEYS)));
        assertEquals(OutputOptions.defaults(), OutputOptions.from(ConfigValues.defaultsOf(OutputOptions.KEYS)));
        assertEquals(ClassifierOptions.defaults(),
                ClassifierOptions.from(ConfigValues.defaultsOf(ClassifierOptions.KEYS)));
        assertEquals(AutoencoderOptions.defaults(),
                AutoencoderOptions.from(ConfigValues.defaultsOf(AutoencoderOptions.KEYS)));
        assertEquals(TransferOptions.defaults(), TransferOptions.from(ConfigValues.defaultsOf(TransferOptions.KEYS)));
    }

    @Test
    void theDefaultsAreTheDocumentedNumbers() {
        assertEquals(new DataOptions(Path.of("data"), "train", "test", 64, ResizeMode.STRETCH, Sampling.NONE,
                Sampling.NONE, 0, 100_000_000L, JpegLibrary.TURBOJPEG, false, 1L, Augmentation.NONE),
                DataOptions.defaults());
        assertEquals(new ClassifierOptions(new ClassifierArchitecture("stylenet", 0.2, 32, 32, 128), 10, 32, 1e-3,
                LearningRateSchedule.CONSTANT, TensorLayout.NCHW, 1024), ClassifierOptions.defaults());
        assertEquals(new AutoencoderOptions(16, 0, 16, ConvAutoencoder.Act.GELU, ConvAutoencoder.Upsampler.TRANSPOSED,
                ConvAutoencoder.LatentShape.SPATIAL, 20, 16, 1e-3, TensorLayout.NCHW, 1024, 0),
                AutoencoderOptions.defaults());
        TransferOptions t = TransferOptions.defaults();
        TransferOptions cinDefaults = TransferOptions.builder().method("cin").epochs(10).batchSize(8)
                .learningRate(1e-3).width(16).styleWeight(Double.NaN).contentWeight(Double.NaN)
                .styleLayers(List.of(1, 2, 3)).embedDim(300).autoencoderRun(null).upsample(false).residual(false)
                .features(CinTransferOptions.Features.RANDOM).featureEpochs(5).content(null)
                .schedule(LearningRateSchedule.CONSTANT).build();
        assertEquals(cinDefaults, t);
        assertEquals(TransferOptions.builder().build(), t);
        assertEquals(CinTransferOptions.builder().width(16).styleWeight(1e6).contentWeight(5.0).epochs(10).batchSize(8)
                .learningRate(1e-3).seed(7L).upsample(false).residual(false)
                .features(CinTransferOptions.Features.RANDOM).featureEpochs(5).schedule(LearningRateSchedule.CONSTANT)
                .build(), t.cin(7L));
        assertEquals(CinTransferOptions.builder().seed(7L).build(), t.cin(7L));
        assertEquals(new SeedTransferOptions(300, 1e6, 1.0, List.of(1, 2, 3), 10, 10, 8, 1e-3, 7L),
                cinDefaults.toBuilder().method("seed").build().seedMethod(7L));
        assertEquals(Path.of("runs"), OutputOptions.defaults().runsDir());
    }

    @Test
    void derivedViewsKeepTheOldAccessors() {
        ClassifierOptions c = ConfigLoader.parse("classifier:\n  model: seed\n  dropout: 0.5\n"
                + "  lr_schedule: cosine\n  warmup_epochs: 2\n").classifier();
        assertEquals(new ClassifierArchitecture("seed", 0.5, 32, 32, 128), c.architecture());
        assertEquals(new LearningRateSchedule(LearningRateSchedule.Shape.COSINE, 2), c.schedule());
        assertEquals(c, new ClassifierOptions(c.architecture(), c.epochs(), c.batchSize(), c.learningRate(),
                c.schedule(), c.layout(), c.cacheMegabytes()));
        TransferOptions t = ConfigLoader.parse("transfer:\n  decoder: upsample\n  autoencoder_run: runs/ae\n").transfer();
        assertEquals(true, t.upsample());
        assertEquals(Path.of("runs/ae"), t.autoencoderRun());
        assertNull(t.content());
        DataOptions d = ConfigLoader.parse("data:\n  augment: flip\n  crop_min: 0.5\n").data();
        assertEquals(new Augmentation(true, 1.0), d.augmentation());
        assertEquals(0.5, d.cropMin());
        assertEquals(new Augmentation(true, 0.5), d.withAugmentation(new Augmentation(true, 0.5)).augmentation());
    }

    @Test
    void theSeedReachesTheDataSection() {
        WikiartConfig c = ConfigLoader.parse("seed: 42\n");
        assertEquals(42L, c.data().seed());
        assertEquals(43L, c.withSeed(43L).data().seed());
    }

    @Test
    void everySectionRecordNamesKeyValueAndExpectation() {
        assertEquals("data.crop_min: expected a number in 0.05..1.0, got '0.01'",
                refused(() -> DataOptions.defaults().withAugmentation(new Augmentation(false, 0.01))));
        assertEquals("data.max_pixels: expected an integer >= 1, got '0'",
                refused(() -> DataOptions.defaults().withMaxPixels(0)));
        assertEquals("output.runs_dir: expected a non-empty path, got ''", refused(() -> OutputOptions.under(Path.of(""))));
        assertEquals("classifier.model: expected stylenet, seed or stats, got 'vgg'",
                refused(() -> new ClassifierOptions("vgg", 10, 32, 1e-3, LearningRateSchedule.Shape.CONSTANT, 0, 0.2,
                        32, 32, 128, TensorLayout.NCHW, 1024, 0, 0.0)));
        assertEquals("classifier.dropout: expected a number in 0.0..0.95, got '0.97'",
                refused(() -> ClassifierOptions.defaults().withArchitecture(
                        new ClassifierArchitecture("stylenet", 0.97, 32, 32, 128))));
        assertEquals("classifier.warmup_epochs: 10 warm-up epochs must be fewer than classifier.epochs (10)",
                refused(() -> ClassifierOptions.defaults().withSchedule(
                        new LearningRateSchedule(LearningRateSchedule.Shape.STEP, 10))));
        assertEquals("autoencoder.width: expected an integer in 1..4096, got '0'",
                refused(() -> new AutoencoderOptions(0, 0, 16, ConvAutoencoder.Act.GELU,
                        ConvAutoencoder.Upsampler.TRANSPOSED, ConvAutoencoder.LatentShape.SPATIAL, 20, 16, 1e-3,
                        TensorLayout.NCHW, 1024, 0)));
        assertEquals("transfer.style_weight: expected auto or a number >= 0, got '-1.0'",
                refused(() -> TransferOptions.builder().styleWeight(-1.0).styleLayers(List.of(1)).build()));
        assertEquals("transfer.style_layers: expected comma-separated layers from 1..3, e.g. 1,2,3, got '1,4'",
                refused(() -> TransferOptions.builder().method("seed").styleLayers(List.of(1, 4)).build()));
        assertEquals("transfer.colour_map: true needs transfer.residual: true (the colour map is added to a residual "
                + "network's change)", refusedLoading("transfer:\n  colour_map: true\n"));
        assertEquals("config line 2: transfer.style_targets: expected class, shift, quantile or paired, got 'mean'",
                refusedLoading("transfer:\n  style_targets: mean\n"));
        assertEquals("config line 2: transfer.histogram_weight: expected a number in 0.0..1.0E12, got '-1'",
                refusedLoading("transfer:\n  histogram_weight: -1\n"));
        TransferOptions shifted = ConfigLoader.parse("transfer:\n  residual: true\n  colour_map: true\n"
                + "  style_targets: shift\n  histogram_weight: 50\n").transfer();
        assertEquals(CinTransferOptions.builder().seed(7L).residual(true)
                .styleTargets(CinTransferOptions.StyleTargets.SHIFT).colourMap(true).histogramWeight(50.0).build(),
                shifted.cin(7L));
        assertEquals(shifted, shifted.withEpochs(3).withEpochs(10));
        assertEquals(shifted, shifted.toBuilder().build());
        assertEquals(shifted.cin(7L), shifted.cin(7L).toBuilder().build());
        assertEquals("transfer.method: expected cin or seed, got 'gatys'",
                refused(() -> TransferOptions.builder().method("gatys").styleLayers(List.of(1)).build()));
    }
}
