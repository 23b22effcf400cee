package io.github.wikiart.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.config.ConfigKey;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.JpegLibrary;
import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.Sampling;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.classifier.ClassifierOptions;
import io.github.wikiart.train.OutputOptions;
import io.github.wikiart.train.transfer.TransferOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigWriterTest {

    private static WikiartConfig roundTrip(WikiartConfig c, boolean comments) {
        return ConfigLoader.parse(ConfigWriter.render(c, comments), "rendered.yaml", List.of());
    }

    @Test
    void defaultsRoundTrip() {
        WikiartConfig c = WikiartConfig.defaults();
        assertEquals(c, roundTrip(c, true));
        assertEquals(c, roundTrip(c, false));
    }

    @Test
    void unusualValuesRoundTrip() {
        for (Sampling s : List.of(new Sampling.Mean(), new Sampling.Max(), new Sampling.Min(),
                new Sampling.Fraction(0.8), new Sampling.Count(500), Sampling.NONE)) {
            DataOptions d = new DataOptions(Path.of("my data: #1"), "true", "123", 4096, ResizeMode.PAD, s,
                    new Sampling.Fraction(1e-3), 7, Long.MAX_VALUE, JpegLibrary.IMAGEIO, "flip,crop", 0.5, 0.25, false, 3L);
            WikiartConfig c = new WikiartConfig(Long.MIN_VALUE, d, OutputOptions.under(Path.of("'quoted' runs")),
                    ClassifierOptions.defaults(), AutoencoderOptions.defaults(), TransferOptions.defaults());
            assertEquals(c, roundTrip(c, true));
            assertEquals(c, roundTrip(c, false));
        }
    }

    @Test
    void renderIsNestedOrderedAndComplete() {
        String yaml = ConfigWriter.render(WikiartConfig.defaults(), false);
        assertEquals("""
                seed: 1
                data:
                  root: data
                  train_dir: train
                  test_dir: test
                  image_size: 64
                  resize: stretch
                  train_sampling: none
                  test_sampling: none
                  toy_sample: 0
                  max_pixels: 100000000
                  jpeg_library: turbojpeg
                  augment: none
                  crop_min: 0.8
                  validation_fraction: 0.1
                output:
                  runs_dir: runs
                  checkpoint_minutes: 10.0
                classifier:
                  model: stylenet
                  epochs: 10
                  batch_size: 32
                  learning_rate: 0.001
                  lr_schedule: constant
                  warmup_epochs: 0
                  dropout: 0.2
                  width: 32
                  gram_channels: 32
                  hidden: 128
                  layout: nchw
                  cache_mb: 1024
                  early_stopping_patience: 0
                  min_delta: 0.0
                autoencoder:
                  epochs: 20
                  batch_size: 16
                  learning_rate: 0.001
                  width: 16
                  latent_dim: 0
                  latent_divisor: 16
                  activation: gelu
                  decoder: transposed
                  latent_shape: spatial
                  layout: nchw
                  cache_mb: 1024
                  compare_every: 0
                  lr_schedule: constant
                  warmup_epochs: 0
                  early_stopping_patience: 0
                  min_delta: 0.0
                transfer:
                  method: cin
                  epochs: 10
                  batch_size: 8
                  learning_rate: 0.001
                  width: 16
                  style_weight: auto
                  content_weight: auto
                  style_layers: 1,2,3
                  embed_dim: 300
                  autoencoder_run: ''
                  decoder: transposed
                  features: random
                  feature_epochs: 5
                  content: ''
                  lr_schedule: constant
                  warmup_epochs: 0
                  residual: false
                  style_targets: class
                  colour_map: false
                  histogram_weight: 0.0
                  classifier_weight: 0.0
                  histogram_channels: rgby
                  texture_weight: 0.0
                  position_channels: false
                  grey_content: false
                  balance_styles: false
                  adversarial_weight: 0.0
                  paired_weight: 0.0
                  residual_blocks: 2
                  global_context: false
                  early_stopping_patience: 0
                  min_delta: 0.0
                """, yaml);
        String commented = ConfigWriter.render(WikiartConfig.defaults());
        for (ConfigKey<?> k : ConfigSchema.keys()) {
            assertTrue(commented.contains("# " + k.doc() + "\n"), k.name());
        }
    }

    @Test
    void markdownTableHasEveryKey() {
        String table = ConfigSchema.markdownTable();
        assertTrue(table.startsWith("| key | default | meaning |\n|---|---|---|\n"));
        for (ConfigKey<?> k : ConfigSchema.keys()) {
            assertTrue(table.contains("| `" + k.name() + "` | `" + k.defaultText() + "` | "), k.name());
        }
        assertEquals(ConfigSchema.keys().size() + 2, table.split("\n").length);
        assertTrue(table.contains("image_size: 104") || table.contains("is 104"));
    }
}
