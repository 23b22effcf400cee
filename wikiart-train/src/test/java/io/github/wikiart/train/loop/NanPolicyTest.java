package io.github.wikiart.train.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.train.autoencoder.AutoencoderEpoch;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.autoencoder.AutoencoderRun;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.transfer.CinTransfer;
import io.github.wikiart.train.transfer.CinTransferOptions;
import io.github.wikiart.train.transfer.CinTransferTrainer;
import io.github.wikiart.train.transfer.TransferCheckpoints;
import io.github.wikiart.train.transfer.seed.SeedTransferOptions;
import io.github.wikiart.train.transfer.seed.SeedTransferTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The same NaN policy for every trainer built on the loop: a listener poisons the weights after
 * epoch 1, so the first batch of epoch 2 has a NaN loss; training stops there, says so, and the
 * checkpoint of epoch 1 loads with finite weights. (The classifier's case is
 * {@code ClassifierRunTest.nanLossStopsTrainingAndKeepsTheLastGoodCheckpoint}.) Transfer trainings
 * also write {@code metrics.csv} and a checkpoint after every epoch.
 */
class NanPolicyTest {
    @TempDir
    static Path dir;
    static DataOptions data;
    static WikiArtDataset dataset;

    @BeforeAll
    static void writeData() throws Exception {
        Path root = dir.resolve("data");
        SyntheticStyles.builder().styles(2).trainPerStyle(8).testPerStyle(2).size(16).seed(3).build().write(root);
        data = DataOptions.defaults(root).withImageSize(16).withSeed(2);
        dataset = WikiArtDataset.load(data, true, true);
    }

    private static AutoencoderOptions autoencoder(int epochs) {
        return new AutoencoderOptions(4, 16, 64, ConvAutoencoder.Act.GELU, ConvAutoencoder.Upsampler.TRANSPOSED,
                ConvAutoencoder.LatentShape.VECTOR, epochs, 8, 2e-3, TensorLayout.NHWC, 16, 0);
    }

    private static CinTransferOptions cin(int epochs) {
        return CinTransferOptions.builder().width(4).epochs(epochs).batchSize(4).seed(5).featureEpochs(1).build();
    }

    /** Poisons every trainable variable of a graph after its first epoch. */
    private static LoopListener<Object, SameDiff> poisonGraphAfterEpoch1() {
        return new LoopListener<>() {
            private int epochs;

            @Override
            public void onEpochEnd(Object result, SameDiff sd, boolean best) {
                if (++epochs == 1) {
                    for (SDVariable v : sd.variables()) {
                        if (v.getVariableType() == VariableType.VARIABLE) {
                            v.getArr().assign(Double.NaN);
                        }
                    }
                }
            }
        };
    }

    private static void assertFinite(SameDiff sd) {
        int checked = 0;
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                assertTrue(Double.isFinite(v.getArr().sumNumber().doubleValue()), v.name());
                checked++;
            }
        }
        assertTrue(checked > 0);
    }

    private static int lastEpoch(Path run) throws Exception {
        return ((Number) ((Map<?, ?>) Json.read(run.resolve(CheckpointWriter.INDEX)).get("last")).get("epoch"))
                .intValue();
    }

    private static INDArray images(int n) {
        try (ImageBatchIterator it = ImageBatchIterator.builder(dataset.train().samples(), dataset.labelIndex())
                .imageSize(16).layout(TensorLayout.NHWC).batchSize(n).shuffle(false).build()) {
            return it.next().getFeatures();
        }
    }

    @Test
    void autoencoderStopsAndKeepsEpoch1() throws Exception {
        LoopListener<AutoencoderEpoch, MultiLayerNetwork> poison = new LoopListener<>() {
            @Override
            public void onEpochEnd(AutoencoderEpoch r, MultiLayerNetwork net, boolean best) {
                if (r.epoch() == 1) {
                    net.params().assign(Double.NaN);
                }
            }
        };
        RunFolder run = RunFolder.at(dir.resolve("ae-nan"));
        AutoencoderRun.Outcome o = AutoencoderRun.train(data, autoencoder(3), run, List.of(poison));
        assertEquals(1, o.training().epochs().size());
        assertTrue(o.training().stopReason().orElseThrow().startsWith("loss became NaN in epoch 2, batch 1;"),
                o.training().stopReason().get());
        assertEquals(1, lastEpoch(run.dir()));
        MultiLayerNetwork kept = Checkpoints.load(run.dir(), Checkpoints.Which.LAST);
        assertTrue(Double.isFinite(kept.params().sumNumber().doubleValue()));
        assertEquals(2, Files.readAllLines(run.file(MetricsCsv.FILE)).size());
    }

    @Test
    void cinTransferStopsAndKeepsEpoch1() throws Exception {
        Path run = Files.createDirectories(dir.resolve("cin-nan"));
        TrainingStoppedException e = assertThrows(TrainingStoppedException.class, () -> CinTransferTrainer.train(
                dataset.train().samples(), dataset.train().samples(), dataset.labelIndex(), data, cin(3), run,
                poisonGraphAfterEpoch1()));
        assertEquals(2, e.stop().epoch());
        assertEquals(1, e.stop().batch());
        assertTrue(e.getMessage().contains("loss became NaN in epoch 2, batch 1"), e.getMessage());
        assertEquals(1, lastEpoch(run));
        assertFinite(TransferCheckpoints.loadLast(run));
        assertEquals(2, Files.readAllLines(run.resolve(MetricsCsv.FILE)).size());
    }

    @Test
    void cinTransferWritesMetricsAndACheckpointEveryEpoch() throws Exception {
        Path run = Files.createDirectories(dir.resolve("cin"));
        CinTransfer model = CinTransferTrainer.train(dataset.train().samples(), dataset.train().samples(),
                dataset.labelIndex(), data, cin(2), run, null);
        List<String> csv = Files.readAllLines(run.resolve(MetricsCsv.FILE));
        assertEquals(List.of(io.github.wikiart.train.transfer.TransferEpoch.HEADER, "1", "2"), List.of(csv.get(0),
                csv.get(1).split(",")[0], csv.get(2).split(",")[0]));
        assertEquals(3, csv.size());
        assertEquals(2, lastEpoch(run));
        assertTrue(Files.isRegularFile(CheckpointWriter.bestFile(run, TransferCheckpoints.EXTENSION)));
        // The last checkpoint is the trained model, weights and all.
        CinTransfer last = new CinTransfer(TransferCheckpoints.loadLast(run), dataset.labelIndex(), model.input());
        INDArray x = images(4);
        int[] styles = {0, 1, 1, 0};
        assertEquals(model.transfer(x, styles), last.transfer(x, styles));
        // probe_loss is the loss of the fixed probe batch: recomputed from the checkpoints, the
        // last one gives epoch 2's number and the best one the lowest of the column.
        java.util.Map<String, INDArray> probe = CinTransferTrainer.probeBatch(dataset.train().samples(),
                data, dataset.labelIndex().size());
        double[] column = {Double.parseDouble(csv.get(1).split(",")[2]), Double.parseDouble(csv.get(2).split(",")[2])};
        assertEquals(column[1], probeLoss(TransferCheckpoints.loadLast(run), probe), 1e-6 * column[1]);
        org.nd4j.autodiff.samediff.SameDiff best = org.nd4j.autodiff.samediff.SameDiff.load(
                CheckpointWriter.bestFile(run, TransferCheckpoints.EXTENSION).toFile(), true);
        assertEquals(Math.min(column[0], column[1]), probeLoss(best, probe), 1e-6 * column[1]);
    }

    private static double probeLoss(org.nd4j.autodiff.samediff.SameDiff sd, java.util.Map<String, INDArray> probe) {
        return sd.output(probe, "loss").get("loss").getDouble(0);
    }

    @Test
    void seedTransferStopsAndKeepsEpoch1AndWritesMetricsEveryEpoch() throws Exception {
        Path ae = AutoencoderRun.train(data, autoencoder(1), RunFolder.at(dir.resolve("seed-ae")), List.of()).run()
                .dir();
        SeedTransferOptions options = new SeedTransferOptions(16, 1e6, 1.0, List.of(1, 2, 3), 2, 1, 8, 1e-2, 1);
        Path clean = Files.createDirectories(dir.resolve("seed"));
        SeedTransferTrainer.train(dataset.train().samples(), dataset.labelIndex(), data, ae, options, clean, null);
        // Two epochs of step 1 and one of step 2, numbered across both.
        assertEquals(4, Files.readAllLines(clean.resolve(MetricsCsv.FILE)).size());
        assertEquals(3, lastEpoch(clean));
        assertFinite(TransferCheckpoints.loadLast(clean));

        Path run = Files.createDirectories(dir.resolve("seed-nan"));
        TrainingStoppedException e = assertThrows(TrainingStoppedException.class, () -> SeedTransferTrainer.train(
                dataset.train().samples(), dataset.labelIndex(), data, ae, options, run, poisonGraphAfterEpoch1()));
        assertEquals(new Stop(2, 1, Double.NaN), e.stop());
        assertTrue(e.getMessage().startsWith("step 1: loss became NaN in epoch 2, batch 1"), e.getMessage());
        assertEquals(1, lastEpoch(run));
        assertFinite(TransferCheckpoints.loadLast(run));
    }
}
