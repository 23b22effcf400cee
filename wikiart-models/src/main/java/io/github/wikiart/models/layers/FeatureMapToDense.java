package io.github.wikiart.models.layers;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Flattens a feature map to {@code [b, h*w*c]} in its own element order (a plain row-major
 * reshape, no permutation), so the flattened output of an image-to-image network lines up with
 * its flattened input in either layout. Used before a dense loss layer: DL4J M2.1's
 * {@code CnnLossLayer} with NHWC data scales the gradient of the mean squared error wrongly
 * (a uniform factor of w/c, found by gradient checks here).
 */
public class FeatureMapToDense extends FeatureMapReshape {
    private static final long serialVersionUID = 1L;

    /** For deserialisation. */
    public FeatureMapToDense() {
    }

    /**
     * @param height map height
     * @param width map width
     * @param channels map channels
     * @param format layout of the map
     */
    public FeatureMapToDense(long height, long width, long channels, CNN2DFormat format) {
        super(height, width, channels, format);
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        INDArray flat = input.dup('c').reshape('c', input.size(0), flatSize());
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, flat);
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        return workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, output.dup('c').reshape('c', mapShape(output.size(0))));
    }

    @Override
    public InputPreProcessor clone() {
        return new FeatureMapToDense(getHeight(), getWidth(), getChannels(), getFormat());
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        return InputType.feedForward(flatSize());
    }
}
