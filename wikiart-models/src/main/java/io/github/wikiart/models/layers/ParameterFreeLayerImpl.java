package io.github.wikiart.models.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The parts of a layer without parameters that DL4J asks for and this package's layers answer
 * alike: no pretraining, no weight noise.
 *
 * @param <C> the layer's configuration
 */
public abstract class ParameterFreeLayerImpl<C extends org.deeplearning4j.nn.conf.layers.Layer>
        extends AbstractLayer<C> {
    private static final long serialVersionUID = 1L;

    /**
     * @param conf the layer's configuration
     * @param dataType the network's data type
     */
    protected ParameterFreeLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {
    }
}
