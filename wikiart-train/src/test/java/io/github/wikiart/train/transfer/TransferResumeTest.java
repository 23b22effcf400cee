package io.github.wikiart.train.transfer;

import static io.github.wikiart.train.ResumeAssertions.assertSameMetrics;
import static io.github.wikiart.train.ResumeAssertions.control;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.LearningRateSchedule;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.autoencoder.AutoencoderRun;
import io.github.wikiart.train.loop.CheckpointWriter;
import io.github.wikiart.train.loop.LoopListener;
import io.github.wikiart.train.loop.ResumeCheckpoint;
import io.github.wikiart.train.loop.StopSignal;
import io.github.wikiart.train.loop.TrainingInterruptedException;
import io.github.wikiart.train.transfer.seed.SeedTransferTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;

/**
 * A transfer run interrupted mid-epoch in each of its phases and resumed each time ends with
 * bit-identical parameters, the same per-batch losses and the same {@code metrics.csv} (timings
 * aside) and checkpoint index as an uninterrupted run; two uninterrupted runs are bit-identical.
 */
class TransferResumeTest {
    @TempDir
    static Path dir;
    static DataOptions data;
    static Path autoencoder;

    @BeforeAll
    static void data() throws Exception {
        Path root = dir.resolve("data");
        // 40 images: the loss features train in batches of 32 (2 per epoch), the cin network in 8 (5).
        SyntheticStyles.builder().styles(2).trainPerStyle(20).testPerStyle(1).size(16).seed(3).build().write(root);
        data = DataOptions.defaults(root).withImageSize(16).withSeed(2);
        AutoencoderOptions ae = new AutoencoderOptions(4, 16, 64, ConvAutoencoder.Act.GELU,
                ConvAutoencoder.Upsampler.TRANSPOSED, ConvAutoencoder.LatentShape.VECTOR, 1, 8, 2e-3,
                TensorLayout.NHWC, 16, 0);
        autoencoder = AutoencoderRun.train(data, ae, RunFolder.at(dir.resolve("ae")), List.of()).run().dir();
    }

    @Test
    void cinWithTrainedFeaturesResumedInEachPhaseEqualsAnUninterruptedRun() throws Exception {
        // Trained features (2 epochs) and a cosine schedule with warm-up: SameDiff's iteration count
        // sets the rate, so it must continue too.
        TransferOptions options = TransferOptions.builder().method("cin").epochs(2).learningRate(2e-3).width(4)
                .styleLayers(List.of(1)).embedDim(8).features(CinTransferOptions.Features.TRAINED).featureEpochs(2)
                .lrSchedule(LearningRateSchedule.Shape.COSINE).warmupEpochs(1).residual(true).build();
        Run straight = train("cin-straight", options);
        Run again = train("cin-again", options);
        assertSameRun(straight, again);

        Path broken = dir.resolve("cin-broken");
        Map<String, Double> losses = new LinkedHashMap<>();
        StopSignal first = new StopSignal();
        assertThrows(TrainingInterruptedException.class, () -> TransferRun.train(data, options, 7,
                RunFolder.at(broken), null, stopAt(first, FeatureNetTrainer.PHASE, 2, 1, losses), control(first)));
        assertEquals(FeatureNetTrainer.PHASE, phaseOf(broken));
        StopSignal second = new StopSignal();
        assertThrows(TrainingInterruptedException.class, () -> TransferRun.resume(data, options, 7,
                RunFolder.resume(broken), null, stopAt(second, CinTransferTrainer.PHASE, 1, 2, losses),
                control(second)));
        assertEquals(CinTransferTrainer.PHASE, phaseOf(broken));
        StopSignal third = new StopSignal();
        assertThrows(TrainingInterruptedException.class, () -> TransferRun.resume(data, options, 7,
                RunFolder.resume(broken), null, stopAt(third, CinTransferTrainer.PHASE, 2, 3, losses),
                control(third)));
        TransferRun.resume(data, options, 7, RunFolder.resume(broken), null,
                stopAt(new StopSignal(), "", 0, 0, losses), control(new StopSignal()));

        assertEquals(RunFolder.State.FINISHED, RunFolder.status(broken).orElseThrow().state());
        assertSameRun(straight, new Run(broken, losses));
        assertEquals(2 * 2 + 2 * 5, losses.size(), losses.keySet().toString());
    }

    @Test
    void seedMethodResumedInBothStepsEqualsAnUninterruptedRun() throws Exception {
        // 40 images in batches of 16: 3 per epoch; each step trains 2 epochs (step 2: epochs 3 and 4).
        TransferOptions options = TransferOptions.builder().method("seed").epochs(2).batchSize(16).learningRate(1e-2)
                .width(4).styleWeight(1e6).contentWeight(1.0).embedDim(16).autoencoderRun(autoencoder)
                .featureEpochs(1).build();
        Run straight = train("seed-straight", options);
        Run again = train("seed-again", options);
        assertSameRun(straight, again);

        Path broken = dir.resolve("seed-broken");
        Map<String, Double> losses = new LinkedHashMap<>();
        StopSignal first = new StopSignal();
        assertThrows(TrainingInterruptedException.class, () -> TransferRun.train(data, options, 7,
                RunFolder.at(broken), seedMethod(), stopAt(first, "", 1, 2, losses), control(first)));
        assertEquals(SeedTransferTrainer.STEP1, phaseOf(broken));
        // Stopped in step 2's first epoch: no step 2 epoch is complete, step 1's results come back.
        StopSignal second = new StopSignal();
        assertThrows(TrainingInterruptedException.class, () -> TransferRun.resume(data, options, 7,
                RunFolder.resume(broken), seedMethod(), stopAt(second, "", 3, 1, losses), control(second)));
        assertEquals(SeedTransferTrainer.STEP2, phaseOf(broken));
        StopSignal third = new StopSignal();
        assertThrows(TrainingInterruptedException.class, () -> TransferRun.resume(data, options, 7,
                RunFolder.resume(broken), seedMethod(), stopAt(third, "", 4, 2, losses), control(third)));
        TransferRun.resume(data, options, 7, RunFolder.resume(broken), seedMethod(),
                stopAt(new StopSignal(), "", 0, 0, losses), control(new StopSignal()));

        assertEquals(RunFolder.State.FINISHED, RunFolder.status(broken).orElseThrow().state());
        assertSameRun(straight, new Run(broken, losses));
        assertEquals(4 * 3, losses.size(), losses.keySet().toString());
    }

    /** A run folder and the loss of every batch, by phase, epoch and batch. */
    private record Run(Path dir, Map<String, Double> losses) {
    }

    private static Run train(String name, TransferOptions options) throws Exception {
        Map<String, Double> losses = new LinkedHashMap<>();
        Path run = dir.resolve(name);
        TransferRun.train(data, options, 7, RunFolder.at(run), seedMethod(), stopAt(new StopSignal(), "", 0, 0, losses),
                control(new StopSignal()));
        return new Run(run, losses);
    }

    private static TransferRun.SeedMethod seedMethod() {
        return (dataset, d, o, seed, run, progress, control) ->
                SeedTransferTrainer.train(dataset.train().samples(), dataset.labelIndex(), d, o.autoencoderRun(),
                        o.seedMethod(seed), run.dir(), progress, control);
    }

    /**
     * Records every batch's loss and requests a stop after a given batch of a given epoch of a
     * given phase ("" for any).
     */
    private static LoopListener<Object, Object> stopAt(StopSignal signal, String phase, int epoch, int batch,
                                                       Map<String, Double> losses) {
        return new LoopListener<>() {
            private String current = "";

            @Override
            public void onPhase(String p, int epochs) {
                current = p;
            }

            @Override
            public void onBatch(int e, int b, int batches, long images, double loss, double imagesPerSecond) {
                Double before = losses.put(current + "/" + e + "/" + b, loss);
                assertEquals(null, before, "batch " + current + "/" + e + "/" + b + " trained twice");
                if ((phase.isEmpty() || phase.equals(current)) && e == epoch && b == batch) {
                    signal.request();
                }
            }
        };
    }

    private static String phaseOf(Path run) throws Exception {
        return (String) Json.read(run.resolve(ResumeCheckpoint.FOLDER).resolve(ResumeCheckpoint.STATE))
                .get(TransferControl.PHASE);
    }

    private static void assertSameRun(Run a, Run b) throws Exception {
        assertEquals(a.losses(), b.losses(), "per-batch losses");
        for (String file : List.of("model-last" + TransferCheckpoints.EXTENSION, "model-best"
                + TransferCheckpoints.EXTENSION)) {
            Map<String, float[]> pa = parameters(a.dir().resolve(file));
            Map<String, float[]> pb = parameters(b.dir().resolve(file));
            assertTrue(pa.size() > 5, pa.keySet().toString());
            assertEquals(pa.keySet(), pb.keySet());
            for (String name : pa.keySet()) {
                assertArrayEquals(pa.get(name), pb.get(name), file + ": variable " + name + " differs");
            }
        }
        assertEquals(Files.readString(a.dir().resolve(CheckpointWriter.INDEX)),
                Files.readString(b.dir().resolve(CheckpointWriter.INDEX)));
        assertSameMetrics(a.dir(), b.dir(), 2, "images_per_second", "seconds");
    }

    private static Map<String, float[]> parameters(Path file) {
        SameDiff sd = SameDiff.load(file.toFile(), false);
        Map<String, float[]> m = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                m.put(v.name(), v.getArr().ravel().toFloatVector());
            }
        }
        return m;
    }
}
