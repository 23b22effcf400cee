package io.github.wikiart.train.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The loop itself with a scripted step: epochs, best epoch, NaN stop, metrics file, DL4J listeners. */
class TrainingLoopTest {
    @TempDir
    static Path dir;
    static WikiArtDataset data;

    @BeforeAll
    static void writeData() throws Exception {
        Path root = dir.resolve("data");
        // 2 styles x 6 images, batch 4: 3 batches per epoch.
        SyntheticStyles.builder().styles(2).trainPerStyle(6).testPerStyle(1).size(8).seed(1).build().write(root);
        data = WikiArtDataset.load(DataOptions.defaults(root).withImageSize(8).withValidationFraction(0), true, true);
    }

    private static ImageBatchIterator iterator() {
        return ImageBatchIterator.builder(data.train().samples(), data.labelIndex()).imageSize(8).batchSize(4)
                .seed(1).build();
    }

    /** A step whose loss of batch b in epoch e is 10 * e + b, or NaN at one chosen batch. */
    private static Step scripted(int nanEpoch, int nanBatch) {
        return new Step() {
            private int epoch;
            private int batch;

            @Override
            public void startEpoch(int e) {
                epoch = e;
                batch = 0;
            }

            @Override
            public double fit(org.nd4j.linalg.dataset.DataSet ds) {
                batch++;
                return epoch == nanEpoch && batch == nanBatch ? Double.NaN : 10 * epoch + batch;
            }
        };
    }

    @Test
    void epochsAreMeanLossesAndTheBestIsTheLowest() throws Exception {
        Path run = Files.createDirectories(dir.resolve("clean"));
        List<String> events = new ArrayList<>();
        LoopListener<EpochStats, Object> record = new LoopListener<>() {
            @Override
            public void onEpochEnd(EpochStats s, Object model, boolean best) {
                events.add(s.epoch() + ":" + s.batches() + ":" + s.images() + ":" + best);
            }
        };
        LoopResult<EpochStats> r;
        try (ImageBatchIterator it = iterator()) {
            r = TrainingLoop.<EpochStats, Object>builder().epochs(3).firstEpoch(2)
                    .best(EpochStats::meanLoss, TrainingLoop.Goal.MAXIMISE).listener(MetricsCsv.ofStats(run))
                    .listener(record).build().run("model", it, scripted(0, 0), s -> s);
        }
        // Epochs 2..4, losses 10e+1..10e+3: means 22, 32, 42; higher is better here, so each is best.
        assertEquals(List.of(22.0, 32.0, 42.0), r.epochs().stream().map(EpochStats::meanLoss).toList());
        assertEquals(4, r.bestEpoch());
        assertTrue(r.stop().isEmpty());
        assertEquals(List.of("2:3:12:true", "3:3:12:true", "4:3:12:true"), events);
        List<String> csv = Files.readAllLines(run.resolve(MetricsCsv.FILE));
        assertEquals(4, csv.size());
        assertEquals(MetricsCsv.STATS_HEADER, csv.get(0));
        assertTrue(csv.get(3).startsWith("4,42.00000000,"), csv.get(3));
    }

    @Test
    void aNonFiniteLossStopsBeforeTheEpochIsReported() throws Exception {
        Path run = Files.createDirectories(dir.resolve("nan"));
        List<Integer> ended = new ArrayList<>();
        LoopResult<EpochStats> r;
        try (ImageBatchIterator it = iterator()) {
            r = TrainingLoop.<EpochStats, Object>builder().epochs(3)
                    .best(EpochStats::meanLoss, TrainingLoop.Goal.MINIMISE).listener(MetricsCsv.ofStats(run))
                    .listener(new LoopListener<EpochStats, Object>() {
                        @Override
                        public void onEpochEnd(EpochStats s, Object model, boolean best) {
                            ended.add(s.epoch());
                        }
                    }).build().run("model", it, scripted(2, 2), s -> s);
        }
        assertEquals(new Stop(2, 2, Double.NaN), r.stop().orElseThrow());
        assertEquals("loss became NaN in epoch 2, batch 2; stopped, the checkpoints of epoch 1 are kept",
                r.stopReason().orElseThrow());
        assertEquals(List.of(1), ended);
        assertEquals(1, r.epochs().size());
        assertEquals(1, r.bestEpoch());
        assertEquals(2, Files.readAllLines(run.resolve(MetricsCsv.FILE)).size());
    }

    @Test
    void dl4jTrainingListenersHearEveryBatchAndEpoch() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(2).nOut(1)
                        .activation(Activation.IDENTITY).build()).build());
        net.init();
        List<String> calls = new ArrayList<>();
        BaseTrainingListener dl4j = new BaseTrainingListener() {
            @Override
            public void onEpochStart(Model model) {
                calls.add("start " + (model == net));
            }

            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                calls.add(iteration + "/" + epoch);
            }

            @Override
            public void onEpochEnd(Model model) {
                calls.add("end");
            }
        };
        try (ImageBatchIterator it = iterator()) {
            TrainingLoop.<EpochStats, MultiLayerNetwork>builder().epochs(2)
                    .best(EpochStats::meanLoss, TrainingLoop.Goal.MINIMISE).listener(Dl4jListener.of(dl4j)).build()
                    .run(net, it, scripted(0, 0), s -> s);
        }
        assertEquals(List.of("start true", "0/0", "1/0", "2/0", "end", "start true", "3/1", "4/1", "5/1", "end"),
                calls);
    }
}
