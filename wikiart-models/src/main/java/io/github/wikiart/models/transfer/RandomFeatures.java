package io.github.wikiart.models.transfer;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fixed, seeded random convolutional feature extractor (three 3x3 convolutions with ReLU,
 * strides 1, 2, 2) whose activations define the style (Gram matrices) and content losses of the
 * transfer network. No pretrained VGG can be downloaded here, and using the project's own
 * classifier would tie the loss to a network like the judge; Gram statistics of random
 * convolutional filters are known to capture texture well (Ustyuzhaninov, Brendel, Gatys and
 * Bethge 2017, "What does it take to generate natural textures?"), they need no training run,
 * and they are independent of any judge. The weights are graph constants, never trained.
 */
public final class RandomFeatures {
    /** Channels of the three layers. */
    public static final long[] CHANNELS = {32, 64, 64};

    private final SDVariable[] weights = new SDVariable[3];
    private final SDVariable[] biases = new SDVariable[3];

    /**
     * Adds the fixed weights to a graph.
     *
     * @param sd the graph
     * @param seed the seed of the weights
     * @param type data type
     */
    public RandomFeatures(SameDiff sd, long seed, DataType type) {
        Nd4j.getRandom().setSeed(seed);
        long in = 3;
        for (int i = 0; i < 3; i++) {
            weights[i] = sd.constant("phi" + i + "_W", SdLayers.he(9 * in, type, 3, 3, in, CHANNELS[i]));
            biases[i] = sd.constant("phi" + i + "_b", Nd4j.zeros(type, CHANNELS[i]));
            in = CHANNELS[i];
        }
    }

    /**
     * The three activations of an image batch.
     *
     * @param sd the graph
     * @param images {@code [b, s, s, 3]} in [0, 1]
     * @return the activations, {@code [b, s, s, 32]}, {@code [b, s/2, s/2, 64]}, {@code [b, s/4, s/4, 64]}
     */
    public List<SDVariable> apply(SameDiff sd, SDVariable images) {
        SDVariable x = images.sub(0.5);
        SDVariable[] out = new SDVariable[3];
        for (int i = 0; i < 3; i++) {
            int stride = i == 0 ? 1 : 2;
            x = sd.nn().relu(sd.cnn().conv2d(x, weights[i], biases[i], Conv2DConfig.builder().kH(3).kW(3).sH(stride)
                    .sW(stride).paddingMode(PaddingMode.SAME).dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO)
                    .build()), 0.0);
            out[i] = x;
        }
        return List.of(out);
    }

    /**
     * @param side image side
     * @param layer 0, 1 or 2
     * @return the side of that layer's activations
     */
    public static long sideAt(int side, int layer) {
        long s = side;
        for (int i = 1; i <= layer; i++) {
            s = (s + 1) / 2;
        }
        return s;
    }
}
