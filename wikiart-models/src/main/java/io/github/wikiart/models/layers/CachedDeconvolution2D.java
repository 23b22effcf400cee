package io.github.wikiart.models.layers;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's transposed convolution ({@link Deconvolution2D}) whose backward pass reuses the forward
 * pass's pre-activation output when the network caches forward passes ({@code CacheMode} other
 * than NONE), as DL4J's own convolution layer does; DL4J M2.1's transposed convolution computes
 * its forward pass again during backpropagation. Same function, parameters and gradients
 * (tested).
 *
 * <p>Build it from a transposed-convolution builder:
 * {@code new CachedDeconvolution2D(new Deconvolution2D.Builder(3, 3).stride(2, 2).nOut(16))}.
 */
public class CachedDeconvolution2D extends Deconvolution2D {
    private static final long serialVersionUID = 1L;

    /** For deserialisation. */
    public CachedDeconvolution2D() {
    }

    /** @param builder a transposed-convolution builder with the kernel, stride, padding, nOut and activation */
    public CachedDeconvolution2D(Deconvolution2D.Builder builder) {
        super(checked(builder));
    }

    private static Deconvolution2D.Builder checked(Deconvolution2D.Builder builder) {
        builder.build();
        return builder;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("CachedDeconvolution2D", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerWiring.wire(new CachedDeconvolution2DImpl(conf, networkDataType), conf, listeners, layerIndex,
                layerParamsView, initializeParams, initializer());
    }
}
