package io.github.wikiart.models.layers;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reshapes dense activations {@code [b, h*w*c]} into a feature map in either layout. DL4J's
 * {@code FeedForwardToCnnPreProcessor} only produces NCHW, so an NHWC decoder needs this one; the
 * dense layer before it learns whichever element order it is given.
 */
public class DenseToFeatureMap extends FeatureMapReshape {
    private static final long serialVersionUID = 1L;

    /** For deserialisation. */
    public DenseToFeatureMap() {
    }

    /**
     * @param height map height
     * @param width map width
     * @param channels map channels
     * @param format layout of the map
     */
    public DenseToFeatureMap(long height, long width, long channels, CNN2DFormat format) {
        super(height, width, channels, format);
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, input.dup('c').reshape('c', mapShape(input.size(0))));
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        INDArray eps = output.dup('c').reshape('c', output.size(0), flatSize());
        return workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, eps);
    }

    @Override
    public InputPreProcessor clone() {
        return new DenseToFeatureMap(getHeight(), getWidth(), getChannels(), getFormat());
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        return InputType.convolutional(getHeight(), getWidth(), getChannels(), getFormat());
    }
}
