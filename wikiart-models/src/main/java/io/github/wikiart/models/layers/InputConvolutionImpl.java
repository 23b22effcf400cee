package io.github.wikiart.models.layers;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The computation of {@link InputConvolution}: DL4J's convolution forward pass (its pre-activation
 * output is reused by the backward pass when the network caches it) and a backward pass that
 * computes the parameter gradients only ({@link ConvWeightGradient}).
 */
public class InputConvolutionImpl extends ConvolutionLayer {
    private static final long serialVersionUID = 1L;

    /**
     * @param conf the layer's configuration
     * @param dataType the network's data type
     */
    public InputConvolutionImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf = layerConf();
        boolean nhwc = conf.getCnn2dDataFormat() == CNN2DFormat.NHWC;
        INDArray z = preOutput4d(true, true, workspaceMgr).getFirst();
        if (!java.util.Arrays.equals(z.shape(), epsilon.shape()) && nhwc) {
            z = z.permute(0, 2, 3, 1);
        }
        INDArray delta = conf.getActivationFn().backprop(z, epsilon).getFirst();
        INDArray x = nhwc ? input.permute(0, 3, 1, 2) : input;
        INDArray d = nhwc ? delta.permute(0, 3, 1, 2) : delta;
        int[] kernel = conf.getKernelSize();
        int[] stride = conf.getStride();
        int[] padding = conf.getPadding();
        if (((InputConvolution) conf).samePadding()) {
            int[] outSize = {(int) d.size(2), (int) d.size(3)};
            padding = ConvolutionUtils.getSameModeTopLeftPadding(outSize, new int[] {(int) x.size(2), (int) x.size(3)},
                    kernel, stride, new int[] {1, 1});
        }
        INDArray weightGrad = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        INDArray biasGrad = conf.hasBias() ? gradientViews.get(ConvolutionParamInitializer.BIAS_KEY) : null;
        ConvWeightGradient.compute(x, d, kernel, stride, padding, weightGrad, biasGrad);
        Gradient gradient = new DefaultGradient();
        if (biasGrad != null) {
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGrad);
        }
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGrad, 'c');
        weightNoiseParams.clear();
        return new Pair<>(gradient, null);
    }
}
