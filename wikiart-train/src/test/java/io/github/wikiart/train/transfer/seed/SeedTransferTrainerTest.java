package io.github.wikiart.train.transfer.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.PixelScaling;
import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.autoencoder.AutoencoderRun;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.transfer.TransferModels;
import io.github.wikiart.train.loop.LoopListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** End-to-end training on tiny generated data, the original's finding, and the save/load round trip. */
class SeedTransferTrainerTest {
    private static final Logger LOG = LoggerFactory.getLogger(SeedTransferTrainerTest.class);
    @TempDir
    static Path dir;
    static DataOptions data;
    static WikiArtDataset dataset;
    static Path aeRun;
    static SeedTransfer model;
    static final AtomicInteger BATCHES = new AtomicInteger();
    static final AtomicInteger EPOCHS = new AtomicInteger();

    @BeforeAll
    static void trainOnce() throws Exception {
        Path root = dir.resolve("data");
        SyntheticStyles.builder().styles(3).trainPerStyle(8).testPerStyle(2).size(16).seed(4).build().write(root);
        data = DataOptions.defaults(root).withImageSize(16).withSeed(2);
        AutoencoderOptions ae = new AutoencoderOptions(4, 16, 64, ConvAutoencoder.Act.GELU,
                ConvAutoencoder.Upsampler.TRANSPOSED, ConvAutoencoder.LatentShape.VECTOR, 3, 8, 2e-3,
                TensorLayout.NHWC, 16, 0);
        aeRun = AutoencoderRun.train(data, ae, RunFolder.at(dir.resolve("ae")), List.of()).run().dir();
        dataset = WikiArtDataset.load(data, true, false);
        SeedTransferOptions o = new SeedTransferOptions(16, 1e6, 1.0, List.of(1, 2, 3), 10, 2, 8, 1e-2, 1);
        model = SeedTransferTrainer.train(dataset.train().samples(), dataset.labelIndex(), data, aeRun, o, null,
                new LoopListener<Object, Object>() {
                    @Override
                    public void onEpochStart(int epoch, int batches) {
                        EPOCHS.incrementAndGet();
                    }

                    @Override
                    public void onBatch(int epoch, int batch, int batches, long images, double loss, double ips) {
                        BATCHES.incrementAndGet();
                    }
                });
    }

    @Test
    void step1MeasurablyLearnsAndStep2Runs() {
        List<Double> s1 = model.history().step1();
        assertEquals(10, s1.size());
        assertTrue(s1.get(9) < 0.95 * s1.get(0), "step 1 losses " + s1);
        assertEquals(2, model.history().step2().size());
        assertTrue(model.history().step2().stream().allMatch(Double::isFinite), "step 2 losses " + model.history().step2());
        assertEquals(12, EPOCHS.get());
        assertEquals(12 * 3, BATCHES.get());
        LOG.info("step 1 losses {}, step 2 losses {}", s1, model.history().step2());
    }

    @Test
    void transferKeepsShapeAndRangeAndBarelyDependsOnTheTargetStyle() {
        INDArray x = images(4);
        INDArray a = model.transfer(x, new int[] {0, 0, 0, 0});
        INDArray b = model.transfer(x, new int[] {1, 1, 2, 2});
        assertArrayEquals(x.shape(), a.shape());
        assertTrue(a.minNumber().doubleValue() >= 0 && a.maxNumber().doubleValue() <= 1);
        double styleDiff = Nd4j.math().abs(a.sub(b)).meanNumber().doubleValue() * 255;
        double toInput = Nd4j.math().abs(a.sub(x)).meanNumber().doubleValue() * 255;
        LOG.info("mean |transfer(style 0) - transfer(other style)| = {} grey levels; mean |transfer - input| = {}",
                styleDiff, toInput);
        assertTrue(Double.isFinite(styleDiff) && Double.isFinite(toInput));
        assertThrows(IllegalArgumentException.class, () -> model.transfer(x, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> model.transfer(x, new int[] {0, 0, 0, 3}));
    }

    @Test
    void saveAndLoadReproduceTheOutputExactly() throws Exception {
        Path run = Files.createDirectories(dir.resolve("seed"));
        TransferModels.save(model, run);
        // The model file copied alone to an empty folder is all loading needs.
        Path out = Files.createDirectories(dir.resolve("alone")).resolve("seed.zip");
        Files.copy(run.resolve(TransferModels.MODEL_FILE), out);
        SeedTransfer again = (SeedTransfer) TransferModels.load(out);
        assertEquals(model.description(), again.description());
        assertEquals(new ModelInput(16, ResizeMode.STRETCH, TensorLayout.NHWC, PixelScaling.UNIT), again.input());
        assertEquals(model.history(), again.history());
        INDArray x = images(4);
        int[] t = {2, 1, 0, 1};
        assertEquals(model.transfer(x, t), again.transfer(x, t));
        assertEquals("seed", again.method());
        assertEquals(model.labels(), again.labels());
        assertEquals(model.options(), again.options());
        assertEquals(16, again.imageSize());
    }

    @Test
    void refusesDataOfAnotherImageSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeedTransferTrainer.train(
                dataset.train().samples(), dataset.labelIndex(), data.withImageSize(24), aeRun,
                SeedTransferOptions.defaults(), null, null));
        assertTrue(e.getMessage().contains("24") && e.getMessage().contains("16"), e.getMessage());
    }

    private static INDArray images(int n) {
        try (ImageBatchIterator it = ImageBatchIterator.builder(dataset.train().samples(), dataset.labelIndex())
                .imageSize(16).layout(TensorLayout.NHWC).batchSize(n).shuffle(false).build()) {
            return it.next().getFeatures();
        }
    }
}
