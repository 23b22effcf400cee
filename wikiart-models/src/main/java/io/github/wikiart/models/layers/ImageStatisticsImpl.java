package io.github.wikiart.models.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The computation of {@link ImageStatistics}: the forward pass computes
 * {@link StatisticsFeatures} per image; the backward pass does no work and returns no input
 * gradient (the layer has no parameters and is always first).
 */
public class ImageStatisticsImpl extends ParameterFreeLayerImpl<ImageStatistics> {
    private static final long serialVersionUID = 1L;

    /**
     * @param conf the layer's configuration
     * @param dataType the network's data type
     */
    public ImageStatisticsImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        ImageStatistics c = layerConf();
        double[][] features = StatisticsFeatures.compute(input, c.getFormat(), c.getGroups());
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {features.length, c.featureCount()}, 'c');
        if (features.length > 0) {
            out.assign(Nd4j.createFromArray(features).castTo(dataType));
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        // No parameters and no input gradient: the layer is a network's first, and images are not trained.
        return new Pair<>(new DefaultGradient(), null);
    }

    @Override
    public Layer.Type type() {
        return Layer.Type.FEED_FORWARD;
    }
}
