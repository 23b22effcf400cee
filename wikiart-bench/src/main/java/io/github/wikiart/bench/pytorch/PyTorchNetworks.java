package io.github.wikiart.bench.pytorch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * The project's networks rebuilt in PyTorch through DJL, layer for layer, as a peer for timing the
 * Deeplearning4j versions ({@code io.github.wikiart.models}). Inputs are NCHW float32 images;
 * classifiers output logits (train them with softmax cross-entropy on the logits), the autoencoder
 * outputs the reconstructed image {@code [n, 3, side, side]}.
 *
 * <p>Parameter initialisation is DJL's default (Xavier), not the DL4J networks': it does not
 * change the cost of a step.
 */
public final class PyTorchNetworks {
    /** Width of the first StyleNet convolution (StyleNet's default). */
    public static final int STYLENET_WIDTH = 32;
    /** Channels entering StyleNet's Gram pooling (StyleNet's default). */
    public static final int STYLENET_GRAM_CHANNELS = 32;
    /** Hidden units of StyleNet's dense layer (StyleNet's default). */
    public static final int STYLENET_HIDDEN = 128;
    /** Drop probability of both classifiers (the defaults). */
    public static final float DROPOUT = 0.2f;

    private PyTorchNetworks() {
    }

    /**
     * The original style classifier ({@code SeedClassifier}): Conv2d(3 -> 1, kernel 4, padding 2)
     * -> MaxPool(kernel 4, stride 4, padding 2) -> flatten -> BatchNorm over the flattened features
     * (PyTorch {@code BatchNorm1d}) -> Linear(300) -> Dropout(0.2) -> ReLU -> Linear(classes).
     *
     * @param side input side in pixels, at least 4 (416 in the original: 11025 pooled features)
     * @param classes number of classes, at least 2
     * @return the block, not initialised; outputs logits {@code [n, classes]}
     */
    public static SequentialBlock seedClassifier(int side, int classes) {
        return seedClassifier(side, classes, DROPOUT);
    }

    /**
     * {@link #seedClassifier(int, int)} with another drop probability (0 for the twin check).
     *
     * @param side input side in pixels, at least 4
     * @param classes number of classes, at least 2
     * @param dropout drop probability in [0, 1)
     * @return the block, not initialised
     */
    public static SequentialBlock seedClassifier(int side, int classes, float dropout) {
        check(side >= 4, "side must be >= 4, got " + side);
        check(classes >= 2, "classes must be >= 2, got " + classes);
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(4, 4)).optPadding(new Shape(2, 2)).setFilters(1).build())
                .add(Pool.maxPool2dBlock(new Shape(4, 4), new Shape(4, 4), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(BatchNorm.builder().optAxis(1).build())
                .add(Linear.builder().setUnits(300).build())
                .add(Dropout.builder().optRate(dropout).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(classes).build());
    }

    /**
     * StyleNet with its defaults (width 32, 32 Gram channels, 128 hidden units, dropout 0.2): three
     * blocks conv3x3 (same padding, no bias) - BatchNorm - ReLU with 32, 64, 64 channels, 2x2
     * max-pooling after the first two, conv1x1 to 32 channels - BatchNorm - ReLU, Gram pooling
     * ({@link #gramPooling()}, 32*32 + 32 features), BatchNorm, Linear(128), ReLU, Dropout(0.2),
     * Linear(classes).
     *
     * @param side input side in pixels, at least 4 (64 by default in the project)
     * @param classes number of classes, at least 2
     * @return the block, not initialised; outputs logits {@code [n, classes]}
     */
    public static SequentialBlock styleNet(int side, int classes) {
        return styleNet(side, classes, DROPOUT);
    }

    /**
     * {@link #styleNet(int, int)} with another drop probability (0 for the twin check).
     *
     * @param side input side in pixels, at least 4
     * @param classes number of classes, at least 2
     * @param dropout drop probability in [0, 1)
     * @return the block, not initialised
     */
    public static SequentialBlock styleNet(int side, int classes, float dropout) {
        check(side >= 4, "side must be >= 4, got " + side);
        check(classes >= 2, "classes must be >= 2, got " + classes);
        int w = STYLENET_WIDTH;
        SequentialBlock net = new SequentialBlock();
        convBnRelu(net, w, 3);
        net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        convBnRelu(net, 2 * w, 3);
        net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        convBnRelu(net, 2 * w, 3);
        convBnRelu(net, STYLENET_GRAM_CHANNELS, 1);
        return net.add(gramPooling())
                .add(BatchNorm.builder().optAxis(1).build())
                .add(Linear.builder().setUnits(STYLENET_HIDDEN).build())
                .add(Activation.reluBlock())
                .add(Dropout.builder().optRate(dropout).build())
                .add(Linear.builder().setUnits(classes).build());
    }

    /**
     * The convolutional autoencoder ({@code ConvAutoencoder} with transposed-convolution decoder and
     * ReLU) with latent size {@code side^2 / 16}.
     *
     * @param side image side, a multiple of 8
     * @param width channels of the first convolution
     * @return the block, not initialised
     * @see #autoencoder(int, int, int)
     */
    public static SequentialBlock autoencoder(int side, int width) {
        return autoencoder(side, width, Math.max(1, side * side / 16));
    }

    /**
     * The convolutional autoencoder ({@code ConvAutoencoder}, transposed-convolution decoder, GELU,
     * as the benchmark's DL4J rows and the library's default): three 3x3 stride-2 convolutions
     * (padding 1) with {@code w}, {@code 2w}, {@code 4w} channels and GELU (DL4J's sigmoid
     * approximation, {@link #sigmoidGelu()}), flatten, Linear(latent), Linear(4w (side/8)^2),
     * reshape to {@code [4w, side/8, side/8]}, three kernel 3, stride 2 transposed convolutions
     * aligned as DL4J's ({@link TransposedConv2d#doublingAsDl4j}) with {@code 4w}, {@code 2w},
     * {@code w} channels and GELU, and a final 3x3 convolution (padding 1) to 3 channels without
     * activation. Train it with an L2 loss against its input.
     *
     * @param side image side, a multiple of 8, at least 8
     * @param width channels of the first convolution, at least 1
     * @param latent latent size, at least 1
     * @return the block, not initialised; outputs {@code [n, 3, side, side]}
     */
    public static SequentialBlock autoencoder(int side, int width, int latent) {
        check(side >= 8 && side % 8 == 0, "side must be a positive multiple of 8, got " + side);
        check(width >= 1, "width must be >= 1, got " + width);
        check(latent >= 1, "latent must be >= 1, got " + latent);
        int b = side / 8;
        int c = 4 * width;
        SequentialBlock net = new SequentialBlock();
        for (int ch : new int[] {width, 2 * width, 4 * width}) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
                            .optPadding(new Shape(1, 1)).setFilters(ch).build())
                    .add(sigmoidGelu());
        }
        net.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(latent).build())
                .add(Linear.builder().setUnits((long) c * b * b).build())
                .add(LambdaBlock.singleton(x -> x.reshape(-1, c, b, b), "toFeatureMap"));
        for (int ch : new int[] {4 * width, 2 * width, width}) {
            net.add(TransposedConv2d.doublingAsDl4j(ch)).add(sigmoidGelu());
        }
        return net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                .setFilters(3).build());
    }

    /**
     * DL4J's GELU, the sigmoid approximation {@code x sigmoid(1.702 x)} (PyTorch's {@code gelu} is
     * the exact erf form, a different function): three PyTorch ops forward, their gradients backward.
     *
     * @return the activation block
     */
    public static LambdaBlock sigmoidGelu() {
        return LambdaBlock.singleton(x -> x.mul(Activation.sigmoid(x.mul(1.702f))), "sigmoidGelu");
    }

    /**
     * Gram pooling without parameters: for each sample's activations F of shape {@code [c, h*w]},
     * the flattened {@code F F^T / (h w)} followed by the channel means ({@code c*c + c} features),
     * as {@code io.github.wikiart.models.layers.GramPooling}.
     *
     * @return a block mapping {@code [n, c, h, w]} to {@code [n, c*c + c]}
     */
    public static LambdaBlock gramPooling() {
        return LambdaBlock.singleton(PyTorchNetworks::gram, "gramPooling");
    }

    /**
     * The function of {@link #gramPooling()}.
     *
     * @param x activations {@code [n, c, h, w]}
     * @return {@code [n, c*c + c]}
     */
    public static NDArray gram(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long hw = s.get(2) * s.get(3);
        NDArray f = x.reshape(n, c, hw);
        NDArray g = f.matMul(f.transpose(0, 2, 1)).div(hw).reshape(n, c * c);
        NDArray means = f.mean(new int[] {2});
        return NDArrays.concat(new NDList(g, means), 1);
    }

    private static void convBnRelu(SequentialBlock net, int channels, int kernel) {
        net.add(Conv2d.builder().setKernelShape(new Shape(kernel, kernel))
                        .optPadding(new Shape(kernel / 2, kernel / 2)).setFilters(channels).optBias(false).build())
                .add(BatchNorm.builder().optAxis(1).build())
                .add(Activation.reluBlock());
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
