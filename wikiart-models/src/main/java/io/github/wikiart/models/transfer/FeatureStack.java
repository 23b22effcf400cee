package io.github.wikiart.models.transfer;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The convolutional feature extractor whose activations define the style (Gram matrices, Gatys,
 * Ecker and Bethge 2016) and content losses of the transfer network: 3x3 "same" convolutions with
 * ReLU in NHWC, applied to {@code image - 0.5}. No pretrained network (VGG) can be downloaded here,
 * so the weights are either
 * <ul>
 *   <li>{@link #random}: fixed seeded He-normal filters, whose Gram statistics capture texture
 *       (Ustyuzhaninov, Brendel, Gatys and Bethge 2017, "What does it take to generate natural
 *       textures?"); or</li>
 *   <li>trained by the project on the training split to tell the styles apart (see the transfer
 *       trainer), so that their statistics respond to what distinguishes the styles at hand.</li>
 * </ul>
 * In a transfer graph the weights are constants, never trained with the transfer network.
 */
public final class FeatureStack {
    /** Channels of the random stack (the transfer's original loss features). */
    public static final long[] RANDOM_CHANNELS = {32, 64, 64};
    /** Strides of the random stack. */
    public static final int[] RANDOM_STRIDES = {1, 2, 2};

    private final List<INDArray> weights;
    private final List<INDArray> biases;
    private final int[] strides;

    /**
     * @param weights per layer, {@code [3, 3, in, out]} (YXIO)
     * @param biases per layer, {@code [out]}
     * @param strides per layer, 1 or 2
     */
    public FeatureStack(List<INDArray> weights, List<INDArray> biases, int[] strides) {
        if (weights.isEmpty() || weights.size() != biases.size() || weights.size() != strides.length) {
            throw new IllegalArgumentException("need one weight, bias and stride per layer, got " + weights.size()
                    + ", " + biases.size() + " and " + strides.length);
        }
        long in = 3;
        for (int i = 0; i < weights.size(); i++) {
            long[] s = weights.get(i).shape();
            if (s.length != 4 || s[0] != 3 || s[1] != 3 || s[2] != in || biases.get(i).length() != s[3]) {
                throw new IllegalArgumentException("layer " + i + ": expected weights [3, 3, " + in + ", out] and out "
                        + "biases, got " + java.util.Arrays.toString(s) + " and " + biases.get(i).length());
            }
            if (strides[i] != 1 && strides[i] != 2) {
                throw new IllegalArgumentException("layer " + i + ": stride must be 1 or 2, got " + strides[i]);
            }
            in = s[3];
        }
        this.weights = List.copyOf(weights);
        this.biases = List.copyOf(biases);
        this.strides = strides.clone();
    }

    /**
     * Seeded He-normal weights, zero biases.
     *
     * @param seed the seed of the weights (ND4J's generator is reseeded with it)
     * @param type data type
     * @param channels output channels per layer
     * @param strides stride per layer
     * @return the stack
     */
    public static FeatureStack random(long seed, DataType type, long[] channels, int[] strides) {
        Nd4j.getRandom().setSeed(seed);
        List<INDArray> w = new ArrayList<>();
        List<INDArray> b = new ArrayList<>();
        long in = 3;
        for (long c : channels) {
            w.add(SdLayers.he(9 * in, type, 3, 3, in, c));
            b.add(Nd4j.zeros(type, c));
            in = c;
        }
        return new FeatureStack(w, b, strides);
    }

    /** @return number of convolutions */
    public int layers() {
        return weights.size();
    }

    /**
     * @param layer a layer
     * @return its output channels
     */
    public long channels(int layer) {
        return weights.get(layer).size(3);
    }

    /**
     * @param side input side
     * @param layer a layer
     * @return the side of that layer's activations
     */
    public long sideAt(int side, int layer) {
        long s = side;
        for (int i = 0; i <= layer; i++) {
            s = (s + strides[i] - 1) / strides[i];
        }
        return s;
    }

    /** @return the weights, {@code [3, 3, in, out]} per layer (the stack's own arrays) */
    public List<INDArray> weights() {
        return weights;
    }

    /** @return the biases per layer (the stack's own arrays) */
    public List<INDArray> biases() {
        return biases;
    }

    /** @return the strides per layer */
    public int[] strides() {
        return strides.clone();
    }

    /**
     * Adds the weights to a graph, as constants or as trainable variables named
     * {@code <prefix><layer>_W} and {@code <prefix><layer>_b}.
     *
     * @param sd the graph
     * @param prefix the variable name prefix
     * @param trainable variables (for training the stack) instead of constants
     * @return the stack inside that graph
     */
    public Bound addTo(SameDiff sd, String prefix, boolean trainable) {
        List<SDVariable> w = new ArrayList<>();
        List<SDVariable> b = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            String name = prefix + i;
            w.add(trainable ? sd.var(name + "_W", weights.get(i).dup()) : sd.constant(name + "_W", weights.get(i)));
            b.add(trainable ? sd.var(name + "_b", biases.get(i).dup()) : sd.constant(name + "_b", biases.get(i)));
        }
        return new Bound(w, b, strides);
    }

    /**
     * Reads a stack back from a graph that holds one added by {@link #addTo}.
     *
     * @param sd the graph
     * @param prefix the prefix given to {@link #addTo}
     * @param strides the strides
     * @return a copy of the graph's current weights
     */
    public static FeatureStack fromGraph(SameDiff sd, String prefix, int[] strides) {
        List<INDArray> w = new ArrayList<>();
        List<INDArray> b = new ArrayList<>();
        for (int i = 0; i < strides.length; i++) {
            w.add(sd.getVariable(prefix + i + "_W").getArr().dup());
            b.add(sd.getVariable(prefix + i + "_b").getArr().dup());
        }
        return new FeatureStack(w, b, strides);
    }

    /** A stack's weights inside one graph. */
    public static final class Bound {
        private final List<SDVariable> w;
        private final List<SDVariable> b;
        private final int[] strides;

        private Bound(List<SDVariable> w, List<SDVariable> b, int[] strides) {
            this.w = w;
            this.b = b;
            this.strides = strides;
        }

        /**
         * The activations of an image batch, one per layer.
         *
         * @param sd the graph
         * @param images {@code [b, s, s, 3]} in [0, 1]
         * @return per layer {@code [b, s_l, s_l, c_l]}
         */
        public List<SDVariable> apply(SameDiff sd, SDVariable images) {
            return apply(sd, images, w.size());
        }

        /**
         * The activations of the first {@code layers} layers of an image batch, without adding the
         * deeper layers' operations to the graph.
         *
         * @param sd the graph
         * @param images {@code [b, s, s, 3]} in [0, 1]
         * @param layers how many layers, from the first
         * @return per layer {@code [b, s_l, s_l, c_l]}
         */
        public List<SDVariable> apply(SameDiff sd, SDVariable images, int layers) {
            if (layers < 1 || layers > w.size()) {
                throw new IllegalArgumentException("layers must be in 1.." + w.size() + ", got " + layers);
            }
            SDVariable x = images.sub(0.5);
            List<SDVariable> out = new ArrayList<>();
            for (int i = 0; i < layers; i++) {
                x = sd.nn().relu(sd.cnn().conv2d(x, w.get(i), b.get(i), Conv2DConfig.builder().kH(3).kW(3)
                        .sH(strides[i]).sW(strides[i]).paddingMode(PaddingMode.SAME).dataFormat("NHWC")
                        .weightsFormat(WeightsFormat.YXIO).build()), 0.0);
                out.add(x);
            }
            return out;
        }
    }
}
