package io.github.wikiart.models.layers;

import io.github.wikiart.models.layers.StatisticsFeatures.Group;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a parameter-free first layer that turns RGB images (values in [0, 1]) into
 * fixed colour and texture statistics ({@link StatisticsFeatures}: channel moments and
 * correlations, luminance, channel, saturation and hue histograms, palette size, difference
 * statistics at 1, 2 and 4 px, periodicity of edges, block variance). Nothing in it is learned, so
 * a classifier built on it shares no learned features with anything else.
 *
 * <p>It must be a network's first layer: its backward pass returns no gradient for its input
 * (the statistics are not differentiable everywhere, and nobody needs an image gradient), and
 * costs nothing. {@code MultiLayerNetwork.backpropGradient} therefore returns no input gradient
 * for a network that starts with it.
 */
public class ImageStatistics extends MapToVectorLayer {
    private static final long serialVersionUID = 1L;

    private Set<Group> groups = EnumSet.allOf(Group.class);

    /** For deserialisation; every group, NCHW. */
    public ImageStatistics() {
    }

    /**
     * @param format the layout of the incoming images
     * @param groups the feature groups to compute (at least one)
     * @throws IllegalArgumentException if {@code groups} is empty
     */
    public ImageStatistics(CNN2DFormat format, Set<Group> groups) {
        super(format);
        setGroups(groups);
    }

    /** @param format the layout of the incoming images; every feature group */
    public ImageStatistics(CNN2DFormat format) {
        this(format, EnumSet.allOf(Group.class));
    }

    /** @return the feature groups computed */
    public Set<Group> getGroups() {
        return EnumSet.copyOf(groups);
    }

    /** @param groups the feature groups to compute, at least one (also for deserialisation) */
    public void setGroups(Set<Group> groups) {
        if (groups == null || groups.isEmpty()) {
            throw new IllegalArgumentException("image statistics need at least one feature group, got " + groups);
        }
        this.groups = EnumSet.copyOf(groups);
    }

    /** @return the number of features per image */
    public int featureCount() {
        return StatisticsFeatures.count(groups);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        return LayerWiring.wire(new ImageStatisticsImpl(conf, networkDataType), conf, listeners, layerIndex,
                layerParamsView, initializeParams, initializer());
    }

    @Override
    protected long outputSize(InputType.InputTypeConvolutional conv) {
        if (conv.getChannels() != 3) {
            throw new IllegalArgumentException("image statistics need RGB image input (3 channels), got " + conv);
        }
        return featureCount();
    }

    @Override
    protected String description() {
        return "image statistics";
    }
}
