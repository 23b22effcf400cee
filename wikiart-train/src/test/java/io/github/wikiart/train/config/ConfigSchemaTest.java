package io.github.wikiart.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.config.ConfigException;
import io.github.wikiart.config.ConfigKey;
import io.github.wikiart.config.ConfigValues;
import io.github.wikiart.data.Augmentation;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.JpegLibrary;
import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.Sampling;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.classifier.ClassifierOptions;
import io.github.wikiart.train.LearningRateSchedule;
import io.github.wikiart.train.OutputOptions;
import io.github.wikiart.train.TrainingKeys;
import io.github.wikiart.train.transfer.TransferOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigSchemaTest {

    @Test
    void schemaListsTheKeysInOrder() {
        assertEquals(List.of("seed", "data.root", "data.train_dir", "data.test_dir", "data.image_size",
                "data.resize", "data.train_sampling", "data.test_sampling", "data.toy_sample",
                "data.max_pixels", "data.jpeg_library", "data.augment", "data.crop_min", "data.validation_fraction",
                "output.runs_dir", "output.checkpoint_minutes",
                "classifier.model", "classifier.epochs", "classifier.batch_size", "classifier.learning_rate",
                "classifier.lr_schedule", "classifier.warmup_epochs", "classifier.dropout", "classifier.width",
                "classifier.gram_channels", "classifier.hidden", "classifier.layout", "classifier.cache_mb",
                "classifier.early_stopping_patience", "classifier.min_delta",
                "autoencoder.epochs", "autoencoder.batch_size", "autoencoder.learning_rate", "autoencoder.width",
                "autoencoder.latent_dim", "autoencoder.latent_divisor", "autoencoder.activation", "autoencoder.decoder",
                "autoencoder.latent_shape", "autoencoder.layout", "autoencoder.cache_mb", "autoencoder.compare_every",
                "autoencoder.lr_schedule", "autoencoder.warmup_epochs", "autoencoder.early_stopping_patience",
                "autoencoder.min_delta", "transfer.method",
                "transfer.epochs", "transfer.batch_size", "transfer.learning_rate", "transfer.width",
                "transfer.style_weight", "transfer.content_weight", "transfer.style_layers", "transfer.embed_dim",
                "transfer.autoencoder_run", "transfer.decoder", "transfer.features", "transfer.feature_epochs",
                "transfer.content", "transfer.lr_schedule", "transfer.warmup_epochs", "transfer.residual",
                "transfer.style_targets", "transfer.colour_map", "transfer.histogram_weight",
                "transfer.classifier_weight", "transfer.histogram_channels", "transfer.texture_weight",
                "transfer.position_channels", "transfer.grey_content",
                "transfer.balance_styles",
                "transfer.adversarial_weight", "transfer.paired_weight", "transfer.residual_blocks",
                "transfer.global_context",
                "transfer.early_stopping_patience", "transfer.min_delta"),
                ConfigSchema.keyNames());
        assertEquals(Set.of("data", "output", "classifier", "autoencoder", "transfer"), ConfigSchema.sections());
        assertTrue(ConfigSchema.isSection("data"));
        assertTrue(ConfigSchema.key("data.image_size").isPresent());
        assertEquals(Optional.empty(), ConfigSchema.key("data"));
    }

    @Test
    void oneVocabularyLeafNamesMeanTheSameEverywhere() {
        Map<String, ConfigKey<?>> byLeaf = new HashMap<>();
        for (ConfigKey<?> k : ConfigSchema.keys()) {
            ConfigKey<?> other = byLeaf.putIfAbsent(k.leafName(), k);
            if (other != null) {
                assertEquals(other.type(), k.type(), k.name() + " vs " + other.name());
                assertEquals(other.expected(), k.expected(), k.name() + " vs " + other.name());
                assertEquals(other.doc(), k.doc(), k.name() + " vs " + other.name());
            }
        }
        assertEquals(TrainingKeys.epochs("classifier", 10).expected(), TrainingKeys.epochs("transfer", 3).expected());
        assertEquals("autoencoder.learning_rate", TrainingKeys.learningRate("autoencoder", 1e-3).name());
    }

    @Test
    void suggester() {
        assertEquals(Optional.of("data.train_dir"), ConfigSchema.suggest("data.trian_dir", false));
        assertEquals(Optional.of("data.max_pixels"), ConfigSchema.suggest("max_pixel", false));
        assertEquals(Optional.of("output.runs_dir"), ConfigSchema.suggest("output.run_dir", false));
        assertEquals(Optional.of("data.test_dir"), ConfigSchema.suggest("DATA.TEST_DIR", false));
        assertEquals(Optional.of("output"), ConfigSchema.suggest("outptu", true));
        assertTrue(ConfigSchema.suggest("completely_unrelated_thing", false).isPresent());
    }

    @Test
    void compactConstructorsValidateAndNameTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> new DataOptions(Path.of("d"), "train", "test",
                2, ResizeMode.STRETCH, Sampling.NONE, Sampling.NONE, 0, 1, JpegLibrary.TURBOJPEG, "none", 0.8, 0.1, false, 1));
        assertEquals("data.image_size: expected an integer in 8..4096, got '2'", e.getMessage());
        e = assertThrows(ConfigException.class, () -> new DataOptions(Path.of("d"), " ", "test",
                64, ResizeMode.STRETCH, Sampling.NONE, Sampling.NONE, 0, 1, JpegLibrary.TURBOJPEG, "none", 0.8, 0.1, false, 1));
        assertTrue(e.getMessage().startsWith("data.train_dir: expected a non-empty string"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> new DataOptions(Path.of("d"), "train", "test",
                64, null, Sampling.NONE, Sampling.NONE, 0, 1, JpegLibrary.TURBOJPEG, "none", 0.8, 0.1, false, 1));
        assertEquals("data.resize: expected stretch, crop or pad, got nothing", e.getMessage());
        e = assertThrows(ConfigException.class, () -> OutputOptions.under(null));
        assertTrue(e.getMessage().startsWith("output.runs_dir:"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> new WikiartConfig(1, null, OutputOptions.defaults(),
                ClassifierOptions.defaults(), AutoencoderOptions.defaults(), TransferOptions.defaults()));
        assertTrue(e.getMessage().startsWith("data:"), e.getMessage());
    }

    @Test
    void valuesAreImmutableAndValidated() {
        ConfigValues d = ConfigValues.defaults(ConfigSchema.schema());
        ConfigValues changed = d.with(DataOptions.IMAGE_SIZE, 104);
        assertEquals(64, d.get(DataOptions.IMAGE_SIZE));
        assertEquals(104, changed.get(DataOptions.IMAGE_SIZE));
        assertEquals(104, WikiartConfig.from(changed).data().imageSize());
        assertEquals(WikiartConfig.defaults().toValues(), d);
        assertThrows(UnsupportedOperationException.class, () -> d.asMap().put("seed", 2L));
        assertThrows(ConfigException.class, () -> d.with(DataOptions.TOY_SAMPLE, -1));
        assertThrows(IllegalArgumentException.class,
                () -> d.with(ConfigKey.ofInt("nope.key", 1, 0, 2, "not in the schema"), 1));
    }

    @Test
    void scheduleWarmUpAndAugmentationValuesAreCheckedByName() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromOverrides(
                List.of("classifier.epochs=3", "classifier.warmup_epochs=3")));
        assertTrue(e.getMessage().contains("classifier.warmup_epochs") && e.getMessage().contains("classifier.epochs"),
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigLoader.fromOverrides(List.of("classifier.lr_schedule=linear")));
        assertTrue(e.getMessage().contains("classifier.lr_schedule") && e.getMessage().contains("linear"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigLoader.fromOverrides(List.of("data.augment=flip,jitter")));
        assertTrue(e.getMessage().contains("data.augment") && e.getMessage().contains("jitter"), e.getMessage());
        WikiartConfig c = ConfigLoader.fromOverrides(List.of("data.augment=Crop", "data.crop_min=0.6",
                "classifier.lr_schedule=step", "classifier.warmup_epochs=2"));
        assertEquals(new Augmentation(false, 0.6), c.data().augmentation());
        assertEquals(new LearningRateSchedule(LearningRateSchedule.Shape.STEP, 2), c.classifier().schedule());
    }
}
