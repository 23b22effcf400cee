package io.github.wikiart.train.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.transfer.FeatureStack;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class FeatureNetTrainerTest {
    @TempDir
    Path dir;

    @Test
    void learnsFeaturesWhoseGramStatisticsSeparateTheStylesReproducibly() throws Exception {
        Path root = dir.resolve("data");
        SyntheticStyles.builder().styles(3).trainPerStyle(12).testPerStyle(1).size(16).seed(5).build().write(root);
        DataOptions options = DataOptions.defaults(root).withImageSize(16).withSeed(1);
        WikiArtDataset data = WikiArtDataset.load(options, true, true);
        FeatureNetTrainer.Trained a = FeatureNetTrainer.train(data.train().samples(), data.labelIndex(), options, 8,
                12, 4, null);
        // 36 images of 3 generated styles: a linear read-out of the Gram statistics tells them apart.
        assertTrue(a.trainAccuracy() >= 0.9, "training accuracy " + a.trainAccuracy());
        FeatureStack untrained = FeatureStack.random(4, DataType.FLOAT, FeatureNetTrainer.CHANNELS,
                FeatureNetTrainer.STRIDES);
        assertNotEquals(untrained.weights().get(0), a.stack().weights().get(0), "the convolutions were trained");
        assertEquals(FeatureNetTrainer.CHANNELS.length, a.stack().layers());
        FeatureNetTrainer.Trained b = FeatureNetTrainer.train(data.train().samples(), data.labelIndex(), options, 8,
                12, 4, null);
        assertEquals(a.stack().weights(), b.stack().weights(), "same seed, same weights");
        assertEquals(a.trainAccuracy(), b.trainAccuracy());
        assertEquals(a.head(), b.head(), "same seed, same classifier");
        long grams = 0;
        for (long c : FeatureNetTrainer.CHANNELS) {
            grams += c * c;
        }
        assertArrayEquals(new long[] {grams, 3}, a.head().weights().shape(), "one weight per Gram value and style");
    }
}
