package io.github.wikiart.models.layers;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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

    /**
     * Copies every setting of a built DL4J layer configuration into a subclass instance: DL4J's
     * configurations have no constructor for subclasses, only builders that build the base class.
     *
     * @param type the DL4J configuration class whose fields (and its superclasses') are copied
     * @param from a configuration built by DL4J's builder
     * @param to the subclass instance
     */
    static <T> void copySettings(Class<T> type, T from, T to) {
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    f.set(to, f.get(from));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot copy the layer setting " + c.getSimpleName() + "."
                            + f.getName(), e);
                }
            }
        }
    }
}
