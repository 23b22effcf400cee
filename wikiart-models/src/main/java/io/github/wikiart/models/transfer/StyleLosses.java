package io.github.wikiart.models.transfer;

import java.util.List;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Gram-matrix style loss and the content loss of Gatys, Ecker and Bethge (2016, "Image Style
 * Transfer Using Convolutional Neural Networks"), as SameDiff operations for training and as eager
 * ND4J functions for evaluation and tests. Activations are NHWC ({@code [b, h, w, c]}).
 *
 * <p>For one sample with activation F of shape {@code [c, h*w]}: {@code G = F F^T / (c h w)}.
 * The style loss of a set of layers is the sum over the layers of the mean squared error between
 * the Gram matrices; the content loss is the mean squared error between activations.
 */
public final class StyleLosses {
    private StyleLosses() {
    }

    /**
     * Gram matrices of NHWC activations, {@code [b, c, c]}, normalised by {@code c h w}.
     *
     * @param sd the graph
     * @param x activations {@code [b, h, w, c]}
     * @param h height
     * @param w width
     * @param c channels
     * @return the Gram matrices
     */
    public static SDVariable gram(SameDiff sd, SDVariable x, long h, long w, long c) {
        SDVariable f = sd.reshape(x, -1L, h * w, c);
        return sd.mmul(f, f, true, false, false).div((double) (c * h * w));
    }

    /**
     * Soft cumulative distributions of the colour channels and the luminance: for each of the
     * channels R, G, B and Y ({@code 0.299 R + 0.587 G + 0.114 B}) and each threshold
     * {@code t_j = (j + 0.5) / thresholds}, the mean over the pixels of
     * {@code sigmoid((t_j - x) / }{@value #CDF_TEMPERATURE}{@code )}, a differentiable fraction of
     * the pixels below {@code t_j}. Comparing these matches whole colour distributions (palettes,
     * tone curves, solarisation), which the pixels' Gram matrix (their second moments) does not.
     *
     * @param sd the graph
     * @param images NHWC images in [0, 1]
     * @param side height and width
     * @param thresholds thresholds per channel
     * @return {@code [b, 4 * thresholds]}, channel-major
     */
    public static SDVariable colourCdf(SameDiff sd, SDVariable images, long side, int thresholds) {
        return colourCdf(sd, images, side, thresholds, ColourChannels.RGBY);
    }

    /**
     * Soft cumulative distributions of the pixels along the given colour directions (see
     * {@link #colourCdf(SameDiff, SDVariable, long, int)} and {@link ColourChannels}).
     *
     * @param sd the graph
     * @param images NHWC images in [0, 1]
     * @param side height and width
     * @param thresholds thresholds per channel
     * @param channels the colour directions
     * @return {@code [b, channels.count() * thresholds]}, channel-major
     */
    public static SDVariable colourCdf(SameDiff sd, SDVariable images, long side, int thresholds,
                                       ColourChannels channels) {
        org.nd4j.linalg.api.buffer.DataType t = images.dataType();
        long k = channels.count();
        SDVariable pixels = sd.reshape(images, -1L, 3L);
        SDVariable projected = pixels.mmul(sd.constant(Nd4j.createFromArray(channels.projection()).castTo(t)));
        if (channels.hasOffset()) {
            projected = projected.add(sd.constant(Nd4j.createFromArray(channels.offset()).castTo(t)));
        }
        double[] th = new double[thresholds];
        for (int j = 0; j < thresholds; j++) {
            th[j] = (j + 0.5) / thresholds;
        }
        SDVariable cuts = sd.constant(Nd4j.createFromArray(th).castTo(t).reshape(1, 1, 1, thresholds));
        SDVariable below = sd.nn().sigmoid(cuts.sub(sd.reshape(projected, -1L, side * side, k, 1L))
                .div(CDF_TEMPERATURE));
        return sd.reshape(below.mean(1), -1L, k * thresholds);
    }

    /**
     * The colour directions whose distributions {@link #colourCdf} compares, each with values in
     * [0, 1] for pixels in [0, 1].
     */
    public enum ColourChannels {
        /** R, G, B and the luminance Y = 0.299 R + 0.587 G + 0.114 B. */
        RGBY(new double[][] {{1, 0, 0, 0.299}, {0, 1, 0, 0.587}, {0, 0, 1, 0.114}}, new double[4]),
        /**
         * R, G, B, Y and the three opponent differences (R - G + 1) / 2, (G - B + 1) / 2 and
         * (B - R + 1) / 2: their distributions also describe how the channels go together (a grey
         * picture has all three differences at 1/2, a duotone has them on one line), which the
         * channels' own distributions do not.
         */
        OPPONENT(new double[][] {{1, 0, 0, 0.299, 0.5, 0, -0.5}, {0, 1, 0, 0.587, -0.5, 0.5, 0},
                {0, 0, 1, 0.114, 0, -0.5, 0.5}}, new double[] {0, 0, 0, 0, 0.5, 0.5, 0.5});

        private final double[][] projection;
        private final double[] offset;

        ColourChannels(double[][] projection, double[] offset) {
            this.projection = projection;
            this.offset = offset;
        }

        /** @return the number of directions */
        public int count() {
            return offset.length;
        }

        /** @return the {@code [3, count]} projection of an RGB pixel */
        public double[][] projection() {
            double[][] copy = new double[3][];
            for (int i = 0; i < 3; i++) {
                copy[i] = projection[i].clone();
            }
            return copy;
        }

        /** @return the {@code [count]} offset added after the projection */
        public double[] offset() {
            return offset.clone();
        }

        private boolean hasOffset() {
            for (double o : offset) {
                if (o != 0) {
                    return true;
                }
            }
            return false;
        }

        /** @return the config spelling */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Pixel distances at which {@link #textureCdf} compares luminances, across and down. */
    public static final int[] TEXTURE_OFFSETS = {1, 2, 4};
    /** Thresholds per distance and direction of {@link #textureCdf}: {@code 2^j / 255}, j = 0..7. */
    public static final int TEXTURE_THRESHOLDS = 8;
    /** Values per image of {@link #textureCdf}: 2 directions x 3 distances x 8 thresholds. */
    public static final int TEXTURE_STATISTICS = 2 * 3 * TEXTURE_THRESHOLDS;

    /**
     * Soft cumulative distributions of the luminance differences between pixels {@code d} apart,
     * for each d in {@link #TEXTURE_OFFSETS}, across ({@code Y[y][x + d] - Y[y][x]}) and down
     * ({@code Y[y + d][x] - Y[y][x]}): for each threshold {@code t_j = 2^j / 255} (one 8-bit step to
     * half the range, doubling), the mean over the pixel pairs of
     * {@code sigmoid((t_j - |difference|) / (t_j / 3))}, a differentiable fraction of the pairs
     * closer than {@code t_j}. These describe texture at three scales without a feature network:
     * flat blocks and flat colour regions have many pairs at zero, a median filter has few large
     * differences at one pixel, scattered pixels many; the Gram matrices of the loss features see
     * the same only as far as their training made them. Y is {@code 0.299 R + 0.587 G + 0.114 B}.
     *
     * @param sd the graph
     * @param images NHWC images in [0, 1]
     * @param side height and width, more than the largest offset
     * @return {@code [b, }{@value #TEXTURE_STATISTICS}{@code ]}: direction-major (across, then down),
     *     then distance, then threshold
     */
    public static SDVariable textureCdf(SameDiff sd, SDVariable images, long side) {
        int largest = TEXTURE_OFFSETS[TEXTURE_OFFSETS.length - 1];
        if (side <= largest) {
            throw new IllegalArgumentException("texture distributions need images larger than " + largest
                    + " px, got " + side);
        }
        org.nd4j.linalg.api.buffer.DataType t = images.dataType();
        SDVariable luminance = sd.reshape(luminanceTimes(sd, images, 1), -1L, side, side);
        double[] scaledCuts = new double[TEXTURE_THRESHOLDS];
        double[] inverseTemperatures = new double[TEXTURE_THRESHOLDS];
        for (int j = 0; j < TEXTURE_THRESHOLDS; j++) {
            double cut = Math.pow(2, j) / 255.0;
            inverseTemperatures[j] = 3.0 / cut;
            scaledCuts[j] = cut * inverseTemperatures[j];
        }
        SDVariable cuts = sd.constant(Nd4j.createFromArray(scaledCuts).castTo(t).reshape(1, 1, TEXTURE_THRESHOLDS));
        SDVariable inverse = sd.constant(Nd4j.createFromArray(inverseTemperatures).castTo(t)
                .reshape(1, 1, TEXTURE_THRESHOLDS));
        List<SDVariable> parts = new java.util.ArrayList<>();
        for (boolean across : new boolean[] {true, false}) {
            for (int d : TEXTURE_OFFSETS) {
                SDVariable difference = across
                        ? luminance.get(SDIndex.all(), SDIndex.all(), SDIndex.interval((long) d, side))
                                .sub(luminance.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0L, side - d)))
                        : luminance.get(SDIndex.all(), SDIndex.interval((long) d, side), SDIndex.all())
                                .sub(luminance.get(SDIndex.all(), SDIndex.interval(0L, side - d), SDIndex.all()));
                SDVariable magnitude = sd.reshape(sd.math().abs(difference), -1L, side * (side - d), 1L);
                parts.add(sd.nn().sigmoid(cuts.sub(magnitude.mul(inverse))).mean(1));
            }
        }
        return sd.concat(1, parts.toArray(new SDVariable[0]));
    }

    /**
     * The images in grey: each pixel's R, G and B replaced by its luminance
     * {@code Y = 0.299 R + 0.587 G + 0.114 B}.
     *
     * @param sd the graph
     * @param images NHWC images
     * @param side height and width
     * @return {@code [b, side, side, 3]}
     */
    public static SDVariable grey(SameDiff sd, SDVariable images, long side) {
        return sd.reshape(luminanceTimes(sd, images, 3), -1L, side, side, 3L);
    }

    /** The pixels' luminance, {@code copies} times per pixel: {@code [b * h * w, copies]}. */
    private static SDVariable luminanceTimes(SameDiff sd, SDVariable images, int copies) {
        double[][] weights = new double[3][copies];
        double[] y = {0.299, 0.587, 0.114};
        for (int c = 0; c < 3; c++) {
            java.util.Arrays.fill(weights[c], y[c]);
        }
        return sd.reshape(images, -1L, 3L).mmul(sd.constant(Nd4j.createFromArray(weights).castTo(images.dataType())));
    }

    /** Temperature of {@link #colourCdf}'s soft step, in pixel values. */
    public static final double CDF_TEMPERATURE = 0.02;

    /**
     * The mean over the batch of the softmax cross-entropy {@code -sum_k labels_k log softmax(logits)_k},
     * written with a log-softmax rather than ND4J's loss op: SameDiff's loss ops (M2.1,
     * {@code SoftmaxCrossEntropyLoss} and the others) ignore the gradient that reaches them ("no
     * external gradient"), so a loss op's output multiplied by a weight or added to other terms
     * back-propagates as if it were the whole loss with weight 1. Use this for a weighted term.
     *
     * @param sd the graph
     * @param labels {@code [b, classes]}, rows summing to 1
     * @param logits {@code [b, classes]}
     * @return a scalar
     */
    public static SDVariable crossEntropy(SameDiff sd, SDVariable labels, SDVariable logits) {
        // log softmax = x - m - log sum exp(x - m), m the row maximum (for range; its gradient
        // cancels). Not sd.nn().logSoftmax(x, 1): M2.1 cannot read its dimension back from a
        // saved graph ("Error setting property for function ... LogSoftMax").
        SDVariable shifted = logits.sub(logits.max(true, 1));
        SDVariable logSoftmax = shifted.sub(sd.math().log(sd.math().exp(shifted).sum(true, 1)));
        return labels.mul(logSoftmax).sum(1).mean().neg();
    }

    /**
     * Mean squared error over all elements.
     *
     * @param sd the graph
     * @param a one tensor
     * @param b another of the same shape
     * @return a scalar
     */
    public static SDVariable mse(SameDiff sd, SDVariable a, SDVariable b) {
        SDVariable d = a.sub(b);
        return d.mul(d).mean();
    }

    /**
     * The style loss: sum over layers of the MSE between Gram matrices.
     *
     * @param sd the graph
     * @param grams Gram matrices of the generated images, one per layer
     * @param targets target Gram matrices, same shapes
     * @return a scalar
     */
    public static SDVariable styleLoss(SameDiff sd, List<SDVariable> grams, List<SDVariable> targets) {
        if (grams.size() != targets.size() || grams.isEmpty()) {
            throw new IllegalArgumentException("need one target per layer, got " + grams.size() + " and " + targets.size());
        }
        SDVariable total = null;
        for (int i = 0; i < grams.size(); i++) {
            SDVariable l = mse(sd, grams.get(i), targets.get(i));
            total = total == null ? l : total.add(l);
        }
        return total;
    }

    /**
     * Eager Gram matrices of NHWC activations.
     *
     * @param x {@code [b, h, w, c]}
     * @return {@code [b, c, c]} normalised by {@code c h w}
     */
    public static INDArray gram(INDArray x) {
        long b = x.size(0);
        long h = x.size(1);
        long w = x.size(2);
        long c = x.size(3);
        INDArray f = x.dup('c').reshape('c', b, h * w, c);
        return Nd4j.matmul(f, f, true, false, false).divi(c * h * w);
    }

    /**
     * Eager mean squared error.
     *
     * @param a one array
     * @param b another of the same shape
     * @return the mean of the squared differences
     */
    public static double mse(INDArray a, INDArray b) {
        INDArray d = a.sub(b);
        return d.mul(d).meanNumber().doubleValue();
    }
}
