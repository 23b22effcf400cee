package io.github.wikiart.train.classifier;

import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.LearningRateSchedule;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.autoencoder.TrainedAutoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.LabelIndexMismatchException;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.PixelScaling;
import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.ClassifierArchitecture;
import io.github.wikiart.train.model.ModelDescription;
import io.github.wikiart.train.loop.LoopListener;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short StyleNet run on generated data, shared by the tests of what a run leaves behind. */
class ClassifierRunTest {
    @TempDir
    static Path dir;
    static Path data;
    static ClassifierRun.Outcome outcome;

    static ClassifierOptions smallStyleNet(int epochs) {
        return new ClassifierOptions(new ClassifierArchitecture("stylenet", 0.1, 8, 8, 32), epochs, 16, 3e-3,
                LearningRateSchedule.CONSTANT, TensorLayout.NCHW, 64);
    }

    @BeforeAll
    static void trainOnce() throws Exception {
        data = dir.resolve("data");
        SyntheticStyles.builder().styles(3).trainPerStyle(24).testPerStyle(8).size(32).seed(11).build().write(data);
        DataOptions options = DataOptions.defaults(data).withImageSize(32).withSeed(5);
        outcome = ClassifierRun.train(options, smallStyleNet(4), RunFolder.at(dir.resolve("run")), List.of());
    }

    @Test
    void trainingMeasurablyLearns() {
        List<EpochResult> epochs = outcome.training().epochs();
        assertEquals(4, epochs.size());
        double first = epochs.get(0).trainLoss();
        double last = epochs.get(3).trainLoss();
        assertTrue(last < 0.5 * first, "training loss should fall by half: " + first + " -> " + last);
        assertTrue(outcome.training().finalReport().accuracy() >= 0.8,
                "3 synthetic styles, chance 0.33: " + outcome.training().finalReport().accuracy());
    }

    @Test
    void runFolderHoldsEverythingAndTheSummaryHasTheRequiredFields() throws Exception {
        Path run = outcome.run().dir();
        for (String f : List.of("labels.txt", "model-info.json", "data.json", "metrics.csv", "model-best.zip",
                "model-last.zip", "checkpoints.json", "provenance.json", "summary.json")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        Map<String, Object> s = Json.read(run.resolve("summary.json"));
        for (String key : List.of("test_accuracy", "macro_f1", "classes", "epochs", "train_images_per_second")) {
            assertTrue(s.containsKey(key), key);
        }
        assertEquals(List.of("Hard_Edge_Stripes", "Pointillism", "Ukiyo_Waves"), s.get("classes"));
        assertEquals(5, Files.readAllLines(run.resolve("metrics.csv")).size());
        try (var files = Files.list(run)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void evalReproducesTheFinalTestNumbersExactly() throws Exception {
        ClassificationReport again = ClassifierRun.evaluate(outcome.run().dir(), Checkpoints.Which.LAST, null);
        ClassificationReport trained = outcome.training().finalReport();
        assertEquals(trained.accuracy(), again.accuracy());
        assertEquals(trained.meanLoss(), again.meanLoss());
        assertArrayEquals(trained.confusion(), again.confusion());
    }

    @Test
    void loadedModelPredictsLikeTheTrainedOneAndNamesTheRightStyle() throws Exception {
        TrainedClassifier model = TrainedClassifier.load(outcome.run().dir(), Checkpoints.Which.LAST);
        TrainedClassifier again = TrainedClassifier.load(outcome.run().dir(), Checkpoints.Which.LAST);
        int right = 0;
        for (String style : model.labels().names()) {
            BufferedImage img = ImageIO.read(data.resolve("test").resolve(style).resolve("img_00000.jpg").toFile());
            assertArrayEquals(model.probabilities(img), again.probabilities(img));
            if (model.predict(img, 1).get(0).style().equals(style)) {
                right++;
            }
        }
        assertTrue(right >= 2, "clear examples are named right: " + right + "/3");
    }

    @Test
    void theModelFileCopiedAloneLoadsAndPredictsAsFromItsRunFolder() throws Exception {
        Path alone = Files.createDirectories(dir.resolve("alone")).resolve("copied.zip");
        Files.copy(outcome.run().dir().resolve("model-last.zip"), alone);
        TrainedClassifier fromRun = TrainedClassifier.load(outcome.run().dir(), Checkpoints.Which.LAST);
        TrainedClassifier fromFile = TrainedClassifier.load(alone);
        assertEquals(fromRun.description(), fromFile.description());
        ModelDescription d = fromFile.description();
        assertEquals(ModelDescription.Kind.CLASSIFIER, d.kind());
        assertEquals("stylenet", d.architecture());
        assertEquals(new ModelInput(32, ResizeMode.STRETCH, TensorLayout.NCHW, PixelScaling.UNIT), d.input());
        assertEquals(List.of("Hard_Edge_Stripes", "Pointillism", "Ukiyo_Waves"), d.labels().names());
        for (String style : d.labels().names()) {
            BufferedImage img = ImageIO.read(data.resolve("test").resolve(style).resolve("img_00000.jpg").toFile());
            assertArrayEquals(fromRun.probabilities(img), fromFile.probabilities(img), 0.0);
        }
        try (var files = Files.list(alone.getParent())) {
            assertEquals(List.of(alone), files.toList());
        }
        // The file beside the model says the same as the one inside it.
        Map<String, Object> info = Json.read(outcome.run().dir().resolve(ModelDescription.INFO_FILE));
        assertEquals("stylenet", info.get("model"));
        assertEquals(32, info.get("image_size"));
        assertEquals("stretch", info.get("resize"));
        assertEquals("NCHW", info.get("layout"));
    }

    @Test
    void aRunFolderSavedBeforeModelsDescribedThemselvesStillLoads() throws Exception {
        Path old = Files.createDirectories(dir.resolve("old-run"));
        MultiLayerNetwork net = Checkpoints.load(outcome.run().dir(), Checkpoints.Which.LAST);
        org.deeplearning4j.util.ModelSerializer.writeModel(net, old.resolve("model-last.zip").toFile(), true);
        Files.writeString(old.resolve("model-info.json"),
                "{\"model\": \"stylenet\", \"image_size\": 32, \"resize\": \"crop\", \"layout\": \"NCHW\"}");
        Files.copy(outcome.run().dir().resolve("labels.txt"), old.resolve("labels.txt"));
        TrainedClassifier legacy = TrainedClassifier.load(old, Checkpoints.Which.LAST);
        assertEquals(new ModelInput(32, ResizeMode.CROP, TensorLayout.NCHW, PixelScaling.UNIT),
                legacy.description().input());
        assertEquals(List.of("Hard_Edge_Stripes", "Pointillism", "Ukiyo_Waves"), legacy.labels().names());
        BufferedImage img = ImageIO.read(data.resolve("test/Pointillism/img_00000.jpg").toFile());
        assertArrayEquals(TrainedClassifier.load(outcome.run().dir(), Checkpoints.Which.LAST).probabilities(img),
                legacy.probabilities(img), 0.0);
        // An autoencoder loader refuses a classifier's file, naming both kinds.
        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> TrainedAutoencoder.load(outcome.run().dir().resolve("model-last.zip")));
        assertTrue(e.getMessage().endsWith("the model kind is 'classifier', expected 'autoencoder'"), e.getMessage());
    }

    @Test
    void dataWithOtherStylesIsAClearError() throws Exception {
        Path other = dir.resolve("other");
        SyntheticStyles.builder().styles(5).trainPerStyle(1).testPerStyle(1).size(16).seed(1).build().write(other);
        LabelIndexMismatchException e = assertThrows(LabelIndexMismatchException.class,
                () -> ClassifierRun.evaluate(outcome.run().dir(), Checkpoints.Which.LAST, other));
        assertTrue(e.getMessage().contains("only in the data: [Cubist_Facets, Pop_Dots]"), e.getMessage());
    }

    @Test
    void nanLossStopsTrainingAndKeepsTheLastGoodCheckpoint() throws Exception {
        LoopListener<EpochResult, MultiLayerNetwork> poison = new LoopListener<>() {
            @Override
            public void onEpochEnd(EpochResult result, MultiLayerNetwork net, boolean best) {
                if (result.epoch() == 1) {
                    // The output layer, so that the loss is NaN whatever the layers before it make of a
                    // NaN (libnd4j's max pooling turns an all-NaN window into a finite value).
                    net.getOutputLayer().params().assign(Double.NaN);
                }
            }
        };
        RunFolder run = RunFolder.at(dir.resolve("nan-run"));
        ClassifierRun.Outcome nan = ClassifierRun.train(DataOptions.defaults(data).withImageSize(32).withSeed(5),
                smallStyleNet(3), run, List.of(poison));
        assertEquals(1, nan.training().epochs().size());
        assertTrue(nan.training().stopReason().orElseThrow().contains("epoch 2"), nan.training().stopReason().get());
        MultiLayerNetwork kept = Checkpoints.load(run.dir(), Checkpoints.Which.LAST);
        // The checkpoint was written before the poisoning listener ran? Listeners run in order:
        // metrics, checkpoints, then the extra ones, so epoch 1's checkpoint is clean.
        assertFalse(Double.isNaN(kept.params().sumNumber().doubleValue()), "the kept checkpoint is finite");
        assertEquals(1, ((Number) ((Map<?, ?>) Json.read(run.file(Checkpoints.INDEX)).get("last")).get("epoch")).intValue());
    }
}
