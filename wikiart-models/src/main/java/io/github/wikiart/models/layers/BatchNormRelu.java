package io.github.wikiart.models.layers;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch normalisation, optionally fused with the ReLU that follows it: the same function,
 * parameters (gamma, beta and the running statistics, in DL4J's order and parameterisation),
 * initialisation, updaters and configuration as DL4J's {@link BatchNormalization} (followed by an
 * {@code ActivationLayer} with ReLU when {@code relu} is set), computed in two passes forward and
 * two backward ({@link BatchNormReluImpl}). DL4J M2.1's batch-norm backward makes about eleven
 * passes over its input and a separate ReLU two more (BENCHMARKS.md).
 *
 * <p>Build it from an ordinary builder:
 * {@code new BatchNormRelu(new BatchNormalization.Builder().dataFormat(format), true)}. Both layouts
 * (NCHW, NHWC) and matrix inputs are supported; channels-last ones are read in blocks of whole rows
 * ({@code BatchNormRows}). Statistics are computed in double precision and do not depend on the
 * number of threads.
 */
public class BatchNormRelu extends BatchNormalization {
    private static final long serialVersionUID = 1L;

    private boolean relu;

    /** For deserialisation. */
    public BatchNormRelu() {
    }

    /**
     * @param builder a batch-normalisation builder with any of its settings
     * @param relu whether a ReLU follows the normalisation
     */
    public BatchNormRelu(BatchNormalization.Builder builder, boolean relu) {
        LayerWiring.copySettings(BatchNormalization.class, builder.build(), this);
        this.relu = relu;
    }

    /** @return whether a ReLU follows the normalisation */
    public boolean isRelu() {
        return relu;
    }

    /** @param relu whether a ReLU follows the normalisation (for deserialisation) */
    public void setRelu(boolean relu) {
        this.relu = relu;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNOutSet("BatchNormRelu", getLayerName(), layerIndex, getNOut());
        return LayerWiring.wire(new BatchNormReluImpl(conf, networkDataType), conf, listeners, layerIndex,
                layerParamsView, initializeParams, initializer());
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof BatchNormRelu other && relu == other.relu;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Boolean.hashCode(relu);
    }
}
