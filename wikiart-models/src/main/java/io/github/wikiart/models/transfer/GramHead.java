package io.github.wikiart.models.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A linear softmax classifier of a {@link FeatureStack}'s Gram matrices: the concatenated
 * matrices {@code F F^T / hw} of every layer (each {@link StyleLosses#gram} times its channel
 * count), times {@code weights}, plus {@code bias}, give one logit per style.
 *
 * @param weights {@code [features, styles]}, features the sum over the layers of {@code c * c}
 * @param bias {@code [styles]}
 */
public record GramHead(INDArray weights, INDArray bias) {
    /** Validates the shapes. */
    public GramHead {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(bias, "bias");
        if (weights.rank() != 2 || bias.length() != weights.size(1)) {
            throw new IllegalArgumentException("weights must be [features, styles] and bias [styles], got "
                    + java.util.Arrays.toString(weights.shape()) + " and " + java.util.Arrays.toString(bias.shape()));
        }
    }

    /** @return the number of styles it tells apart */
    public long styles() {
        return weights.size(1);
    }

    /**
     * The logits of a batch, with this head's weights as constants of the graph.
     *
     * @param sd the graph
     * @param prefix name prefix of the constants
     * @param grams per layer of the stack, the Gram matrices {@code [b, c, c]} of {@link StyleLosses#gram}
     * @param channels per layer, its channel count {@code c}
     * @return {@code [b, styles]}
     */
    public SDVariable logits(SameDiff sd, String prefix, List<SDVariable> grams, long[] channels) {
        long features = 0;
        for (long c : channels) {
            features += c * c;
        }
        if (features != weights.size(0)) {
            throw new IllegalArgumentException("the head reads " + weights.size(0) + " Gram values, the layers give "
                    + features);
        }
        org.nd4j.linalg.api.buffer.DataType type = grams.get(0).dataType();
        return logits(sd, grams, channels, sd.constant(prefix + "_W", weights.castTo(type)),
                sd.constant(prefix + "_b", bias.castTo(type)));
    }

    /**
     * The logits of a batch of images: the stack's activations, their Gram matrices
     * ({@link StyleLosses#gram}) and {@link #logits(SameDiff, List, long[], SDVariable, SDVariable)}.
     * The classifier that trains the loss features and the adversarial critic of the transfer
     * are this function with their own weights.
     *
     * @param sd the graph
     * @param bound the stack inside {@code sd}
     * @param stack the stack (its shapes)
     * @param images {@code [b, side, side, 3]} in [0, 1]
     * @param side the images' side
     * @param weights {@code [features, classes]}
     * @param bias {@code [classes]}
     * @return {@code [b, classes]}
     */
    public static SDVariable classify(SameDiff sd, FeatureStack.Bound bound, FeatureStack stack, SDVariable images,
                                      long side, SDVariable weights, SDVariable bias) {
        List<SDVariable> acts = bound.apply(sd, images);
        List<SDVariable> grams = new ArrayList<>();
        long[] channels = new long[acts.size()];
        for (int l = 0; l < acts.size(); l++) {
            long s = stack.sideAt((int) side, l);
            channels[l] = stack.channels(l);
            // F F^T / hw: the mean over positions of the channel products, of order 1.
            grams.add(StyleLosses.gram(sd, acts.get(l), s, s, channels[l]));
        }
        return logits(sd, grams, channels, weights, bias);
    }

    /** @return the number of Gram values a head of this stack reads: the sum over its layers of {@code c * c} */
    public static long features(FeatureStack stack) {
        long features = 0;
        for (int l = 0; l < stack.layers(); l++) {
            features += stack.channels(l) * stack.channels(l);
        }
        return features;
    }

    /**
     * The logits {@code concat_l(c_l G_l) W + b}.
     *
     * @param sd the graph
     * @param grams per layer, the Gram matrices {@code [b, c, c]} of {@link StyleLosses#gram}
     * @param channels per layer, its channel count {@code c}
     * @param weights {@code [features, styles]}
     * @param bias {@code [styles]}
     * @return {@code [b, styles]}
     */
    public static SDVariable logits(SameDiff sd, List<SDVariable> grams, long[] channels, SDVariable weights,
                                    SDVariable bias) {
        if (grams.size() != channels.length || grams.isEmpty()) {
            throw new IllegalArgumentException("need one channel count per Gram matrix, got " + grams.size() + " and "
                    + channels.length);
        }
        List<SDVariable> pooled = new ArrayList<>();
        for (int l = 0; l < grams.size(); l++) {
            long c = channels[l];
            pooled.add(sd.reshape(grams.get(l).mul((double) c), -1L, c * c));
        }
        return sd.concat(1, pooled.toArray(new SDVariable[0])).mmul(weights).add(bias);
    }
}
