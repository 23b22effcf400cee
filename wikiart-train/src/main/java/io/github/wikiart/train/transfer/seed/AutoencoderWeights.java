package io.github.wikiart.train.transfer.seed;

import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.autoencoder.TrainedAutoencoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weights of a trained transposed-convolution {@link ConvAutoencoder}, converted to the
 * layouts of an NHWC SameDiff graph: convolutions {@code [kH, kW, iC, oC]} (YXIO), transposed
 * convolutions {@code [kH, kW, oC, iC]}, biases rank 1, and the dense layers' rows/columns in the
 * {@code (h, w, c)} order of a row-major NHWC flatten (the DL4J network of an NCHW run flattens in
 * {@code (c, h, w)} order; those are permuted here).
 *
 * @param side image side
 * @param width channels of the first convolution
 * @param latentDim latent size
 * @param activation hidden activation
 * @param convW encoder convolution weights, three
 * @param convB encoder convolution biases, three
 * @param latentW encoder dense weights {@code [hwc, latent]}
 * @param latentB encoder dense bias {@code [1, latent]}
 * @param denseW decoder dense weights {@code [latent, hwc]}
 * @param denseB decoder dense bias {@code [1, hwc]}
 * @param deconvW decoder transposed-convolution weights, three
 * @param deconvB decoder transposed-convolution biases, three
 * @param outW final convolution weights
 * @param outB final convolution bias
 */
public record AutoencoderWeights(int side, int width, int latentDim, ConvAutoencoder.Act activation,
                                 INDArray[] convW, INDArray[] convB, INDArray latentW, INDArray latentB,
                                 INDArray denseW, INDArray denseB, INDArray[] deconvW, INDArray[] deconvB,
                                 INDArray outW, INDArray outB) {

    /** Checks the shapes agree with each other. */
    public AutoencoderWeights {
        Objects.requireNonNull(activation, "activation");
        if (side < 8 || side % 8 != 0) {
            throw new IllegalArgumentException("side must be a multiple of 8, got " + side);
        }
        long flat = (long) bottleneck(side) * bottleneck(side) * 4 * width;
        if (latentW.size(0) != flat || denseW.size(1) != flat || latentW.size(1) != latentDim) {
            throw new IllegalArgumentException("dense shapes do not match side " + side + ", width " + width);
        }
    }

    private static int bottleneck(int side) {
        return side / 8;
    }

    /** @return the side of the smallest feature map */
    public int bottleneck() {
        return bottleneck(side);
    }

    /** @return the length of the flattened last convolution output, {@code 4w (s/8)^2} */
    public int flatSize() {
        return bottleneck() * bottleneck() * 4 * width;
    }

    /**
     * Reads the best checkpoint of an autoencoder run.
     *
     * @param runDir a run folder of {@code autoencoder train}
     * @return its weights
     * @throws IOException naming a missing or broken file
     * @throws IllegalArgumentException when the run's decoder is not {@code transposed} or its latent
     *     is not a vector
     */
    public static AutoencoderWeights load(Path runDir) throws IOException {
        Map<String, Object> model = modelSettings(runDir);
        Object decoder = model.get("decoder");
        if (decoder != null && !"transposed".equalsIgnoreCase(decoder.toString())) {
            throw new IllegalArgumentException("the seed method needs an autoencoder with decoder 'transposed'; run "
                    + runDir + " has decoder '" + decoder + "'");
        }
        Object shape = model.get("latent_shape");
        if (shape != null && !"vector".equalsIgnoreCase(shape.toString())) {
            throw new IllegalArgumentException("the seed method needs an autoencoder with latent_shape 'vector' (dense "
                    + "layers to and from the latent, as the original); run " + runDir + " has latent_shape '" + shape
                    + "'");
        }
        Object act = model.get("activation");
        if (act == null) {
            throw new IOException(runDir.resolve(Checkpoints.INDEX) + ": missing field 'model.activation'");
        }
        TrainedAutoencoder ae = TrainedAutoencoder.load(runDir, Checkpoints.Which.BEST);
        try {
            return of(ae.network(), ae.description().layout(), ae.description().imageSize(), ConvAutoencoder.Act.parse(act.toString()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the seed method needs an autoencoder with decoder 'transposed'; run "
                    + runDir + " is " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> modelSettings(Path runDir) throws IOException {
        Path index = runDir.resolve(Checkpoints.INDEX);
        if (!Files.isRegularFile(index)) {
            throw new java.nio.file.NoSuchFileException(index.toString(), null, "not an autoencoder run");
        }
        Object model = Json.read(index).get("model");
        if (!(model instanceof Map)) {
            throw new IOException(index + ": missing object 'model'");
        }
        return (Map<String, Object>) model;
    }

    /**
     * Converts a DL4J transposed-convolution autoencoder.
     *
     * @param net the network of {@link ConvAutoencoder} with the transposed decoder
     * @param layout the layout it was built for
     * @param side its image side
     * @param activation its hidden activation
     * @return the converted weights (copies)
     */
    public static AutoencoderWeights of(MultiLayerNetwork net, TensorLayout layout, int side,
                                        ConvAutoencoder.Act activation) {
        // By kind, in order (the decoder's layer indices differ between versions of the network):
        // 3 encoder convolutions, the latent and the expanding dense layer, 3 transposed
        // convolutions, the final convolution.
        List<org.deeplearning4j.nn.api.Layer> convs = new ArrayList<>();
        List<org.deeplearning4j.nn.api.Layer> dense = new ArrayList<>();
        List<org.deeplearning4j.nn.api.Layer> deconvs = new ArrayList<>();
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            Object conf = layer.conf().getLayer();
            if (conf instanceof org.deeplearning4j.nn.conf.layers.Deconvolution2D) {
                deconvs.add(layer);
            } else if (conf instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer) {
                convs.add(layer);
            } else if (conf instanceof org.deeplearning4j.nn.conf.layers.DenseLayer) {
                dense.add(layer);
            }
        }
        if (convs.size() != 4 || dense.size() != 2 || deconvs.size() != 3) {
            throw new IllegalArgumentException("not a transposed-convolution autoencoder: " + convs.size()
                    + " convolutions, " + dense.size() + " dense layers, " + deconvs.size()
                    + " transposed convolutions (expected 4, 2, 3)");
        }
        INDArray[] convW = new INDArray[3];
        INDArray[] convB = new INDArray[3];
        INDArray[] deconvW = new INDArray[3];
        INDArray[] deconvB = new INDArray[3];
        for (int i = 0; i < 3; i++) {
            convW[i] = yxio(convs.get(i).getParam("W"));
            convB[i] = bias(convs.get(i).getParam("b"));
            // DL4J Deconvolution2D W is [iC, oC, kH, kW]; the SameDiff op wants [kH, kW, oC, iC].
            deconvW[i] = yxio(deconvs.get(i).getParam("W"));
            deconvB[i] = bias(deconvs.get(i).getParam("b"));
        }
        int width = (int) convW[0].size(3);
        int b = side / 8;
        int c = 4 * width;
        INDArray latentW = dense.get(0).getParam("W").dup('c');
        INDArray denseW = dense.get(1).getParam("W").dup('c');
        INDArray denseB = dense.get(1).getParam("b").dup('c');
        if (layout == TensorLayout.NCHW) {
            long latent = latentW.size(1);
            latentW = latentW.reshape('c', new long[] {c, b, b, latent}).permute(1, 2, 0, 3).dup('c').reshape('c', new long[] {(long) b * b * c, latent});
            long in = denseW.size(0);
            denseW = denseW.reshape('c', new long[] {in, c, b, b}).permute(0, 2, 3, 1).dup('c').reshape('c', new long[] {in, (long) b * b * c});
            denseB = denseB.reshape('c', new long[] {1, c, b, b}).permute(0, 2, 3, 1).dup('c').reshape('c', new long[] {1, (long) b * b * c});
        }
        return new AutoencoderWeights(side, width, (int) latentW.size(1), activation, convW, convB, latentW,
                dense.get(0).getParam("b").dup('c'), denseW, denseB, deconvW, deconvB,
                yxio(convs.get(3).getParam("W")), bias(convs.get(3).getParam("b")));
    }

    private static INDArray yxio(INDArray w) {
        return w.permute(2, 3, 1, 0).dup('c');
    }

    private static INDArray bias(INDArray b) {
        return b.dup('c').reshape('c', new long[] {b.length()});
    }

    /**
     * @param type the target data type
     * @return these weights cast to it (for double-precision gradient checks)
     */
    public AutoencoderWeights castTo(DataType type) {
        return new AutoencoderWeights(side, width, latentDim, activation, cast(convW, type), cast(convB, type),
                latentW.castTo(type), latentB.castTo(type), denseW.castTo(type), denseB.castTo(type),
                cast(deconvW, type), cast(deconvB, type), outW.castTo(type), outB.castTo(type));
    }

    private static INDArray[] cast(INDArray[] a, DataType type) {
        INDArray[] out = new INDArray[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].castTo(type);
        }
        return out;
    }
}
