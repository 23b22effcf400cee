package io.github.wikiart.models;

import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.layers.CachedDeconvolution2D;
import io.github.wikiart.models.layers.DenseToFeatureMap;
import io.github.wikiart.models.layers.FeatureMapToDense;
import io.github.wikiart.models.layers.GemmDense;
import io.github.wikiart.models.layers.InputConvolution;
import java.util.Locale;
import java.util.Objects;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration.ListBuilder;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The original project's convolutional autoencoder, with its channel widths configurable.
 *
 * <p>Encoder: three 3x3 stride-2 convolutions (padding 1) with {@code w}, {@code 2w}, {@code 4w}
 * channels and the chosen activation, giving {@code 4w x side/8 x side/8}, then a dense layer to
 * the latent vector (the original) or, with {@link LatentShape#SPATIAL}, a 3x3 convolution to the
 * same number of values as {@code latent / (side/8)^2} channels at {@code side/8 x side/8}. Decoder:
 * a dense layer (spatial: a 3x3 convolution with the activation) back to
 * {@code 4w x side/8 x side/8}, three upsampling
 * steps ({@code 4w}, {@code 2w}, {@code w} channels, activation) and a final 3x3 convolution to RGB
 * with no activation; mean squared error against the input. The output (and the training label)
 * is the image flattened row-major in the input's layout: {@link #flatten} and {@link #unflatten}
 * convert. The original used {@code w = side}
 * (104 channels at 104 px); the upsampling steps are transposed convolutions (kernel 3, stride 2,
 * doubling the size as PyTorch's {@code output_padding=1} did) or, as an option, nearest-neighbour
 * upsampling followed by a 3x3 convolution (Odena et al. 2016, fewer checkerboard artifacts).
 */
public final class ConvAutoencoder {
    /** Activation of the hidden layers. */
    public enum Act {
        /** Rectified linear unit. */
        RELU(Activation.RELU),
        /** Hyperbolic tangent. */
        TANH(Activation.TANH),
        /** Gaussian error linear unit. */
        GELU(Activation.GELU);

        private final Activation dl4j;

        Act(Activation dl4j) {
            this.dl4j = dl4j;
        }

        /** @param s relu, tanh or gelu in any case @return the activation */
        public static Act parse(String s) {
            return parseEnum(Act.class, s, "activation", "relu, tanh or gelu");
        }
    }

    /** How the decoder doubles the size of its feature maps. */
    public enum Upsampler {
        /** Transposed convolution, kernel 3, stride 2 (the original). */
        TRANSPOSED,
        /** Nearest-neighbour upsampling by 2, then a 3x3 convolution. */
        UPSAMPLE;

        /** @param s transposed or upsample @return the choice */
        public static Upsampler parse(String s) {
            return parseEnum(Upsampler.class, s, "decoder", "transposed or upsample");
        }
    }

    /** The shape of the latent code. */
    public enum LatentShape {
        /** A dense layer to a vector, and a dense layer back (the original). */
        VECTOR,
        /**
         * A 3x3 convolution to {@code latent / (side/8)^2} channels at {@code side/8 x side/8},
         * and a 3x3 convolution back: the same number of values, kept where they are in the image.
         */
        SPATIAL;

        /** @param s vector or spatial in any case @return the choice */
        public static LatentShape parse(String s) {
            return parseEnum(LatentShape.class, s, "latent shape", "vector or spatial");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String s, String what, String expected) {
        try {
            return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid " + what + " '" + s + "': expected " + expected);
        }
    }

    /** Index of the latent layer (dense or convolution), whose activations are the latent codes. */
    public static final int LATENT_LAYER = 3;

    private final int side;
    private final int width;
    private final int latentDim;
    private final Act activation;
    private final Upsampler upsampler;
    private final LatentShape latentShape;
    private final NetworkSettings common;

    private ConvAutoencoder(Builder b) {
        this.side = b.side;
        this.width = b.width;
        this.latentDim = b.latentDim > 0 ? b.latentDim : Math.max(1, b.side * b.side / b.latentDivisor);
        this.activation = b.activation;
        this.upsampler = b.upsampler;
        this.latentShape = b.latentShape;
        this.common = b.settings();
        int cells = bottleneckSide() * bottleneckSide();
        if (latentShape == LatentShape.SPATIAL && latentDim % cells != 0) {
            throw new IllegalArgumentException("a spatial latent needs a latent size that is a multiple of (side/8)^2 = "
                    + cells + " at side " + side + ", got " + latentDim
                    + (b.latentDim > 0 ? " (latentDim)" : " (side^2 / latentDivisor " + b.latentDivisor + ")"));
        }
    }

    /** @return a builder (104 px, width 16, latent side^2/64, relu, transposed, NCHW) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the latent size */
    public int latentDim() {
        return latentDim;
    }

    /** @return the side of the smallest feature map, side / 8 */
    public int bottleneckSide() {
        return side / 8;
    }

    /** @return the shape of the latent code */
    public LatentShape latentShape() {
        return latentShape;
    }

    /**
     * @return input values per latent value, {@code 3 side^2 / latent}: how much the bottleneck
     *     compresses (the original's 104 px with divisor 16 gives 48)
     */
    public double compressionRatio() {
        return 3.0 * side * side / latentDim;
    }

    /** @return the network configuration (not initialised) */
    public MultiLayerConfiguration conf() {
        CNN2DFormat format = Layouts.format(common.layout());
        int b = bottleneckSide();
        Activation act = activation.dl4j;
        ListBuilder list = NetworkDefaults.configuration(common, common.layout() == TensorLayout.NCHW)
                .weightInit(activation == Act.RELU ? WeightInit.RELU : WeightInit.XAVIER)
                .list()
                .layer(format == CNN2DFormat.NHWC ? new InputConvolution(downBuilder(width, act, format))
                        : down(width, act, format))
                .layer(down(2 * width, act, format))
                .layer(down(4 * width, act, format));
        if (latentShape == LatentShape.VECTOR) {
            list.layer(new GemmDense(new DenseLayer.Builder().nOut(latentDim).activation(Activation.IDENTITY)))
                    .layer(new GemmDense(new DenseLayer.Builder().nOut((long) 4 * width * b * b).activation(Activation.IDENTITY)));
        } else {
            list.layer(conv3(latentDim / (b * b), Activation.IDENTITY, format))
                    .layer(conv3(4 * width, act, format));
        }
        int first = 5;
        for (int channels : new int[] {4 * width, 2 * width, width}) {
            up(list, channels, act, format);
        }
        list.layer(conv3(3, Activation.IDENTITY, format));
        int last = list.getLayerwise().size();
        list.layer(new LossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                .nIn(3L * side * side).nOut(3L * side * side).build());
        if (latentShape == LatentShape.VECTOR) {
            list.inputPreProcessor(LATENT_LAYER, new CnnToFeedForwardPreProcessor(b, b, 4L * width, format));
            list.inputPreProcessor(first, new DenseToFeatureMap(b, b, 4L * width, format));
        }
        list.inputPreProcessor(last, new FeatureMapToDense(side, side, 3, format));
        return list.setInputType(Layouts.rgb(side, common.layout())).build();
    }

    private static ConvolutionLayer down(int channels, Activation act, CNN2DFormat format) {
        return downBuilder(channels, act, format).build();
    }

    private static ConvolutionLayer.Builder downBuilder(int channels, Activation act, CNN2DFormat format) {
        return new ConvolutionLayer.Builder(3, 3).stride(2, 2).padding(1, 1).nOut(channels).activation(act)
                .convolutionMode(ConvolutionMode.Truncate).dataFormat(format);
    }

    private static ConvolutionLayer conv3(int channels, Activation act, CNN2DFormat format) {
        return new ConvolutionLayer.Builder(3, 3).stride(1, 1).nOut(channels).activation(act)
                .convolutionMode(ConvolutionMode.Same).dataFormat(format).build();
    }

    /**
     * Adds one upsampling step. In NCHW the transposed convolution is written as a transposed
     * convolution without padding ({@code 2n + 1} outputs) cropped by its last row and column:
     * the same function as DL4J's Same-mode transposed convolution (tested), but 5-10 times
     * faster, because libnd4j runs only unpadded ones through oneDNN (BENCHMARKS.md). In NHWC
     * that oneDNN path returns wrong weight gradients in float (tested against double
     * precision), so NHWC keeps the Same-mode layer.
     */
    private void up(ListBuilder list, int channels, Activation act, CNN2DFormat format) {
        if (upsampler == Upsampler.UPSAMPLE) {
            list.layer(new Upsampling2D.Builder(2).dataFormat(format).build());
            list.layer(conv3(channels, act, format));
        } else if (format == CNN2DFormat.NCHW) {
            list.layer(new CachedDeconvolution2D(new Deconvolution2D.Builder(3, 3).stride(2, 2).padding(0, 0)
                    .nOut(channels).activation(act).convolutionMode(ConvolutionMode.Truncate).dataFormat(format)));
            list.layer(new Cropping2D.Builder(0, 1, 0, 1).dataFormat(format).build());
        } else {
            list.layer(new Deconvolution2D.Builder(3, 3).stride(2, 2).nOut(channels).activation(act)
                    .convolutionMode(ConvolutionMode.Same).dataFormat(format).build());
        }
    }

    /**
     * Flattens images to the form of the network's output and training labels.
     *
     * @param images {@code [b, 3, s, s]} or {@code [b, s, s, 3]} as the layout
     * @return {@code [b, 3 s s]}, row-major
     */
    public static org.nd4j.linalg.api.ndarray.INDArray flatten(org.nd4j.linalg.api.ndarray.INDArray images) {
        return images.dup('c').reshape('c', images.size(0), images.length() / images.size(0));
    }

    /**
     * Turns network outputs back into images.
     *
     * @param flat {@code [b, 3 s s]}
     * @param side image side
     * @param layout the network's layout
     * @return images in that layout
     */
    public static org.nd4j.linalg.api.ndarray.INDArray unflatten(org.nd4j.linalg.api.ndarray.INDArray flat, int side,
                                                                 TensorLayout layout) {
        long b = flat.size(0);
        return layout == TensorLayout.NHWC ? flat.dup('c').reshape('c', b, side, side, 3)
                : flat.dup('c').reshape('c', b, 3, side, side);
    }

    /** @return a new, initialised network */
    public MultiLayerNetwork init() {
        MultiLayerNetwork net = new MultiLayerNetwork(conf());
        net.init();
        return net;
    }

    /** Builder for {@link ConvAutoencoder}; setters validate, naming the field. */
    public static final class Builder extends NetworkBuilder<Builder> {
        private int side = 104;
        private int width = 16;
        private int latentDim = 0;
        private int latentDivisor = 64;
        private Act activation = Act.RELU;
        private Upsampler upsampler = Upsampler.TRANSPOSED;
        private LatentShape latentShape = LatentShape.VECTOR;

        private Builder() {
            super(TensorLayout.NCHW);
        }

        /** @param s image side, a multiple of 8, at least 8 @return this */
        public Builder side(int s) {
            if (s < 8 || s % 8 != 0) {
                throw new IllegalArgumentException("side must be a multiple of 8 (three stride-2 steps), got " + s);
            }
            this.side = s;
            return this;
        }

        /** @param w channels of the first convolution (the original: the image side) @return this */
        public Builder width(int w) {
            if (w < 1) {
                throw new IllegalArgumentException("width must be >= 1, got " + w);
            }
            this.width = w;
            return this;
        }

        /** @param d latent size given directly, or 0 to use side^2 / divisor @return this */
        public Builder latentDim(int d) {
            if (d < 0) {
                throw new IllegalArgumentException("latentDim must be >= 0, got " + d);
            }
            this.latentDim = d;
            return this;
        }

        /** @param d divisor of side^2 for the latent size when latentDim is 0 (default 64) @return this */
        public Builder latentDivisor(int d) {
            if (d < 1) {
                throw new IllegalArgumentException("latentDivisor must be >= 1, got " + d);
            }
            this.latentDivisor = d;
            return this;
        }

        /** @param a hidden activation (default relu) @return this */
        public Builder activation(Act a) {
            this.activation = Objects.requireNonNull(a, "activation");
            return this;
        }

        /** @param u decoder upsampling (default transposed) @return this */
        public Builder upsampler(Upsampler u) {
            this.upsampler = Objects.requireNonNull(u, "upsampler");
            return this;
        }

        /** @param l shape of the latent code (default vector, the original) @return this */
        public Builder latentShape(LatentShape l) {
            this.latentShape = Objects.requireNonNull(l, "latentShape");
            return this;
        }




        /**
         * @return the model definition
         * @throws IllegalStateException for the upsample decoder in NHWC, whose gradients DL4J M2.1
         *     computes wrongly there (docs/autoencoder.md); use NCHW
         */
        public ConvAutoencoder build() {
            if (upsampler == Upsampler.UPSAMPLE && settings().layout() == TensorLayout.NHWC) {
                throw new IllegalStateException("the upsample decoder needs layout NCHW: in NHWC DL4J M2.1 computes "
                        + "its gradients wrongly (docs/autoencoder.md)");
            }
            return new ConvAutoencoder(this);
        }
    }
}
