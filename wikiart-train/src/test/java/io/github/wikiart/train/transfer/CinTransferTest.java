package io.github.wikiart.train.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.train.ClassifierOptions;
import io.github.wikiart.train.ClassifierRun;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.TrainedClassifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CinTransferTest {
    @TempDir
    static Path dir;
    static WikiArtDataset data;
    static DataOptions options;
    static CinTransfer model;

    @BeforeAll
    static void trainTiny() throws Exception {
        Path root = dir.resolve("data");
        SyntheticStyles.builder().styles(2).trainPerStyle(8).testPerStyle(3).size(16).seed(3).build().write(root);
        options = DataOptions.defaults(root).withImageSize(16).withSeed(2);
        data = WikiArtDataset.load(options, true, true);
        model = CinTransferTrainer.train(data.train().samples(), data.labelIndex(), options,
                new CinTransferOptions(4, 1e6, 1, 2, 4, 1e-3, 5, false), null);
    }

    @Test
    void outputsHaveTheInputShapeAndDependOnTheStyle() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 16, 16, 3);
        INDArray a = model.transfer(x, new int[] {0, 0, 0});
        INDArray b = model.transfer(x, new int[] {1, 1, 1});
        assertArrayEquals(x.shape(), a.shape());
        assertTrue(a.minNumber().doubleValue() >= 0 && a.maxNumber().doubleValue() <= 1);
        assertTrue(a.sub(b).norm1Number().doubleValue() > 0, "the target style changes the output");
    }

    @Test
    void saveAndLoadReproduceOutputsExactly() throws Exception {
        Path run = dir.resolve("run");
        java.nio.file.Files.createDirectories(run);
        TransferModels.save(model, run);
        TransferModel loaded = TransferModels.load(run);
        assertEquals("cin", loaded.method());
        assertEquals(model.labels(), loaded.labels());
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 16, 16, 3);
        assertEquals(model.transfer(x, new int[] {0, 1}), loaded.transfer(x, new int[] {0, 1}));
    }

    @Test
    void evaluatorGivesZeroSpreadAndFullRetentionForTheIdentity() throws Exception {
        RunFolder judgeRun = RunFolder.at(dir.resolve("judge"));
        ClassifierRun.train(options, ClassifierOptions.defaults().withEpochs(1).withBatchSize(8), judgeRun, List.of());
        TrainedClassifier judge = TrainedClassifier.load(judgeRun.dir(), Checkpoints.Which.LAST);
        TransferModel identity = new TransferModel() {
            public String method() {
                return "identity";
            }

            public LabelIndex labels() {
                return data.labelIndex();
            }

            public int imageSize() {
                return 16;
            }

            public INDArray transfer(INDArray images, int[] targetStyles) {
                return images;
            }

            public void save(Path runDir) {
            }
        };
        Map<String, Object> r = TransferEvaluator.evaluate(identity, judge, data.test().samples(), data.labelIndex());
        assertEquals(0.0, (Double) r.get("style_spread"), 1e-12);
        assertEquals(1.0, (Double) r.get("content_retention"), 1e-9);
        assertEquals(6, r.get("content_images"));
        assertEquals(12, r.get("outputs"));
        // The identity keeps each image's own style, so it hits exactly when the target is that style
        // and the judge is right: at most one target in two.
        assertTrue((Double) r.get("hit_rate") <= 0.5);
        Map<?, ?> perStyle = (Map<?, ?>) r.get("per_style_hit_rate");
        assertEquals(2, perStyle.size());
    }

    @Test
    void correlationOfHandValues() {
        assertEquals(1.0, io.github.wikiart.data.LayoutSimilarity.correlation(new double[] {1, 2, 3}, new double[] {2, 4, 6}), 1e-12);
        assertEquals(-1.0, io.github.wikiart.data.LayoutSimilarity.correlation(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        assertEquals(0.0, io.github.wikiart.data.LayoutSimilarity.correlation(new double[] {1, 1, 1}, new double[] {3, 2, 1}), 1e-12);
    }
}
