package io.github.wikiart.models.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The steps every layer configuration of this package takes to set up its new layer. */
final class LayerWiring {
    private LayerWiring() {
    }

    /**
     * Attaches listeners, index, parameters and configuration to a newly created layer, as DL4J's
     * own layer configurations do in {@code instantiate}.
     *
     * @param layer the new layer
     * @param conf its configuration
     * @param listeners training listeners
     * @param index layer index
     * @param paramsView the layer's view of the network's parameters
     * @param initialize whether to initialise the parameters
     * @param initializer the parameter initialiser
     * @return {@code layer}
     */
    static <L extends AbstractLayer<?>> L wire(L layer, NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int index, INDArray paramsView, boolean initialize,
            ParamInitializer initializer) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(initializer.init(conf, paramsView, initialize));
        layer.setConf(conf);
        return layer;
    }
}
