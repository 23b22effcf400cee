package io.github.wikiart.train.autoencoder;

import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.RunFolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.PixelScaling;
import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.train.model.ModelDescription;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class AutoencoderRunTest {
    @TempDir
    static Path dir;
    static AutoencoderRun.Outcome outcome;

    @BeforeAll
    static void trainOnce() throws Exception {
        Path data = dir.resolve("data");
        SyntheticStyles.builder().styles(3).trainPerStyle(16).testPerStyle(6).size(16).seed(4).build().write(data);
        AutoencoderOptions options = new AutoencoderOptions(4, 16, 64, ConvAutoencoder.Act.GELU,
                ConvAutoencoder.Upsampler.TRANSPOSED, ConvAutoencoder.LatentShape.VECTOR, 12, 4, 2e-3,
                TensorLayout.NHWC, 16, 0);
        outcome = AutoencoderRun.train(DataOptions.defaults(data).withImageSize(16).withSeed(2), options,
                RunFolder.at(dir.resolve("run")), List.of());
    }

    @Test
    void trainingMeasurablyLearnsAndBeatsTheMeanImage() {
        List<AutoencoderEpoch> epochs = outcome.training().epochs();
        assertEquals(12, epochs.size());
        assertTrue(epochs.get(11).testMse() < 0.7 * epochs.get(0).testMse(),
                epochs.get(0).testMse() + " -> " + epochs.get(11).testMse());
        double baseline = (Double) outcome.summary().get("baseline_mean_image_mse");
        assertTrue(epochs.get(11).testMse() < baseline, epochs.get(11).testMse() + " vs baseline " + baseline);
    }

    @Test
    void runFolderAndSummaryHoldWhatLaterCommandsNeed() throws Exception {
        Path run = outcome.run().dir();
        for (String f : List.of("labels.txt", "model-info.json", "data.json", "metrics.csv", "model-best.zip",
                "model-last.zip", "checkpoints.json", "summary.json")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        Map<String, Object> s = Json.read(run.resolve("summary.json"));
        for (String key : List.of("best_epoch", "test_mse", "test_psnr_db", "baseline_mean_image_psnr_db")) {
            assertTrue(s.containsKey(key), key);
        }
        double mse = ((Number) s.get("test_mse")).doubleValue();
        assertEquals(10 * Math.log10(1 / mse), ((Number) s.get("test_psnr_db")).doubleValue(), 1e-9);
        Map<String, Object> index = Json.read(run.resolve(Checkpoints.INDEX));
        assertTrue(((Map<?, ?>) index.get("best")).containsKey("validation_mse"));
        assertEquals(16, ((Number) ((Map<?, ?>) index.get("model")).get("latent_dim")).intValue());
    }

    @Test
    void savedModelReproducesReconstructionsAndTheValidationLoss() throws Exception {
        AutoencoderRun.TestSet test = AutoencoderRun.testSet(outcome.run().dir(), Checkpoints.Which.LAST, null);
        TrainedAutoencoder again = TrainedAutoencoder.load(outcome.run().dir(), Checkpoints.Which.LAST);
        try (ImageBatchIterator it = test.iterator(8)) {
            INDArray x = it.next().getFeatures();
            assertEquals(test.model().reconstruct(x), again.reconstruct(x));
            assertEquals(x.shape().length, test.model().reconstruct(x).shape().length);
            assertEquals(16, test.model().latents(x)[0].length);
        }
        try (ImageBatchIterator it = test.iterator(4)) {
            double mse = AutoencoderTrainer.meanSquaredError(test.model().network(), it);
            List<AutoencoderEpoch> epochs = outcome.training().epochs();
            assertEquals(epochs.get(epochs.size() - 1).testMse(), mse, 1e-12);
        }
    }

    @Test
    void theModelFileCopiedAloneLoadsAndReconstructsAsFromItsRunFolder() throws Exception {
        Path alone = Files.createDirectories(dir.resolve("alone")).resolve("autoencoder.zip");
        Files.copy(outcome.run().dir().resolve("model-best.zip"), alone);
        TrainedAutoencoder fromRun = TrainedAutoencoder.load(outcome.run().dir(), Checkpoints.Which.BEST);
        TrainedAutoencoder fromFile = TrainedAutoencoder.load(alone);
        assertEquals(fromRun.description(), fromFile.description());
        ModelDescription d = fromFile.description();
        assertEquals(ModelDescription.Kind.AUTOENCODER, d.kind());
        assertEquals("autoencoder", d.architecture());
        assertEquals(new ModelInput(16, ResizeMode.STRETCH, TensorLayout.NHWC, PixelScaling.UNIT), d.input());
        assertEquals(List.of("Hard_Edge_Stripes", "Pointillism", "Ukiyo_Waves"), d.labels().names());
        BufferedImage img = ImageIO.read(dir.resolve("data/test/Pointillism/img_00000.jpg").toFile());
        INDArray x = d.input().toTensor(img);
        assertEquals(fromRun.reconstruct(x), fromFile.reconstruct(x));
        assertEquals(List.of(16), java.util.Arrays.stream(fromFile.latents(x)).map(r -> r.length).toList());
        try (var files = Files.list(alone.getParent())) {
            assertEquals(List.of(alone), files.toList());
        }
    }

    @Test
    void meanImageBaselineMatchesAHandComputation(@TempDir Path tmp) throws Exception {
        // Train: grey 51 and grey 153 (mean 102); test: grey 127. Every value differs by 25/255.
        Sample a = grey(tmp.resolve("a.png"), 51);
        Sample b = grey(tmp.resolve("b.png"), 153);
        Sample t = grey(tmp.resolve("t.png"), 127);
        LabelIndex labels = LabelIndex.of(List.of("X"));
        try (ImageBatchIterator train = ImageBatchIterator.builder(List.of(a, b), labels).imageSize(4).batchSize(1).build();
             ImageBatchIterator test = ImageBatchIterator.builder(List.of(t), labels).imageSize(4).build()) {
            assertEquals(Math.pow(25 / 255.0, 2), AutoencoderRun.meanImageBaselineMse(train, test), 1e-7);
        }
    }

    private static Sample grey(Path file, int v) throws Exception {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(v, v, v));
        g.fillRect(0, 0, 4, 4);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
        return new Sample(file, "X");
    }
}
