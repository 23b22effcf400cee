package io.github.wikiart.train.transfer.seed;

import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.models.transfer.StyleLosses;
import java.util.ArrayList;
import java.util.List;
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
 * Builds the one NHWC SameDiff graph of the style-embedding transfer: the ported autoencoder,
 * the style embedder and the style-conditioned encoder, sharing the decoder's variables, with the
 * losses of both training steps.
 *
 * <p>The conditioned encoder's dense layer starts as the autoencoder's latent layer for the image
 * half of its input and zeros for the style half, so before step 2 it reproduces the autoencoder.
 * The embedder's weights start like PyTorch's defaults: the table from N(0, 1), the rest uniform in
 * {@code +-1/sqrt(fan in)}.
 */
public final class SeedGraph {
    /** Placeholder of the input images, {@code [b, s, s, 3]}. */
    public static final String IMAGE = "image";
    /** Placeholder of the one-hot styles fed to the embedder, {@code [b, classes]}. */
    public static final String STYLE = "style";
    /** The ported autoencoder's reconstruction of {@link #IMAGE}. */
    public static final String AE_RECON = "ae_recon";
    /** The decoded embedder latent of {@link #STYLE}. */
    public static final String EMBED_RECON = "embed_recon";
    /** The conditioned network's output, unclamped. */
    public static final String TRANSFER = "transfer";
    /** The conditioned network's output clamped to [0, 1]. */
    public static final String TRANSFER_CLAMPED = "transfer_clamped";
    /** Step 1 loss: MSE(decoder(embedder(style)), image). */
    public static final String STEP1_LOSS = "step1_loss";
    /** Unweighted content loss MSE(transfer, image). */
    public static final String CONTENT_LOSS = "content_loss";
    /** Unweighted style loss: sum of Gram MSEs. */
    public static final String STYLE_LOSS = "style_loss";
    /** Step 2 loss: content weight * content + style weight * style. */
    public static final String STEP2_LOSS = "step2_loss";

    private final SameDiff sd = SameDiff.create();
    private final AutoencoderWeights w;
    private final DataType type;
    private final List<String> embedder = new ArrayList<>();
    private final List<String> encoder = new ArrayList<>();
    private final List<String> decoder = new ArrayList<>();

    private SeedGraph(AutoencoderWeights w, long seed) {
        this.w = w;
        this.type = w.convW()[0].dataType();
        Nd4j.getRandom().setSeed(seed);
    }

    /**
     * Builds the graph.
     *
     * @param weights the autoencoder's weights; their data type is the graph's
     * @param classes number of styles
     * @param options embed size, loss weights and style layers
     * @param seed seed of the embedder's initial weights
     * @return the graph with its variable groups
     */
    public static Built build(AutoencoderWeights weights, int classes, SeedTransferOptions options, long seed) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        }
        SeedGraph g = new SeedGraph(weights, seed);
        g.define(classes, options);
        return new Built(g.sd, List.copyOf(g.embedder), List.copyOf(g.encoder), List.copyOf(g.decoder));
    }

    /**
     * A built graph and the names of the variables each step trains.
     *
     * @param sd the graph
     * @param embedder embedder variables on the path of both losses (table, dense, convolutions)
     * @param encoder the conditioned encoder's variables (convolutions and its dense layer)
     * @param decoder the decoder's variables
     */
    public record Built(SameDiff sd, List<String> embedder, List<String> encoder, List<String> decoder) {
        /** @return what step 1 trains: the embedder, including its own dense layer to the latent */
        public List<String> step1Variables() {
            List<String> v = new ArrayList<>(embedder);
            v.add("emb_latent_W");
            v.add("emb_latent_b");
            return v;
        }

        /** @return what step 2 trains: embedder, conditioned encoder and decoder */
        public List<String> step2Variables() {
            List<String> v = new ArrayList<>(embedder);
            v.addAll(encoder);
            v.addAll(decoder);
            return v;
        }
    }

    private void define(int classes, SeedTransferOptions o) {
        int s = w.side();
        SDVariable image = sd.placeHolder(IMAGE, type, -1, s, s, 3);
        SDVariable style = sd.placeHolder(STYLE, type, -1, classes);

        List<SDVariable> enc = convs(image, "enc", w.convW(), w.convB(), encoder);
        SDVariable encFlat = sd.reshape(enc.get(2), -1, w.flatSize());
        SDVariable aeLatent = dense(encFlat, "enc_latent", w.latentW(), w.latentB(), null);
        decode(aeLatent, AE_RECON);

        SDVariable table = variable("emb_table", Nd4j.randn(type, classes, o.embedDim()), embedder);
        SDVariable embImage = sd.reshape(dense(style.mmul(table), "emb_dense",
                uniform(o.embedDim(), o.embedDim(), (long) s * s * 3), uniform(o.embedDim(), 1, (long) s * s * 3), embedder),
                -1, s, s, 3);
        INDArray[] ew = new INDArray[3];
        INDArray[] eb = new INDArray[3];
        for (int i = 0; i < 3; i++) {
            long[] shape = w.convW()[i].shape();
            long fanIn = shape[0] * shape[1] * shape[2];
            ew[i] = uniform(fanIn, shape);
            eb[i] = uniform(fanIn, shape[3]);
        }
        List<SDVariable> emb = convs(embImage, "emb", ew, eb, embedder);
        SDVariable styleRep = sd.reshape("style_representation", emb.get(2), -1, w.flatSize());
        SDVariable embLatent = dense(styleRep, "emb_latent", uniform(w.flatSize(), w.flatSize(), w.latentDim()),
                uniform(w.flatSize(), 1, w.latentDim()), null);
        SDVariable embRecon = decode(embLatent, EMBED_RECON);
        StyleLosses.mse(sd, embRecon, image).rename(STEP1_LOSS);

        INDArray condW = Nd4j.concat(0, w.latentW(), Nd4j.zeros(type, w.flatSize(), w.latentDim()));
        SDVariable condLatent = dense(sd.concat(1, encFlat, styleRep), "cond_latent", condW, w.latentB(), encoder);
        SDVariable transfer = decode(condLatent, TRANSFER);
        sd.math().clipByValue(TRANSFER_CLAMPED, transfer, 0.0, 1.0);
        SDVariable content = StyleLosses.mse(sd, transfer, image).rename(CONTENT_LOSS);
        List<SDVariable> grams = new ArrayList<>();
        List<SDVariable> targets = new ArrayList<>();
        for (int layer : o.styleLayers()) {
            long[] shape = w.convW()[layer - 1].shape();
            long side = s >> layer;
            grams.add(StyleLosses.gram(sd, enc.get(layer - 1), side, side, shape[3]));
            targets.add(StyleLosses.gram(sd, emb.get(layer - 1), side, side, shape[3]));
        }
        SDVariable styleLoss = StyleLosses.styleLoss(sd, grams, targets).rename(STYLE_LOSS);
        content.mul(o.contentWeight()).add(STEP2_LOSS, styleLoss.mul(o.styleWeight()));
    }

    private List<SDVariable> convs(SDVariable x, String prefix, INDArray[] weights, INDArray[] biases, List<String> group) {
        List<SDVariable> acts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SDVariable wv = variable(prefix + "_conv" + (i + 1) + "_W", weights[i], group);
            SDVariable bv = variable(prefix + "_conv" + (i + 1) + "_b", biases[i], group);
            // DL4J ConvolutionMode.Truncate with padding 1: explicit symmetric padding, no "same" logic.
            Conv2DConfig c = Conv2DConfig.builder().kH(3).kW(3).sH(2).sW(2).pH(1).pW(1).dH(1).dW(1)
                    .paddingMode(PaddingMode.VALID).dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO).build();
            x = activate(sd.cnn().conv2d(x, wv, bv, c));
            acts.add(x);
        }
        return acts;
    }

    private SDVariable decode(SDVariable latent, String name) {
        boolean first = decoder.isEmpty();
        List<String> group = first ? decoder : null;
        SDVariable x = dense(latent, "dec_dense", w.denseW(), w.denseB(), group);
        x = sd.reshape(x, -1, w.bottleneck(), w.bottleneck(), 4L * w.width());
        for (int i = 0; i < 3; i++) {
            SDVariable wv = variable("dec_deconv" + (i + 1) + "_W", w.deconvW()[i], group);
            SDVariable bv = variable("dec_deconv" + (i + 1) + "_b", w.deconvB()[i], group);
            DeConv2DConfig c = DeConv2DConfig.builder().kH(3).kW(3).sH(2).sW(2).dH(1).dW(1).isSameMode(true)
                    .dataFormat("NHWC").build();
            x = activate(sd.cnn().deconv2d(x, wv, bv, c));
        }
        SDVariable ow = variable("dec_out_W", w.outW(), group);
        SDVariable ob = variable("dec_out_b", w.outB(), group);
        Conv2DConfig c = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).dH(1).dW(1).paddingMode(PaddingMode.SAME)
                .dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO).build();
        return sd.cnn().conv2d(x, ow, ob, c).rename(name);
    }

    private SDVariable dense(SDVariable x, String prefix, INDArray weights, INDArray bias, List<String> group) {
        SDVariable wv = variable(prefix + "_W", weights, group);
        SDVariable bv = variable(prefix + "_b", bias, group);
        return x.mmul(wv).add(bv);
    }

    /** Creates a variable, or returns the existing one when the decoder is used a second time. */
    private SDVariable variable(String name, INDArray value, List<String> group) {
        if (sd.hasVariable(name)) {
            return sd.getVariable(name);
        }
        SDVariable v = sd.var(name, value.castTo(type).dup('c'));
        if (group != null) {
            group.add(name);
        }
        return v;
    }

    private SDVariable activate(SDVariable x) {
        ConvAutoencoder.Act a = w.activation();
        return switch (a) {
            case RELU -> sd.nn().relu(x, 0.0);
            case TANH -> sd.nn().tanh(x);
            case GELU -> sd.nn().gelu(x);
        };
    }

    private INDArray uniform(long fanIn, long... shape) {
        double bound = 1.0 / Math.sqrt(fanIn);
        return Nd4j.rand(type, shape).muli(2 * bound).subi(bound);
    }
}
