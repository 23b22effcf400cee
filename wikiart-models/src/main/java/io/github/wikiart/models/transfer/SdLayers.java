package io.github.wikiart.models.transfer;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The few SameDiff building blocks the transfer networks use, in NHWC with YXIO weights (the
 * combination DESIGN.md records as trainable in SameDiff M2.1), and He initialisation.
 */
public final class SdLayers {
    private SdLayers() {
    }

    /**
     * He-normal weights from ND4J's generator (seed it first for reproducible weights).
     *
     * @param fanIn inputs per output
     * @param type data type
     * @param shape the shape
     * @return the array
     */
    public static INDArray he(long fanIn, DataType type, long... shape) {
        return Nd4j.randn(type, shape).muli(Math.sqrt(2.0 / fanIn));
    }

    /**
     * A 3x3 "same" convolution with bias.
     *
     * @param sd graph
     * @param name variable prefix
     * @param x input {@code [b, h, w, in]}
     * @param in input channels
     * @param out output channels
     * @param stride 1 or 2
     * @param trainable whether the weights are variables (else constants)
     * @return {@code [b, h/stride, w/stride, out]}
     */
    public static SDVariable conv3(SameDiff sd, String name, SDVariable x, long in, long out, int stride,
                                   boolean trainable) {
        DataType t = x.dataType();
        INDArray w = he(9 * in, t, 3, 3, in, out);
        INDArray b = Nd4j.zeros(t, out);
        SDVariable wv = trainable ? sd.var(name + "_W", w) : sd.constant(name + "_W", w);
        SDVariable bv = trainable ? sd.var(name + "_b", b) : sd.constant(name + "_b", b);
        return sd.cnn().conv2d(name, x, wv, bv, Conv2DConfig.builder().kH(3).kW(3).sH(stride).sW(stride)
                .paddingMode(PaddingMode.SAME).dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO).build());
    }

    /**
     * A 3x3 transposed convolution with stride 2 that doubles height and width.
     *
     * @param sd graph
     * @param name variable prefix
     * @param x input {@code [b, h, w, in]}
     * @param in input channels
     * @param out output channels
     * @return {@code [b, 2h, 2w, out]}
     */
    public static SDVariable deconv3x2(SameDiff sd, String name, SDVariable x, long in, long out) {
        DataType t = x.dataType();
        SDVariable w = sd.var(name + "_W", he(9 * in, t, 3, 3, out, in));
        SDVariable b = sd.var(name + "_b", Nd4j.zeros(t, out));
        return sd.cnn().deconv2d(name, x, w, b, DeConv2DConfig.builder().kH(3).kW(3).sH(2).sW(2).isSameMode(true)
                .dataFormat("NHWC").build());
    }

    /**
     * Conditional instance normalisation (Dumoulin, Shlens and Kudlur 2017): each sample's channels
     * are normalised over height and width, then scaled and shifted by the gamma and beta of its
     * style, picked from per-style tables by a one-hot matrix product.
     *
     * @param sd graph
     * @param name variable prefix
     * @param x {@code [b, h, w, c]}
     * @param styles one-hot styles {@code [b, styles]}
     * @param numStyles number of styles
     * @param c channels
     * @return the normalised activations
     */
    public static SDVariable cin(SameDiff sd, String name, SDVariable x, SDVariable styles, int numStyles, long c) {
        DataType t = x.dataType();
        SDVariable gammaTable = sd.var(name + "_gamma", Nd4j.ones(t, numStyles, c));
        SDVariable betaTable = sd.var(name + "_beta", Nd4j.zeros(t, numStyles, c));
        SDVariable mean = x.mean(true, 1, 2);
        SDVariable centred = x.sub(mean);
        SDVariable var = centred.mul(centred).mean(true, 1, 2);
        SDVariable normalised = centred.div(sd.math().sqrt(var.add(1e-5)));
        SDVariable gamma = sd.reshape(styles.mmul(gammaTable), -1L, 1L, 1L, c);
        SDVariable beta = sd.reshape(styles.mmul(betaTable), -1L, 1L, 1L, c);
        return normalised.mul(gamma).add(beta);
    }

    /**
     * Nearest-neighbour upsampling by 2 of NHWC activations, written as a reshape and two
     * concatenations of the activations with themselves: SameDiff M2.1's {@code upsampling2d}
     * with NHWC data has a wrong gradient (found by a gradient check here). The first form, a
     * broadcast multiply by a tensor of ones, computed the same values but its backward pass also
     * reduced the whole gradient for the (constant) ones: a graph of one convolution block and
     * this upsampling at 32 px, 32 channels, batch 8 took 145-167 ms per gradient with it and 42-57
     * ms with the concatenations (2026-12-07); the copies of a concatenation have a backward pass
     * of slices.
     *
     * @param sd graph
     * @param x {@code [b, h, w, c]}
     * @param h height
     * @param w width
     * @param c channels
     * @return {@code [b, 2h, 2w, c]}
     */
    public static SDVariable upsample2(SameDiff sd, SDVariable x, long h, long w, long c) {
        SDVariable six = sd.reshape(x, -1L, h, 1L, w, 1L, c);
        SDVariable rows = sd.concat(2, six, six);
        return sd.reshape(sd.concat(4, rows, rows), -1L, 2 * h, 2 * w, c);
    }
}
