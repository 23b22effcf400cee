package io.github.wikiart.models.transfer;

import io.github.wikiart.models.NativeBackend;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The label-conditioned transfer network: one network for all styles, chosen per image by
 * conditional instance normalisation (Dumoulin, Shlens and Kudlur 2017, "A Learned Representation
 * for Artistic Style"), trained feed-forward (Johnson, Alahi and Fei-Fei 2016).
 *
 * <p>Graph (NHWC): placeholders {@value #INPUT} {@code [b, s, s, 3]} in [0, 1] and {@value #STYLE}
 * {@code [b, styles]} one-hot; conv 3x3 (w) - CIN - ReLU, conv 3x3 stride 2 (2w) - CIN - ReLU, two
 * (or {@link CinArchitecture#residualBlocks()}) residual blocks (conv - CIN - ReLU - conv - CIN, plus the input), a transposed conv 3x3 stride 2
 * (or nearest upsampling by 2 and a conv 3x3) to w channels - CIN - ReLU, conv 3x3 to RGB {@code d}
 * and output {@value #OUTPUT} {@code = sigmoid(d)} (the first version), or, residual, a change
 * {@code d} in logit space and output {@code sigmoid(logit(p) + d)} with
 * {@code p = EPS + (1 - 2 EPS) x}, the input squeezed into [{@value #EPS}, 1 - {@value #EPS}] so
 * that its logit is finite (a linear squeeze, not a clamp, keeps every gradient exact).
 *
 * <p>The residual network's last convolution starts at zero, so
 * the untrained network returns its input (up to the squeeze, at most {@value #EPS}): training starts from the picture and
 * learns only the change of style, instead of learning first to reproduce the picture through the
 * bottleneck (which blurs it and leaves checkerboard artifacts). The sigmoid keeps outputs in
 * [0, 1] without clipping away gradients.
 *
 * <p>A residual network can also carry a per-style colour map: a pointwise network of the input's
 * pixels (3 - {@value #COLOUR_HIDDEN} - 3 per style, ReLU, only the target style's hidden units
 * active) whose output is added to the logit beside the convolutional change. Its output layer
 * starts at zero, so the network still starts as the identity. Styles that are pointwise maps of
 * colour (tone curves, duotones, solarisation) are then one small function each, learnt in a few
 * hundred steps, instead of something the shared convolutions must learn to switch on per style.
 */
public final class CinTransferNet {
    /** Name of the image placeholder. */
    public static final String INPUT = "input";
    /** Name of the one-hot style placeholder. */
    public static final String STYLE = "style";
    /** Name of the output variable. */
    public static final String OUTPUT = "output";
    /** Input pixels are squeezed linearly into [EPS, 1 - EPS] before their logit. */
    public static final double EPS = 1e-3;
    /** Hidden units per style of the colour map. */
    public static final int COLOUR_HIDDEN = 16;
    /** Stride-2 convolutions before the residual blocks (one: {@code c2}), each undone by one upsampling. */
    public static final int DOWNSAMPLINGS = 1;
    /**
     * {@code 2^}{@value #DOWNSAMPLINGS}: the network's height and width must be multiples of it, so
     * that the upsampling restores the input's size exactly.
     */
    public static final int STRIDE = 1 << DOWNSAMPLINGS;
    /** Residual blocks of the network by default (Johnson et al. use five). */
    public static final int RESIDUAL_BLOCKS = 2;
    /** The smallest height and width: the half-size activations keep at least 2x2 for their statistics. */
    public static final int MIN_SIDE = 4;

    /** The periods, in pixels, of {@link #gridPatterns}. */
    public static final int[] GRID_PERIODS = {2, 3, 4, 6, 8};
    /**
     * Channels of {@link #gridPatterns}: a cosine and a sine per period and axis, without the sines
     * of period 2 (zero).
     */
    public static final int GRID_CHANNELS = 4 * GRID_PERIODS.length - 2;

    private CinTransferNet() {
    }

    /**
     * Fixed stripes of the pixel coordinates, {@code [1, height, width, c]} with c = {@link #GRID_CHANNELS}:
     * for each period p of {@link #GRID_PERIODS}, {@code cos(2 pi x / p)} and {@code sin(2 pi x / p)}
     * of the column x, then the same of the row y (for p = 2 only the cosines, {@code (-1)^x} and
     * {@code (-1)^y}). Coordinates start at 0 at the top left, so a picture and its right or bottom
     * padding (as {@code transferAtOwnSize} pads) see the same patterns.
     *
     * @param height rows
     * @param width columns
     * @return the patterns, float
     */
    public static INDArray gridPatterns(int height, int width) {
        float[] values = new float[height * width * GRID_CHANNELS];
        int at = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int p : GRID_PERIODS) {
                    for (int coordinate : new int[] {x, y}) {
                        double angle = 2 * Math.PI * (coordinate % p) / p;
                        values[at++] = (float) Math.cos(angle);
                        if (p != 2) {
                            values[at++] = (float) Math.sin(angle);
                        }
                    }
                }
            }
        }
        return Nd4j.create(values, new long[] {1, height, width, GRID_CHANNELS}, DataType.FLOAT);
    }

    /**
     * Builds the network into a new graph.
     *
     * @param side image side (even)
     * @param numStyles number of styles
     * @param width channels of the first layer
     * @param seed weight seed
     * @param type data type (DOUBLE for gradient checks)
     * @param upsample nearest upsampling + convolution instead of a transposed convolution
     * @param residual output a change of the input image (starting as the identity) instead of an image
     * @return the graph, with {@value #INPUT}, {@value #STYLE} and {@value #OUTPUT}
     */
    public static SameDiff build(int side, int numStyles, int width, long seed, DataType type, boolean upsample,
                                 boolean residual) {
        return build(side, numStyles, width, seed, type, upsample, residual, false);
    }

    /**
     * Builds the network into a new graph, optionally with a per-style colour map.
     *
     * @param side image side (even)
     * @param numStyles number of styles
     * @param width channels of the first layer
     * @param seed weight seed
     * @param type data type (DOUBLE for gradient checks)
     * @param upsample nearest upsampling + convolution instead of a transposed convolution
     * @param residual output a change of the input image (starting as the identity) instead of an image
     * @param colourMap add a per-style pointwise colour map to the change (residual networks only)
     * @return the graph, with {@value #INPUT}, {@value #STYLE} and {@value #OUTPUT}
     */
    public static SameDiff build(int side, int numStyles, int width, long seed, DataType type, boolean upsample,
                                 boolean residual, boolean colourMap) {
        if (side % STRIDE != 0 || side < MIN_SIDE) {
            throw new IllegalArgumentException("side must be even and >= 4, got " + side);
        }
        return build(side, side, numStyles, width, seed, type, upsample, residual, colourMap);
    }

    /**
     * Builds the network for {@code height x width} images. The network is fully convolutional:
     * only the placeholder and a few reshapes depend on the size, so the weights of one size fit
     * every other ({@link CinArchitecture#atSize}).
     *
     * @param height image height, a multiple of {@value #STRIDE}, at least {@value #MIN_SIDE}
     * @param imageWidth image width, a multiple of {@value #STRIDE}, at least {@value #MIN_SIDE}
     * @param numStyles number of styles
     * @param width channels of the first layer
     * @param seed weight seed
     * @param type data type (DOUBLE for gradient checks)
     * @param upsample nearest upsampling + convolution instead of a transposed convolution
     * @param residual output a change of the input image (starting as the identity) instead of an image
     * @param colourMap add a per-style pointwise colour map to the change (residual networks only)
     * @return the graph, with {@value #INPUT}, {@value #STYLE} and {@value #OUTPUT}
     */
    public static SameDiff build(int height, int imageWidth, int numStyles, int width, long seed, DataType type,
                                 boolean upsample, boolean residual, boolean colourMap) {
        return build(height, imageWidth, new CinArchitecture(numStyles, width, type, upsample, residual, colourMap,
                false), seed);
    }

    /**
     * Builds the network with the given choices for {@code height x width} images (see
     * {@link #build(int, int, int, int, long, DataType, boolean, boolean, boolean)}). With
     * {@link CinArchitecture#positionChannels()} the decoder's upsampled layer also gets a 3x3
     * convolution of {@link #gridPatterns} (weights {@code u1_pos_W}, starting at zero, so the
     * untrained network is the same as without them): the network can then draw textures aligned
     * to the pixel grid (halftone screens, tiles), which a translation-equivariant network can only
     * do through the artifacts of its upsampling.
     *
     * @param height image height, a multiple of {@value #STRIDE}, at least {@value #MIN_SIDE}
     * @param imageWidth image width, a multiple of {@value #STRIDE}, at least {@value #MIN_SIDE}
     * @param architecture the choices
     * @param seed weight seed
     * @return the graph, with {@value #INPUT}, {@value #STYLE} and {@value #OUTPUT}
     */
    public static SameDiff build(int height, int imageWidth, CinArchitecture architecture, long seed) {
        int numStyles = architecture.numStyles();
        int width = architecture.width();
        DataType type = architecture.type();
        boolean upsample = architecture.upsample();
        boolean residual = architecture.residual();
        boolean colourMap = architecture.colourMap();
        if (colourMap && !residual) {
            throw new IllegalArgumentException("a colour map needs a residual network");
        }
        if (height % STRIDE != 0 || imageWidth % STRIDE != 0 || height < MIN_SIDE || imageWidth < MIN_SIDE) {
            throw new IllegalArgumentException("height and width must be multiples of " + STRIDE + " and >= "
                    + MIN_SIDE + ", got " + imageWidth + "x" + height);
        }
        if (numStyles < 2 || width < 1) {
            throw new IllegalArgumentException("need >= 2 styles and width >= 1");
        }
        NativeBackend.prepare();
        Nd4j.getRandom().setSeed(seed);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(INPUT, type, -1, height, imageWidth, 3);
        SDVariable s = sd.placeHolder(STYLE, type, -1, numStyles);
        long w = width;
        SDVariable h = block(sd, "c1", SdLayers.conv3(sd, "c1", x, 3, w, 1, true), s, numStyles, w, true);
        h = block(sd, "c2", SdLayers.conv3(sd, "c2", h, w, 2 * w, 2, true), s, numStyles, 2 * w, true);
        for (int r = 1; r <= architecture.residualBlocks(); r++) {
            SDVariable a = block(sd, "r" + r + "a", SdLayers.conv3(sd, "r" + r + "a", h, 2 * w, 2 * w, 1, true), s,
                    numStyles, 2 * w, true);
            SDVariable b = block(sd, "r" + r + "b", SdLayers.conv3(sd, "r" + r + "b", a, 2 * w, 2 * w, 1, true), s,
                    numStyles, 2 * w, false);
            h = h.add(b);
        }
        // Optionally nearest upsampling then a convolution: fewer checkerboard artifacts (Odena,
        // Dumoulin and Olah 2016); SdLayers.upsample2, as SameDiff's upsampling2d has a wrong NHWC
        // gradient.
        SDVariable up = upsample ? SdLayers.conv3(sd, "u1", SdLayers.upsample2(sd, h, height / STRIDE, imageWidth / STRIDE,
                2 * w), 2 * w, w,
                1, true) : SdLayers.deconv3x2(sd, "u1", h, 2 * w, w);
        if (architecture.positionChannels()) {
            SDVariable grid = sd.constant("grid_patterns", gridPatterns(height, imageWidth).castTo(type));
            SDVariable gridWeights = sd.var("u1_pos_W", Nd4j.zeros(type, 3, 3, GRID_CHANNELS, w));
            up = up.add(sd.cnn().conv2d("u1_pos", grid, gridWeights, Conv2DConfig.builder().kH(3).kW(3)
                    .paddingMode(PaddingMode.SAME).dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO).build()));
        }
        h = block(sd, "u1", up, s, numStyles, w, true);
        if (architecture.globalContext()) {
            h = globalContext(sd, x, s, h, numStyles, w, type);
        }
        SDVariable change = SdLayers.conv3(sd, "out", h, w, 3, 1, true);
        if (!residual) {
            sd.nn().sigmoid(OUTPUT, change);
            return sd;
        }
        sd.getVariable("out_W").getArr().assign(0);
        SDVariable p = x.mul(1 - 2 * EPS).add(EPS);
        SDVariable logit = sd.math().log(p).sub(sd.math().log(p.neg().add(1.0)));
        if (colourMap) {
            change = change.add(colourMap(sd, x, s, height, imageWidth, numStyles, type));
        }
        sd.nn().sigmoid(OUTPUT, logit.add(change));
        return sd;
    }

    /**
     * The per-style pointwise colour map: per pixel {@code W2_s relu(W1_s (x - 0.5) + b1_s) + b2_s},
     * with the weights of each sample's style {@code s} picked from per-style tables by a one-hot
     * product (as conditional instance normalisation picks its scales). {@code W2} and {@code b2}
     * start at zero.
     */
    private static SDVariable colourMap(SameDiff sd, SDVariable x, SDVariable styles, int height, int width,
                                        int numStyles, DataType type) {
        long h = COLOUR_HIDDEN;
        SDVariable w1 = sd.var("colour_W1", SdLayers.he(3, type, numStyles, 3 * h));
        // Biases spread over the pixel range, so that the ReLU kinks cover it from the start.
        SDVariable b1 = sd.var("colour_b1", Nd4j.rand(type, numStyles, h).subi(0.5).muli(2.0));
        SDVariable w2 = sd.var("colour_W2", Nd4j.zeros(type, numStyles, h * 3));
        SDVariable b2 = sd.var("colour_b2", Nd4j.zeros(type, numStyles, 3));
        SDVariable pixels = sd.reshape(x.sub(0.5), -1L, (long) height * width, 3L);
        SDVariable hidden = sd.nn().relu(sd.mmul(pixels, sd.reshape(styles.mmul(w1), -1L, 3L, h))
                .add(sd.reshape(styles.mmul(b1), -1L, 1L, h)), 0.0);
        SDVariable out = sd.mmul(hidden, sd.reshape(styles.mmul(w2), -1L, h, 3L))
                .add(sd.reshape(styles.mmul(b2), -1L, 1L, 3L));
        return sd.reshape(out, -1L, height, width, 3L);
    }

    /** Name prefix of {@link #globalContext}'s weights. */
    public static final String GLOBAL_PREFIX = "global";
    /** Hidden units of {@link #globalContext}'s network. */
    public static final int GLOBAL_HIDDEN = 32;
    /** Statistics per image that {@link #globalContext} sees: mean, standard deviation, minimum and maximum of R, G and B. */
    public static final int GLOBAL_STATISTICS = 12;

    /**
     * Global context: the decoder's last features {@code h} ({@code [b, height, width, c]}) scaled
     * and shifted per image, {@code h * (1 + gamma) + beta}, where {@code [gamma, beta]} =
     * {@code W2 relu(W1 [statistics, style] + b1) + b2} and the statistics are each input
     * channel's mean, standard deviation, minimum and maximum over the picture. The rest of the
     * network sees only 3x3 neighbourhoods and normalises every feature map per image, so without
     * this nothing it computes can depend on the whole picture, as a contrast stretch
     * ({@code -normalize}) or a palette of a few colours does. {@code W2} and {@code b2} start at
     * zero: the untrained network is the same as without it.
     */
    static SDVariable globalContext(SameDiff sd, SDVariable x, SDVariable styles, SDVariable h, int numStyles,
                                    long channels, DataType type) {
        SDVariable statistics = sd.concat(1, x.mean(1, 2), x.std(false, 1, 2), x.min(1, 2), x.max(1, 2));
        long in = GLOBAL_STATISTICS + numStyles;
        SDVariable w1 = sd.var(GLOBAL_PREFIX + "_W1", SdLayers.he(in, type, in, GLOBAL_HIDDEN));
        SDVariable b1 = sd.var(GLOBAL_PREFIX + "_b1", Nd4j.zeros(type, GLOBAL_HIDDEN));
        SDVariable w2 = sd.var(GLOBAL_PREFIX + "_W2", Nd4j.zeros(type, GLOBAL_HIDDEN, 2 * channels));
        SDVariable b2 = sd.var(GLOBAL_PREFIX + "_b2", Nd4j.zeros(type, 2 * channels));
        SDVariable hidden = sd.nn().relu(sd.concat(1, statistics, styles).mmul(w1).add(b1), 0.0);
        SDVariable film = hidden.mmul(w2).add(b2);
        SDVariable gamma = sd.reshape(film.get(SDIndex.all(), SDIndex.interval(0L, channels)), -1L, 1L, 1L, channels);
        SDVariable beta = sd.reshape(film.get(SDIndex.all(), SDIndex.interval(channels, 2 * channels)), -1L, 1L, 1L,
                channels);
        return h.mul(gamma.add(1.0)).add(beta);
    }

    private static SDVariable block(SameDiff sd, String name, SDVariable conv, SDVariable styles, int numStyles,
                                    long channels, boolean relu) {
        SDVariable n = SdLayers.cin(sd, name + "_cin", conv, styles, numStyles, channels);
        return relu ? sd.nn().relu(n, 0.0) : n;
    }
}
