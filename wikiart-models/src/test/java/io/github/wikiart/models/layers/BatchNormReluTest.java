package io.github.wikiart.models.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration.ListBuilder;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class BatchNormReluTest {
    private static final int SIDE = 9;
    private static final int CHANNELS = 5;

    @AfterEach
    void restoreTypes() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    /** A convolution, batch norm (+ ReLU), a second convolution and batch norm without ReLU, pooling, output. */
    private static MultiLayerNetwork net(boolean fused, CNN2DFormat format, DataType type, boolean logStd) {
        ListBuilder list = new NeuralNetConfiguration.Builder().seed(11).dataType(type)
                // Plain SGD: Adam would scale float rounding in near-zero gradients up to its step size.
                .updater(type == DataType.DOUBLE ? new NoOp() : new Sgd(0.5))
                .convolutionMode(ConvolutionMode.Same).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(CHANNELS).dataFormat(format).hasBias(false)
                        .activation(Activation.IDENTITY).build());
        BatchNormalization.Builder first = new BatchNormalization.Builder().dataFormat(format).useLogStd(logStd);
        BatchNormalization.Builder second = new BatchNormalization.Builder().dataFormat(format).useLogStd(logStd);
        if (fused) {
            list.layer(new BatchNormRelu(first, true));
        } else {
            list.layer(first.build()).layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
        }
        list.layer(new ConvolutionLayer.Builder(3, 3).nOut(4).dataFormat(format).hasBias(false)
                .activation(Activation.IDENTITY).build());
        list.layer(fused ? new BatchNormRelu(second, false) : second.build());
        MultiLayerConfiguration conf = list
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX)
                        .build())
                .setInputType(format == CNN2DFormat.NCHW ? InputType.convolutional(SIDE, SIDE, 3)
                        : InputType.convolutional(SIDE, SIDE, 3, CNN2DFormat.NHWC))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static INDArray images(CNN2DFormat format, DataType type, int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return format == CNN2DFormat.NCHW ? Nd4j.rand(type, n, 3, SIDE, SIDE).subi(0.4)
                : Nd4j.rand(type, n, SIDE, SIDE, 3).subi(0.4);
    }

    private static INDArray labels(DataType type, int n) {
        INDArray y = Nd4j.zeros(type, n, 3);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, i % 3, 1.0);
        }
        return y;
    }

    @ParameterizedTest
    @EnumSource(CNN2DFormat.class)
    void computesWhatDl4jsBatchNormAndReluCompute(CNN2DFormat format) {
        MultiLayerNetwork plain = net(false, format, DataType.FLOAT, true);
        MultiLayerNetwork fused = net(true, format, DataType.FLOAT, true);
        assertInstanceOf(BatchNormReluImpl.class, fused.getLayer(1));
        assertEquals(plain.params(), fused.params(), "the same parameters, in the same order");
        INDArray x = images(format, DataType.FLOAT, 6, 1);
        INDArray y = labels(DataType.FLOAT, 6);
        for (MultiLayerNetwork n : new MultiLayerNetwork[] {plain, fused}) {
            n.setInput(x);
            n.setLabels(y);
            n.computeGradientAndScore();
        }
        INDArray gp = plain.gradient().gradient();
        INDArray gf = fused.gradient().gradient();
        assertEquals(plain.score(), fused.score(), 1e-5);
        assertTrue(gp.equalsWithEps(gf, 1e-4), "gradients differ by " + gp.sub(gf).amaxNumber());
        assertTrue(gp.amaxNumber().doubleValue() > 1e-3, "the gradients are not all zero");
        // Three training steps move parameters and running statistics alike; inference then agrees.
        for (int step = 0; step < 3; step++) {
            plain.fit(x, y);
            fused.fit(x, y);
        }
        assertTrue(plain.params().equalsWithEps(fused.params(), 1e-4),
                "parameters differ by " + plain.params().sub(fused.params()).amaxNumber());
        INDArray running = fused.getLayer(1).getParam("mean");
        assertTrue(running.amaxNumber().doubleValue() > 1e-3, "the running mean moved: " + running);
        INDArray probe = images(format, DataType.FLOAT, 4, 2);
        INDArray expected = plain.output(probe);
        INDArray actual = fused.output(probe);
        assertTrue(expected.equalsWithEps(actual, 1e-4), "outputs:\n" + expected + "\n" + actual);
    }

    @Test
    void keepsDl4jsVarianceParameterisationToo() {
        MultiLayerNetwork plain = net(false, CNN2DFormat.NCHW, DataType.FLOAT, false);
        MultiLayerNetwork fused = net(true, CNN2DFormat.NCHW, DataType.FLOAT, false);
        INDArray x = images(CNN2DFormat.NCHW, DataType.FLOAT, 6, 3);
        INDArray y = labels(DataType.FLOAT, 6);
        for (int step = 0; step < 3; step++) {
            plain.fit(x, y);
            fused.fit(x, y);
        }
        INDArray relative = plain.params().sub(fused.params()).divi(Transforms.abs(plain.params()).addi(1));
        assertTrue(relative.amaxNumber().doubleValue() < 1e-4, "parameters differ by " + relative.amaxNumber()
                + " relative to 1 + their size");
        assertTrue(plain.output(x).equalsWithEps(fused.output(x), 1e-4));
    }

    @ParameterizedTest
    @EnumSource(CNN2DFormat.class)
    void gradientsMatchFiniteDifferencesInDoublePrecision(CNN2DFormat format) {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        MultiLayerNetwork fused = net(true, format, DataType.DOUBLE, true);
        INDArray x = images(format, DataType.DOUBLE, 4, 5);
        INDArray y = labels(DataType.DOUBLE, 4);
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(fused).input(x).labels(y)
                .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9).excludeParams(runningStatistics(fused))));
    }

    /** The running statistics' parameters: their "gradients" are updates, which a gradient check cannot see. */
    private static Set<String> runningStatistics(MultiLayerNetwork net) {
        return net.paramTable().keySet().stream()
                .filter(k -> k.endsWith("_mean") || k.endsWith("_var") || k.endsWith("_log10stdev"))
                .collect(Collectors.toSet());
    }

    @Test
    void normalisesMatricesWithoutRelu() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .updater(new NoOp()).list()
                .layer(new DenseLayer.Builder().nOut(7).activation(Activation.TANH).build())
                .layer(new BatchNormRelu(new BatchNormalization.Builder(), false))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2).activation(Activation.IDENTITY)
                        .build())
                .setInputType(InputType.feedForward(6)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Nd4j.getRandom().setSeed(9);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 6).subi(0.5);
        INDArray normalised = net.feedForward(x, true).get(2);
        assertEquals(0.0, normalised.mean(0).amaxNumber().doubleValue(), 1e-12, "zero mean per unit");
        double var = normalised.var(false, 0).getDouble(0);
        assertTrue(var > 0.99 && var < 1.0, "unit variance up to eps: " + var);
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x)
                .labels(Nd4j.rand(DataType.DOUBLE, 5, 2)).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9)
                .excludeParams(runningStatistics(net))));
    }

    @Test
    void saveAndLoadKeepTheLayerItsSettingsAndOutputs() throws Exception {
        MultiLayerNetwork fused = net(true, CNN2DFormat.NCHW, DataType.FLOAT, true);
        INDArray x = images(CNN2DFormat.NCHW, DataType.FLOAT, 4, 7);
        fused.fit(x, labels(DataType.FLOAT, 4));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(fused, bytes, true);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        BatchNormRelu first = assertInstanceOf(BatchNormRelu.class, loaded.getLayerWiseConfigurations().getConf(1).getLayer());
        BatchNormRelu second = assertInstanceOf(BatchNormRelu.class, loaded.getLayerWiseConfigurations().getConf(3).getLayer());
        assertTrue(first.isRelu());
        assertTrue(!second.isRelu());
        assertInstanceOf(BatchNormReluImpl.class, loaded.getLayer(1));
        assertEquals(fused.output(x), loaded.output(x));
        assertEquals(fused.getLayerWiseConfigurations().toJson(), loaded.getLayerWiseConfigurations().toJson());
    }

    @Test
    void aNanInTheInputIsNotHiddenByTheRelu() {
        MultiLayerNetwork fused = net(true, CNN2DFormat.NCHW, DataType.FLOAT, true);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, CHANNELS, 4, 4).subi(0.5);
        x.putScalar(new long[] {1, 0, 2, 3}, Float.NaN);
        org.deeplearning4j.nn.workspace.LayerWorkspaceMgr none =
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces();
        // Training: channel 0's batch statistics are NaN, so is all of its output; the others are finite.
        INDArray train = fused.getLayer(1).activate(x, true, none);
        assertEquals(32, train.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.point(0)).isNaN().castTo(DataType.INT).sumNumber().intValue());
        assertEquals(32, train.isNaN().castTo(DataType.INT).sumNumber().intValue());
        // Inference with the running statistics: exactly the one value.
        INDArray infer = fused.getLayer(1).activate(x, false, none);
        assertEquals(1, infer.isNaN().castTo(DataType.INT).sumNumber().intValue());
        assertTrue(Float.isNaN(infer.getFloat(1, 0, 2, 3)));
    }

    @Test
    void aWrongChannelCountNamesTheLayerAndShape() {
        MultiLayerNetwork fused = net(true, CNN2DFormat.NCHW, DataType.FLOAT, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fused.getLayer(1).activate(Nd4j.zeros(DataType.FLOAT, 2, CHANNELS + 1, 4, 4), false,
                        org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces()));
        assertTrue(e.getMessage().contains("expects 5 channels") && e.getMessage().contains("[2, 6, 4, 4]"),
                e.getMessage());
    }
}
