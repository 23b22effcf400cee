package io.github.wikiart.models.layers;

import java.util.Collection;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of second-order (Gram-matrix) pooling of convolutional features: for activations
 * F of shape {@code [c, h*w]} per sample, the output is the flattened Gram matrix
 * {@code F F^T / (h w)} followed by the channel means: {@code c*c + c} features, without
 * parameters.
 *
 * <p>The Gram matrix is the style representation of Gatys, Ecker and Bethge (2016, "Image Style
 * Transfer Using Convolutional Neural Networks"): texture and colour statistics with the spatial
 * layout removed, which is what separates art styles. Pooling it for classification is bilinear
 * pooling (Lin, RoyChowdhury and Maji 2015).
 *
 * <p>Written as a native DL4J layer with a hand-derived backward pass because DL4J 1.0.0-M2.1's
 * {@code SameDiffLambdaLayer} returns twice the true input gradient (even for a plain reshape;
 * found by gradient checks here).
 */
public class GramPooling extends MapToVectorLayer {
    private static final long serialVersionUID = 1L;

    /** For deserialisation. */
    public GramPooling() {
    }

    /** @param format the layout of the incoming activations */
    public GramPooling(CNN2DFormat format) {
        super(format);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        return LayerWiring.wire(new GramPoolingImpl(conf, networkDataType), conf, listeners, layerIndex, layerParamsView,
                initializeParams, initializer());
    }

    @Override
    protected long outputSize(InputType.InputTypeConvolutional conv) {
        long c = conv.getChannels();
        return c * c + c;
    }

    @Override
    protected String description() {
        return "Gram pooling";
    }
}
