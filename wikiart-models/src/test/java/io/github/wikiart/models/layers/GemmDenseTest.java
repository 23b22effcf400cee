package io.github.wikiart.models.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class GemmDenseTest {
    private static final int IN = 37;
    private static final int HIDDEN = 23;

    @AfterEach
    void restoreTypes() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    private static MultiLayerNetwork net(boolean gemm, DataType type) {
        DenseLayer.Builder first = new DenseLayer.Builder().nOut(HIDDEN).activation(Activation.TANH);
        DenseLayer.Builder second = new DenseLayer.Builder().nOut(HIDDEN).activation(Activation.IDENTITY);
        Layer a = gemm ? new GemmDense(first) : first.build();
        Layer b = gemm ? new GemmDense(second) : second.build();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).dataType(type).updater(new NoOp())
                .list().layer(a).layer(b)
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(3).activation(Activation.IDENTITY).build())
                .setInputType(InputType.feedForward(IN)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @Test
    void computesWhatDl4jsDenseLayerComputesOutputsAndGradients() {
        MultiLayerNetwork plain = net(false, DataType.FLOAT);
        MultiLayerNetwork gemm = net(true, DataType.FLOAT);
        assertInstanceOf(GemmDenseImpl.class, gemm.getLayer(0));
        assertEquals(plain.params(), gemm.params(), "the same initial parameters");
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, IN).subi(0.5);
        INDArray y = Nd4j.rand(DataType.FLOAT, 5, 3);
        INDArray expected = plain.output(x);
        INDArray actual = gemm.output(x);
        assertTrue(expected.equalsWithEps(actual, 1e-5), "outputs:\n" + expected + "\n" + actual);
        plain.setInput(x);
        plain.setLabels(y);
        plain.computeGradientAndScore();
        gemm.setInput(x);
        gemm.setLabels(y);
        gemm.computeGradientAndScore();
        INDArray gp = plain.gradient().gradient();
        INDArray gg = gemm.gradient().gradient();
        assertEquals(gp.length(), gg.length());
        assertTrue(gp.equalsWithEps(gg, 1e-5), "gradients differ by " + gp.sub(gg).amaxNumber());
        assertTrue(gp.amaxNumber().doubleValue() > 1e-3, "the gradients are not all zero");
        assertEquals(plain.score(), gemm.score(), 1e-6);
    }

    @Test
    void gradientsMatchFiniteDifferencesInDoublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        MultiLayerNetwork gemm = net(true, DataType.DOUBLE);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, IN).subi(0.5);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 4, 3);
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(gemm).input(x).labels(y)
                .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9)));
    }

    @Test
    void saveAndLoadKeepTheLayerAndItsOutputs() throws Exception {
        MultiLayerNetwork gemm = net(true, DataType.FLOAT);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, IN);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(gemm, bytes, true);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertInstanceOf(GemmDense.class, loaded.getLayerWiseConfigurations().getConf(0).getLayer());
        assertInstanceOf(GemmDenseImpl.class, loaded.getLayer(0));
        assertEquals(gemm.output(x), loaded.output(x));
        assertEquals(gemm.getLayerWiseConfigurations().toJson(), loaded.getLayerWiseConfigurations().toJson());
    }
}
