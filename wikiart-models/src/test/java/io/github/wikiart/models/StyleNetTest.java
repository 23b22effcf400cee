package io.github.wikiart.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.TensorLayout;
import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

class StyleNetTest {

    @AfterEach
    void restoreTypes() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    @Test
    void gramPoolingMatchesAHandComputation() {
        // One sample, 2 channels, 2x2: channel 0 = [1 2; 3 4], channel 1 = [0 1; 0 1].
        INDArray x = Nd4j.createFromArray(new float[] {1, 2, 3, 4, 0, 1, 0, 1}).reshape(1, 2, 2, 2);
        MultiLayerNetwork net = new MultiLayerNetwork(new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder()
                .list().layer(new io.github.wikiart.models.layers.GramPooling(org.deeplearning4j.nn.conf.CNN2DFormat.NCHW))
                .setInputType(org.deeplearning4j.nn.conf.inputs.InputType.convolutional(2, 2, 2)).build());
        net.init();
        INDArray out = net.output(x);
        // G = F F^T / 4: [30 6; 6 2] / 4, then the channel means 2.5 and 0.5.
        assertArrayEquals(new float[] {7.5f, 1.5f, 1.5f, 0.5f, 2.5f, 0.5f}, out.toFloatVector(), 1e-6f);
        MultiLayerNetwork nhwc = new MultiLayerNetwork(new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder()
                .list().layer(new io.github.wikiart.models.layers.GramPooling(org.deeplearning4j.nn.conf.CNN2DFormat.NHWC))
                .setInputType(org.deeplearning4j.nn.conf.inputs.InputType.convolutional(2, 2, 2,
                        org.deeplearning4j.nn.conf.CNN2DFormat.NHWC)).build());
        nhwc.init();
        assertEquals(out, nhwc.output(x.permute(0, 2, 3, 1).dup()));
    }

    @Test
    void gradientCheckInDoublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        for (TensorLayout layout : TensorLayout.values()) {
            MultiLayerNetwork net = new MultiLayerNetwork(StyleNet.builder().inputSide(8).numClasses(3).width(2)
                    .gramChannels(2).hidden(4).dropout(0).updater(new NoOp()).layout(layout).seed(5).dataType(DataType.DOUBLE).build().conf());
            net.init();
            Nd4j.getRandom().setSeed(12);
            INDArray x = layout == TensorLayout.NCHW ? Nd4j.rand(DataType.DOUBLE, 4, 3, 8, 8)
                    : Nd4j.rand(DataType.DOUBLE, 4, 8, 8, 3);
            INDArray y = Nd4j.zeros(DataType.DOUBLE, 4, 3);
            for (int i = 0; i < 4; i++) {
                y.putScalar(i, i % 3, 1.0);
            }
            // Training-mode batch norm uses the batch statistics; its running mean and variance are
            // not trained by gradients, so they are excluded, as in DL4J's own CNN gradient checks.
            java.util.Set<String> exclude = new java.util.HashSet<>();
            for (int i = 0; i < net.getnLayers(); i++) {
                if (net.getLayer(i).conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization) {
                    exclude.add(i + "_mean");
                    exclude.add(i + "_var");
                    exclude.add(i + "_log10stdev");
                }
            }
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x).labels(y)
                    .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8).excludeParams(exclude)
                    .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
            assertTrue(ok, "gradient check failed for " + layout);
        }
    }

    @Test
    void saveAndLoadReproduceOutputs(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = StyleNet.builder().inputSide(16).numClasses(4).width(4).gramChannels(4).hidden(8)
                .seed(3).build().init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 3, 16, 16);
        INDArray y = Nd4j.eye(4).getRows(0, 1, 2, 3, 0).castTo(DataType.FLOAT);
        net.fit(x, y);
        File file = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork loaded = MultiLayerNetwork.load(file, true);
        assertEquals(net.output(x), loaded.output(x));
        assertEquals(net.params(), loaded.params());
    }

    @Test
    void sameSeedSameInitialWeights() {
        MultiLayerNetwork a = StyleNet.builder().numClasses(3).seed(9).build().init();
        MultiLayerNetwork b = StyleNet.builder().numClasses(3).seed(9).build().init();
        MultiLayerNetwork c = StyleNet.builder().numClasses(3).seed(10).build().init();
        assertEquals(a.params(), b.params());
        assertTrue(!a.params().equals(c.params()));
        assertArrayEquals(new long[] {2, 3}, a.output(Nd4j.rand(DataType.FLOAT, 2, 3, 64, 64)).shape());
    }
}
