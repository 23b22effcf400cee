package io.github.wikiart.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class OneDnnTest {

    private static MultiLayerNetwork tinyConvNet() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 3)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @Test
    void nativeBuildHasOneDnn() {
        assertTrue(OneDnn.hasOneDnnBuild(), "the default backend must be a -onednn build");
    }

    @Test
    void convolutionLayerRunsWithTheOneDnnHelper() {
        assertTrue(OneDnn.ensureEnabled(), "oneDNN helpers must be active");
        MultiLayerNetwork net = tinyConvNet();
        org.deeplearning4j.nn.layers.convolution.ConvolutionLayer conv =
                (org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) net.getLayer(0);
        assertInstanceOf(MKLDNNConvHelper.class, conv.getHelper());
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 3, 8, 8);
        INDArray y = Nd4j.zeros(2, 2).putScalar(0, 0, 1).putScalar(1, 1, 1);
        net.fit(x, y);
        // A layer that found its helper broken drops it; it must still be there after a step.
        assertInstanceOf(MKLDNNConvHelper.class, conv.getHelper());
    }

    @Test
    void aUserWhoSwitchesTheHelpersOffKeepsThemOff() {
        String before = System.getProperty(OneDnn.DISABLE_PROPERTY);
        System.setProperty(OneDnn.DISABLE_PROPERTY, "true");
        try {
            assertFalse(OneDnn.ensureEnabled(), "the user's -D" + OneDnn.DISABLE_PROPERTY + "=true must win");
            assertEquals("true", System.getProperty(OneDnn.DISABLE_PROPERTY));
            org.deeplearning4j.nn.layers.convolution.ConvolutionLayer conv =
                    (org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) tinyConvNet().getLayer(0);
            assertNull(conv.getHelper(), "no oneDNN helper when switched off");
        } finally {
            if (before == null) {
                System.clearProperty(OneDnn.DISABLE_PROPERTY);
            } else {
                System.setProperty(OneDnn.DISABLE_PROPERTY, before);
            }
            OneDnn.ensureEnabled();
        }
    }
}
