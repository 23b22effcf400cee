package io.github.wikiart.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.ClassifierArchitecture;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.reports.autoencoder.AutoencoderTraining;
import io.github.wikiart.reports.autoencoder.LatentSpace;
import io.github.wikiart.reports.autoencoder.ReconstructionGrid;
import io.github.wikiart.reports.classifier.ClassifierEvaluation;
import io.github.wikiart.reports.classifier.ClassifierPrediction;
import io.github.wikiart.reports.classifier.ClassifierTraining;
import io.github.wikiart.reports.data.DataStats;
import io.github.wikiart.reports.transfer.ApplyOptions;
import io.github.wikiart.reports.transfer.ApplySize;
import io.github.wikiart.reports.transfer.TransferApply;
import io.github.wikiart.reports.transfer.TransferEvaluation;
import io.github.wikiart.reports.transfer.TransferGrid;
import io.github.wikiart.reports.transfer.TransferTraining;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.classifier.ClassifierOptions;
import io.github.wikiart.train.classifier.Prediction;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.transfer.TransferOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command's job called as an embedding program calls it: through this module, not the CLI. */
class LibraryCallsTest {
    private static final List<String> STYLES = List.of("Hard_Edge_Stripes", "Pointillism", "Ukiyo_Waves");

    @TempDir
    static Path dir;
    static Path dataDir;
    static DataOptions data;
    static ClassifierTraining.Result classifier;
    static Recorder classifierEvents = new Recorder();

    /** Remembers what a job told it. */
    static final class Recorder implements JobListener {
        final List<Path> runs = new ArrayList<>();
        final List<Long> seeds = new ArrayList<>();
        final List<Integer> trainings = new ArrayList<>();
        final List<String> notices = new ArrayList<>();

        @Override
        public void onRunStarted(RunFolder run, long seed) {
            runs.add(run.dir());
            seeds.add(seed);
        }

        @Override
        public void onTrainingStart(int epochs) {
            trainings.add(epochs);
        }

        @Override
        public void onNotice(String message) {
            notices.add(message);
        }
    }

    static ClassifierOptions smallClassifier(int epochs) {
        return ClassifierOptions.defaults().withEpochs(epochs).withBatchSize(8)
                .withArchitecture(new ClassifierArchitecture("stylenet", 0.0, 4, 4, 16));
    }

    @BeforeAll
    static void trainAClassifier() throws Exception {
        dataDir = dir.resolve("data");
        SyntheticStyles.builder().styles(3).trainPerStyle(10).testPerStyle(4).size(16).seed(2).build().write(dataDir);
        data = DataOptions.defaults(dataDir).withImageSize(16).withSeed(2);
        classifier = ClassifierTraining.train(data, smallClassifier(2), RunLocation.at(dir.resolve("classifier")),
                classifierEvents);
    }

    @Test
    void dataStatsCountsEveryStyle() throws Exception {
        DataStats stats = DataStats.of(data, true, true);
        assertEquals(STYLES, stats.dataset().labelIndex().names());
        // 10 training images, 1 set aside for validation (data.validation_fraction 0.1).
        assertEquals(9, stats.dataset().train().counts().get("Pointillism").original());
        assertEquals(1, stats.dataset().validation().orElseThrow().counts().get("Pointillism").original());
        assertEquals(4, stats.dataset().test().counts().get("Ukiyo_Waves").resampled());
        assertEquals(List.of("label_index", "splits"), new ArrayList<>(stats.toJson(false).keySet()));
        assertThrows(InvalidJobException.class, () -> DataStats.of(DataOptions.defaults(dir.resolve("none")), true,
                true));
    }

    @Test
    void classifierTrainingFillsTheRunFolderAndTellsTheListener() throws Exception {
        assertEquals(List.of(dir.resolve("classifier")), classifierEvents.runs);
        assertEquals(List.of(2L), classifierEvents.seeds);
        assertEquals(List.of(2), classifierEvents.trainings);
        assertEquals(classifier.finalReport().accuracy(), classifier.testAccuracy(), 0.0);
        assertEquals(12, classifier.finalReport().total());
        assertEquals(1.0 / 3, classifier.majorityBaseline(), 1e-12);
        for (String f : new String[] {"summary.json", "plots/training-curves.png", "plots/confusion-matrix.png",
                "plots/class-counts.png"}) {
            assertTrue(Files.isRegularFile(classifier.run().dir().resolve(f)), f);
        }
        InvalidJobException e = assertThrows(InvalidJobException.class, () -> ClassifierTraining.train(
                DataOptions.defaults(dir.resolve("missing")), smallClassifier(1), RunLocation.under(dir),
                JobListener.NONE));
        assertTrue(e.getMessage().startsWith("data.root: no such folder"), e.getMessage());
    }

    @Test
    void evaluationReproducesTraining() throws Exception {
        ClassifierEvaluation e = ClassifierEvaluation.evaluate(classifier.run().dir(), Checkpoints.Which.LAST, null);
        assertEquals(classifier.testAccuracy(), e.report().accuracy(), 0.0);
        assertEquals(classifier.testAccuracy(), e.trainingTestAccuracy().getAsDouble(), 0.0);
        assertEquals("last", e.toJson().get("checkpoint"));
    }

    @Test
    void predictionNamesStylesAndReportsAnUnreadableImage() throws Exception {
        Path bad = Files.writeString(dir.resolve("broken.jpg"), "nope");
        Path good = dataDir.resolve("test/Pointillism/img_00000.jpg");
        ClassifierPrediction p = ClassifierPrediction.predict(classifier.run().dir(), Checkpoints.Which.BEST,
                List.of(bad, good), 2);
        assertEquals(1, p.failures());
        assertEquals(bad, p.images().get(0).image());
        assertEquals("not a supported image format", p.images().get(0).error());
        List<Prediction> top = p.images().get(1).predictions();
        assertEquals(2, top.size());
        assertTrue(top.get(0).probability() >= top.get(1).probability());
        assertTrue(STYLES.contains(top.get(0).style()));
    }

    @Test
    void seedsTrainOneRunEachAndSummariseThem() throws Exception {
        Recorder events = new Recorder();
        ClassifierTraining.SeedsResult r = ClassifierTraining.trainSeeds(data, smallClassifier(1), List.of(3L, 4L),
                RunLocation.at(dir.resolve("seeds")), events);
        assertEquals(List.of(3L, 4L), events.seeds);
        assertEquals(List.of(dir.resolve("seeds/seed-3"), dir.resolve("seeds/seed-4")), events.runs);
        assertEquals((r.runs().get(0).testAccuracy() + r.runs().get(1).testAccuracy()) / 2,
                r.summary().finalAccuracies().stream().mapToDouble(Double::doubleValue).average().orElseThrow(), 1e-12);
        assertTrue(Files.isRegularFile(dir.resolve("seeds/seed-4/plots/confusion-matrix.png")));
        assertThrows(InvalidJobException.class, () -> ClassifierTraining.trainSeeds(data, smallClassifier(1),
                List.of(1L, 1L), RunLocation.under(dir), JobListener.NONE));
    }

    @Test
    void autoencoderTrainsDrawsAndReportsItsLatentSpace() throws Exception {
        AutoencoderOptions d = AutoencoderOptions.defaults();
        AutoencoderOptions options = new AutoencoderOptions(4, 8, d.latentDivisor(), d.activation(), d.upsampler(),
                ConvAutoencoder.LatentShape.VECTOR, 1, 8, 1e-3, d.layout(), 0, 1);
        AutoencoderTraining.Result r = AutoencoderTraining.train(data, options, RunLocation.at(dir.resolve("ae")),
                JobListener.NONE);
        assertEquals(1, ((Number) r.summary().get("epochs")).intValue());
        assertTrue(Double.isFinite(r.testPsnrDb()) && r.testPsnrDb() > 0, "PSNR " + r.testPsnrDb());
        assertTrue(Files.isRegularFile(r.run().dir().resolve("plots/compare-epoch-001.png")));
        ReconstructionGrid grid = ReconstructionGrid.write(r.run().dir(), Checkpoints.Which.LAST, null, 5, null);
        assertEquals(5, grid.images());
        assertEquals(r.run().dir().resolve("plots/reconstructions.png"), grid.png());
        LatentSpace latent = LatentSpace.analyse(r.run().dir(), Checkpoints.Which.LAST, null, 1);
        assertEquals(12, latent.report().points());
        assertEquals(3, latent.report().clusters());
        assertTrue(Files.isRegularFile(r.run().dir().resolve("latent.json")));
        InvalidJobException e = assertThrows(InvalidJobException.class, () -> AutoencoderTraining.train(
                data.withImageSize(12), options, RunLocation.under(dir), JobListener.NONE));
        assertTrue(e.getMessage().startsWith("data.image_size"), e.getMessage());
    }

    static TransferOptions transfer(String method, Path autoencoderRun) {
        return TransferOptions.builder().method(method).epochs(1).batchSize(4).width(4).embedDim(8)
                .autoencoderRun(autoencoderRun).featureEpochs(1).build();
    }

    @Test
    void transferTrainsAppliesDrawsAndIsJudged() throws Exception {
        TransferTraining.Result t = TransferTraining.train(data, transfer("cin", null), AutoencoderOptions.defaults(),
                RunLocation.at(dir.resolve("transfer")), JobListener.NONE);
        assertEquals("cin", t.method());
        assertEquals(STYLES, t.model().labels().names());
        Path image = dataDir.resolve("test/Pointillism/img_00000.jpg");
        TransferApply applied = TransferApply.apply(t.run().dir(), "Ukiyo_Waves", List.of(image), dir.resolve("out"));
        assertEquals(dir.resolve("out/img_00000-Ukiyo_Waves.png"), applied.images().get(0).output());
        assertNull(applied.images().get(0).error());
        InvalidJobException unknown = assertThrows(InvalidJobException.class, () -> TransferApply.apply(
                t.run().dir(), "Baroque", List.of(image), dir.resolve("out")));
        assertEquals("unknown style 'Baroque'; valid styles: " + String.join(", ", STYLES), unknown.getMessage());
        assertEquals(t.run().dir().resolve("plots/transfer-grid.png"),
                TransferGrid.write(t.run().dir(), null, null, false, 3, 1).png());
        assertEquals(t.run().dir().resolve("plots/transfer-single-image.png"),
                TransferGrid.write(t.run().dir(), null, null, true, 1, 1).png());
        TransferEvaluation e = TransferEvaluation.evaluate(t.run().dir(), List.of(classifier.run().dir()),
                dataDir.resolve("test"), null);
        assertEquals(12, ((Number) e.numbers().get("content_images")).intValue());
        assertEquals(36, ((Number) e.numbers().get("outputs")).intValue());
        assertEquals(1.0 / 3, e.chance(), 1e-12);
        assertTrue(Files.isRegularFile(t.run().dir().resolve(TransferEvaluation.FILE)));
    }

    @Test
    void theOriginalTransferMethodTrainsItsAutoencoderFirst() throws Exception {
        AutoencoderOptions d = AutoencoderOptions.defaults();
        AutoencoderOptions ae = new AutoencoderOptions(4, 8, d.latentDivisor(), d.activation(), d.upsampler(),
                ConvAutoencoder.LatentShape.SPATIAL, 1, 8, 1e-3, d.layout(), 0, 0);
        Recorder events = new Recorder();
        TransferTraining.Result t = TransferTraining.train(data, transfer("seed", null), ae,
                RunLocation.at(dir.resolve("seed-transfer")), events);
        assertEquals("seed", t.method());
        assertTrue(Files.isRegularFile(t.run().dir().resolve("autoencoder/summary.json")));
        assertEquals(1, events.notices.size());
        assertTrue(events.notices.get(0).contains("training an autoencoder first")
                && events.notices.get(0).contains("autoencoder.latent_shape vector"), events.notices.get(0));
        assertEquals(List.of(2, 1, 2), events.trainings);
        Path image = dataDir.resolve("test/Pointillism/img_00000.jpg");
        InvalidJobException anySize = assertThrows(InvalidJobException.class, () -> TransferApply.apply(
                t.run().dir(), "Ukiyo_Waves", List.of(image), dir.resolve("seed-out"),
                ApplyOptions.defaults().withSize(ApplySize.NATIVE)));
        assertEquals("size native: the seed transfer network has dense layers and runs only at its training size "
                + t.model().imageSize() + "x" + t.model().imageSize() + "; leave out the size (--size) for this run, "
                + "or use a cin run", anySize.getMessage());
        assertFalse(Files.exists(dir.resolve("seed-out")), "nothing is written");
        TransferApply kept = TransferApply.apply(t.run().dir(), "Ukiyo_Waves", List.of(image), dir.resolve("seed-out"),
                ApplyOptions.defaults().withKeepColours(true));
        assertNull(kept.images().get(0).error());
        InvalidJobException e = assertThrows(InvalidJobException.class, () -> TransferTraining.train(data,
                transfer("seed", dir.resolve("no-autoencoder")), ae, RunLocation.under(dir), JobListener.NONE));
        assertTrue(e.getMessage().startsWith("transfer.autoencoder_run"), e.getMessage());
    }
}
