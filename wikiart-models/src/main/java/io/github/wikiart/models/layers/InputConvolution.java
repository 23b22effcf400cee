package io.github.wikiart.models.layers;

import java.util.Arrays;
import java.util.Collection;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution layer for the first layer of a network: the same function, parameters and
 * forward pass as DL4J's {@link ConvolutionLayer}, but its backward pass computes only the weight
 * and bias gradients and returns no gradient for its input (which, for a first layer, nobody
 * uses). DL4J's own layer always computes the input gradient, which for a convolution from 3
 * channels to few is the larger part of the backward pass (measured in BENCHMARKS.md).
 *
 * <p>Build it from an ordinary convolution builder:
 * {@code new InputConvolution(new ConvolutionLayer.Builder(4, 4).padding(2, 2).nOut(1))}. Dilation
 * must be 1. Because it returns no input gradient, {@code MultiLayerNetwork.backpropGradient}
 * returns null for a network that starts with it; use an ordinary {@link ConvolutionLayer} where
 * the gradient with respect to the image is wanted.
 */
public class InputConvolution extends ConvolutionLayer {
    private static final long serialVersionUID = 1L;

    /** For deserialisation. */
    public InputConvolution() {
    }

    /**
     * @param builder a convolution builder with the kernel, stride, padding, nOut and activation
     * @throws IllegalArgumentException if the dilation is not 1
     */
    public InputConvolution(ConvolutionLayer.Builder builder) {
        super(validated(builder));
    }

    private static ConvolutionLayer.Builder validated(ConvolutionLayer.Builder builder) {
        ConvolutionLayer plain = builder.build();
        if (plain.getDilation()[0] != 1 || plain.getDilation()[1] != 1) {
            throw new IllegalArgumentException("InputConvolution supports dilation 1 only, got "
                    + Arrays.toString(plain.getDilation()));
        }
        return builder;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("InputConvolution", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerWiring.wire(new InputConvolutionImpl(conf, networkDataType), conf, listeners, layerIndex, layerParamsView,
                initializeParams, initializer());
    }

    /** @return whether the padding is computed from the input size (Same mode) */
    boolean samePadding() {
        return getConvolutionMode() == ConvolutionMode.Same;
    }
}
