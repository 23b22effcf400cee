package io.github.wikiart.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.RgbPixels;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.layers.ImageStatistics;
import io.github.wikiart.models.layers.ImageStatisticsImpl;
import io.github.wikiart.models.layers.StatisticsFeatures.Group;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class StatsClassifierTest {

    @Test
    void saveAndLoadReproduceOutputsAndTheFeatureGroups(@TempDir Path dir) throws Exception {
        EnumSet<Group> groups = EnumSet.of(Group.GRADIENTS, Group.LUMA_HISTOGRAM);
        MultiLayerNetwork net = StatsClassifier.builder().inputSide(16).numClasses(3).hidden(8).groups(groups).seed(3)
                .build().init();
        Nd4j.getRandom().setSeed(2);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 3, 16, 16);
        INDArray y = Nd4j.eye(3).getRows(0, 1, 2, 0, 1, 2).castTo(DataType.FLOAT);
        INDArray before = net.params().dup();
        net.fit(x, y);
        assertNotEquals(before, net.params(), "the head trains although the first layer returns no input gradient");
        File file = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork loaded = MultiLayerNetwork.load(file, true);
        assertTrue(loaded.getLayer(0) instanceof ImageStatisticsImpl);
        assertEquals(groups, ((ImageStatistics) loaded.getLayer(0).conf().getLayer()).getGroups());
        assertEquals(net.output(x), loaded.output(x));
        assertEquals(net.params(), loaded.params());
    }

    @Test
    void nhwcGivesTheSameNetwork() {
        MultiLayerNetwork nchw = StatsClassifier.builder().inputSide(12).numClasses(2).seed(4).build().init();
        MultiLayerNetwork nhwc = StatsClassifier.builder().inputSide(12).numClasses(2).seed(4).layout(TensorLayout.NHWC)
                .build().init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 3, 12, 12);
        assertEquals(nchw.params(), nhwc.params());
        assertEquals(nchw.output(x), nhwc.output(x.permute(0, 2, 3, 1).dup('c')));
        assertEquals(126, StatsClassifier.builder().numClasses(2).build().features());
    }

    @Test
    void theHeadAloneIsTheNetworkAfterItsStatisticsLayer() {
        StatsClassifier model = StatsClassifier.builder().inputSide(12).numClasses(3).hidden(5).dropout(0)
                .groups(EnumSet.of(Group.COLOUR_MOMENTS, Group.PALETTE)).seed(8).build();
        MultiLayerNetwork net = model.init();
        MultiLayerNetwork head = new MultiLayerNetwork(model.headConf());
        head.init();
        assertEquals(net.params(), head.params(), "same initial weights");
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3, 12, 12);
        INDArray features = net.feedForwardToLayer(0, x, false).get(1);
        assertEquals(13, features.size(1));
        assertEquals(net.output(x), head.output(features));
    }

    @Test
    void learnsGeneratedStylesFromTheirStatistics() {
        // 6 generated styles, 20 training and 10 test images each, 32 px; chance is 1/6.
        SyntheticStyles styles = SyntheticStyles.builder().styles(6).trainPerStyle(20).testPerStyle(10).size(32)
                .seed(21).build();
        INDArray[] train = batch(styles, SyntheticStyles.TRAIN, 20);
        INDArray[] test = batch(styles, SyntheticStyles.TEST, 10);
        MultiLayerNetwork net = StatsClassifier.builder().inputSide(32).numClasses(6).hidden(32).seed(7)
                .updater(new Adam(3e-3)).build().init();
        for (int epoch = 0; epoch < 20; epoch++) {
            net.fit(train[0], train[1]);
        }
        INDArray predicted = net.output(test[0]).argMax(1);
        INDArray truth = test[1].argMax(1);
        double accuracy = predicted.eq(truth).castTo(DataType.DOUBLE).meanNumber().doubleValue();
        assertTrue(accuracy >= 0.95, "test accuracy on 6 generated styles: " + accuracy);
    }

    private static INDArray[] batch(SyntheticStyles styles, String split, int perStyle) {
        int n = styles.styles().size() * perStyle;
        int side = styles.size();
        float[] pixels = new float[n * 3 * side * side];
        INDArray labels = Nd4j.zeros(DataType.FLOAT, n, styles.styles().size());
        int i = 0;
        for (int s = 0; s < styles.styles().size(); s++) {
            for (int k = 0; k < perStyle; k++, i++) {
                BufferedImage img = styles.render(s, styles.contentSeed(split, s, k), side);
                RgbPixels.of(img).toFloats(side * side, TensorLayout.NCHW, java.nio.FloatBuffer.wrap(pixels),
                        i * 3 * side * side);
                labels.putScalar(i, s, 1);
            }
        }
        return new INDArray[] {Nd4j.createFromArray(pixels).reshape(n, 3, side, side), labels};
    }
}
