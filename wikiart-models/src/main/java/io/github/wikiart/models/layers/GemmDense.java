package io.github.wikiart.models.layers;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dense layer: the same function, parameters, initialisation and configuration as DL4J's
 * {@link DenseLayer}, with faster matrix products ({@link GemmDenseImpl}): DL4J M2.1 computes the
 * forward product and the input gradient with {@code mmuli}, which for a product of a batch with
 * a large weight matrix takes 2-4 times as long as a direct {@code gemm} into a row-major result
 * (measured in BENCHMARKS.md).
 *
 * <p>Build it from an ordinary dense builder: {@code new GemmDense(new DenseLayer.Builder().nOut(676))}.
 */
public class GemmDense extends DenseLayer {
    private static final long serialVersionUID = 1L;

    /** For deserialisation. */
    public GemmDense() {
    }

    /**
     * @param builder a dense layer builder with nOut, activation and any other setting
     */
    public GemmDense(DenseLayer.Builder builder) {
        LayerWiring.copySettings(DenseLayer.class, builder.build(), this);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("GemmDense", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerWiring.wire(new GemmDenseImpl(conf, networkDataType), conf, listeners, layerIndex, layerParamsView,
                initializeParams, initializer());
    }
}
