package io.github.wikiart.models.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class InputConvolutionTest {

    @AfterEach
    void restoreTypes() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    private record Case(int kernel, int stride, int padding, boolean same, int out, Activation act, CNN2DFormat format,
            int h, int w) {
        ConvolutionLayer.Builder builder() {
            ConvolutionLayer.Builder b = new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).nOut(out)
                    .activation(act).dataFormat(format);
            return same ? b.convolutionMode(ConvolutionMode.Same) : b.padding(padding, padding)
                    .convolutionMode(ConvolutionMode.Truncate);
        }
    }

    private static MultiLayerNetwork net(Layer first, Case c, DataType type) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).dataType(type).updater(new NoOp())
                .list().layer(first)
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(c.h(), c.w(), 3, c.format())).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static INDArray input(Case c, int n, DataType type) {
        return c.format() == CNN2DFormat.NCHW ? Nd4j.rand(type, n, 3, c.h(), c.w()) : Nd4j.rand(type, n, c.h(), c.w(), 3);
    }

    @Test
    void sameForwardAndParameterGradientsAsDl4jConvolution() {
        Case[] cases = {
            new Case(4, 1, 2, false, 1, Activation.IDENTITY, CNN2DFormat.NCHW, 21, 17),
            new Case(3, 2, 1, false, 4, Activation.RELU, CNN2DFormat.NCHW, 16, 16),
            new Case(3, 1, 0, true, 2, Activation.TANH, CNN2DFormat.NHWC, 9, 12),
            new Case(5, 2, 0, true, 3, Activation.IDENTITY, CNN2DFormat.NHWC, 15, 10),
            new Case(4, 3, 1, false, 1, Activation.RELU, CNN2DFormat.NCHW, 20, 23),
        };
        for (Case c : cases) {
            MultiLayerNetwork plain = net(c.builder().build(), c, DataType.FLOAT);
            MultiLayerNetwork fast = net(new InputConvolution(c.builder()), c, DataType.FLOAT);
            assertEquals(plain.params(), fast.params(), "same initial parameters for " + c);
            Nd4j.getRandom().setSeed(3);
            INDArray x = input(c, 5, DataType.FLOAT);
            INDArray y = Nd4j.rand(DataType.FLOAT, 5, 2);
            assertEquals(plain.output(x), fast.output(x), "same output for " + c);
            Gradient expected = gradient(plain, x, y);
            Gradient actual = gradient(fast, x, y);
            for (String key : new String[] {"0_W", "0_b", "1_W", "1_b"}) {
                INDArray e = expected.getGradientFor(key);
                INDArray a = actual.getGradientFor(key);
                double scale = Math.max(1e-3, e.amaxNumber().doubleValue());
                double diff = e.sub(a).amaxNumber().doubleValue();
                assertTrue(diff <= 1e-5 * scale, key + " differs by " + diff + " (scale " + scale + ") for " + c);
            }
        }
    }

    private static Gradient gradient(MultiLayerNetwork net, INDArray x, INDArray y) {
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return net.gradient();
    }

    @Test
    void gradientCheckInDoublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        for (Case c : new Case[] {new Case(4, 1, 2, false, 2, Activation.TANH, CNN2DFormat.NCHW, 7, 6),
            new Case(3, 2, 0, true, 2, Activation.TANH, CNN2DFormat.NHWC, 6, 7)}) {
            MultiLayerNetwork net = net(new InputConvolution(c.builder()), c, DataType.DOUBLE);
            Nd4j.getRandom().setSeed(11);
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net)
                    .input(input(c, 3, DataType.DOUBLE)).labels(Nd4j.rand(DataType.DOUBLE, 3, 2))
                    .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9).print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
            assertTrue(ok, "gradient check failed for " + c);
        }
    }

    @Test
    void returnsNoInputGradientAndRefusesDilation() {
        Case c = new Case(3, 1, 1, false, 2, Activation.RELU, CNN2DFormat.NCHW, 8, 8);
        MultiLayerNetwork net = net(new InputConvolution(c.builder()), c, DataType.FLOAT);
        net.setInput(input(c, 2, DataType.FLOAT));
        net.setLabels(Nd4j.rand(DataType.FLOAT, 2, 2));
        net.computeGradientAndScore();
        assertNull(net.getLayer(0).backpropGradient(Nd4j.ones(DataType.FLOAT, 2, 2, 8, 8),
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces()).getSecond());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InputConvolution(new ConvolutionLayer.Builder(3, 3).dilation(2, 2).nOut(1)));
        assertTrue(e.getMessage().contains("dilation"), e.getMessage());
    }

    @Test
    void saveAndLoadKeepTheLayerAndOutputs(@TempDir Path dir) throws Exception {
        Case c = new Case(4, 1, 2, false, 1, Activation.IDENTITY, CNN2DFormat.NCHW, 12, 12);
        MultiLayerNetwork net = net(new InputConvolution(c.builder()), c, DataType.FLOAT);
        INDArray x = input(c, 3, DataType.FLOAT);
        File file = dir.resolve("m.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork loaded = MultiLayerNetwork.load(file, true);
        assertTrue(loaded.getLayer(0) instanceof InputConvolutionImpl);
        assertEquals(net.output(x), loaded.output(x));
    }
}
