package io.github.wikiart.bench.pytorch;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import io.github.wikiart.bench.TwinCheck;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Runs a DL4J network and its DJL twin on the same weights and batch and compares them
 * ({@link TwinCheck}). The DL4J parameters are copied into the twin in order, layer by layer:
 * convolution weights as they are ({@code [out, in, kh, kw]} in both), dense weights transposed
 * (DL4J {@code [in, out]}, PyTorch {@code [out, in]}), biases and batch-norm parameters flattened,
 * and DL4J's {@code log10stdev} running statistic turned into PyTorch's running variance. A count or
 * shape that does not match is an error naming the parameter.
 */
public final class TwinComparison {
    private TwinComparison() {
    }

    /**
     * Compares a classifier: softmax outputs, mean cross-entropy.
     *
     * @param net the DL4J classifier, NCHW, without dropout
     * @param twin its DJL twin (logits out, without dropout), not initialised
     * @param x the batch {@code [n, 3, side, side]}
     * @param labels one-hot labels {@code [n, classes]}
     * @return the comparison
     */
    public static TwinCheck classifier(MultiLayerNetwork net, Block twin, INDArray x, INDArray labels) {
        return compare(net, twin, x, labels, true);
    }

    /**
     * Compares an autoencoder: reconstructions, mean squared error against the input.
     *
     * @param net the DL4J autoencoder, NCHW (output flattened, {@code ConvAutoencoder.flatten})
     * @param twin its DJL twin (images out), not initialised
     * @param x the batch {@code [n, 3, side, side]}
     * @return the comparison
     */
    public static TwinCheck reconstruction(MultiLayerNetwork net, Block twin, INDArray x) {
        return compare(net, twin, x, x.reshape(x.size(0), -1), false);
    }

    private static TwinCheck compare(MultiLayerNetwork net, Block twin, INDArray x, INDArray labels, boolean classify) {
        long[] shape = x.shape();
        // Everything DL4J computes first: the twin's training forward below moves nothing of DL4J's.
        INDArray dl4jOutput = net.output(x, false);
        double dl4jLoss = net.score(new DataSet(x, labels), false);
        net.setInput(x);
        net.setLabels(labels);
        net.computeGradientAndScore();
        // DL4J's gradients are sums over the batch; its updater divides them by the batch size.
        INDArray dl4jGradient = net.gradient().getGradientFor("0_W").div(shape[0]);
        net.clear();

        // Mean cross-entropy of the logits, or the mean squared error (weight 1: DL4J's MSE).
        Loss loss = classify ? Loss.softmaxCrossEntropyLoss() : Loss.l2Loss("L2Loss", 1f);
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optDevices(new Device[] {Device.cpu()});
        try (Model model = Model.newInstance("twin-check", Device.cpu())) {
            model.setBlock(twin);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(shape));
                copyParameters(net, twin);
                NDManager manager = trainer.getManager();
                NDArray input = manager.create(x.reshape(-1).toFloatVector(), new Shape(shape));
                NDArray target = classify
                        ? manager.create(labels.argMax(1).castTo(DataType.FLOAT).toFloatVector(), new Shape(shape[0]))
                        : input;
                // Inference first: PyTorch's training-mode batch norm moves its running statistics.
                NDArray out = trainer.evaluate(new NDList(input)).singletonOrThrow();
                float[] peerOutput = (classify ? out.softmax(1) : out).toFloatArray();
                double peerLoss = loss.evaluate(new NDList(target), new NDList(out)).getFloat();
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray trained = trainer.forward(new NDList(input)).singletonOrThrow();
                    collector.backward(loss.evaluate(new NDList(target), new NDList(trained)));
                }
                float[] peerGradient = twin.getParameters().get(0).getValue().getArray().getGradient().toFloatArray();
                return new TwinCheck(maxDifference(dl4jOutput.reshape(-1).toFloatVector(), peerOutput),
                        dl4jLoss, peerLoss, relativeDifference(dl4jGradient.reshape(-1).toFloatVector(), peerGradient),
                        TwinCheck.TOLERANCE);
            }
        }
    }

    /**
     * Compares the transfer row: the SameDiff graph (network and loss, NHWC, YXIO weights) and
     * {@link CinTransferTwin} (NCHW) with the graph's weights, feature convolutions and target tables
     * copied in: the output images, the loss and the gradient of {@code c1_W}.
     *
     * @param c the row's graph and batch
     * @return the comparison
     */
    public static TwinCheck transfer(io.github.wikiart.bench.Networks.TransferCase c) {
        org.nd4j.autodiff.samediff.SameDiff sd = c.sd();
        Map<String, INDArray> feed = Map.of("input", c.x(), "style", c.styles());
        INDArray output = sd.output(feed, "output").get("output").permute(0, 3, 1, 2);
        double dl4jLoss = sd.output(feed, "loss").get("loss").getDouble(0);
        INDArray gradient = fromYxio(sd.calculateGradients(feed, "c1_W").get("c1_W"));
        int batch = (int) c.x().size(0);
        int side = (int) c.x().size(1);
        int styles = (int) c.styles().size(1);
        int width = (int) sd.getVariable("c1_W").getArr().size(3);
        float[][] featureWeights = new float[c.features().layers()][];
        float[][] tables = new float[c.targets().size()][];
        for (int l = 0; l < featureWeights.length; l++) {
            featureWeights[l] = fromYxio(c.features().weights().get(l)).reshape(-1).toFloatVector();
            tables[l] = c.targets().get(l).castTo(DataType.FLOAT).reshape(-1).toFloatVector();
        }
        try (CinTransferTwin.Session session = new CinTransferTwin.Session(batch, side, styles, width,
                m -> new CinTransferTwin.LossFunction(m, styles, CinTransferTwin.STYLE_WEIGHT,
                        CinTransferTwin.CONTENT_WEIGHT, featureWeights, tables))) {
            for (String name : session.parameterNames()) {
                String source = graphName(name);
                if (!sd.hasVariable(source)) {
                    throw new IllegalStateException("the graph has no variable " + source + " for the twin's " + name
                            + "; the twin has " + session.parameterNames());
                }
                INDArray value = sd.getVariable(source).getArr();
                INDArray converted = (value.rank() == 4 ? fromYxio(value) : value).castTo(DataType.FLOAT);
                NDArray target = session.parameter(name);
                if (converted.length() != target.size()) {
                    throw new IllegalStateException("the graph's " + source + " " + java.util.Arrays.toString(
                            converted.shape()) + " does not fit the twin's " + name + " " + target.getShape());
                }
                target.set(FloatBuffer.wrap(converted.reshape(-1).toFloatVector()));
            }
            NDManager manager = session.manager();
            Shape nchw = new Shape(batch, 3, side, side);
            NDArray images = manager.create(c.x().permute(0, 3, 1, 2).dup('c').reshape(-1).toFloatVector(), nchw);
            NDArray oneHot = manager.create(c.styles().castTo(DataType.FLOAT).reshape(-1).toFloatVector(),
                    new Shape(batch, styles));
            float[] peerOutput = session.infer(images, oneHot, manager).toFloatArray();
            float[][] lossAndGradient = session.lossAndGradient(images, oneHot, "c1_W");
            return new TwinCheck(maxDifference(output.dup('c').reshape(-1).toFloatVector(), peerOutput), dl4jLoss,
                    lossAndGradient[0][0], relativeDifference(gradient.dup('c').reshape(-1).toFloatVector(),
                    lossAndGradient[1]), TwinCheck.TOLERANCE);
        }
    }

    /** A SameDiff weight {@code [kh, kw, a, b]} as PyTorch's {@code [b, a, kh, kw]}. */
    private static INDArray fromYxio(INDArray w) {
        return w.permute(3, 2, 0, 1).dup('c');
    }

    /** The graph's name of a twin parameter: the same, but CIN tables are {@code X_cin_gamma}, the upsampling (the child block {@code 01u1}) is {@code u1_W}. */
    private static String graphName(String twin) {
        if (twin.endsWith("_gamma") || twin.endsWith("_beta")) {
            int cut = twin.lastIndexOf('_');
            return twin.substring(0, cut) + "_cin" + twin.substring(cut);
        }
        return switch (twin) {
            case "01u1_weight" -> "u1_W";
            case "01u1_bias" -> "u1_b";
            default -> twin;
        };
    }

    /** Copies every DL4J parameter into the twin's parameters, in order (see the class comment). */
    static void copyParameters(MultiLayerNetwork net, Block twin) {
        List<Pair<String, Parameter>> peer = new ArrayList<>();
        twin.getParameters().forEach(peer::add);
        int next = 0;
        for (Layer layer : net.getLayers()) {
            // DL4J keeps a convolution's bias before its weights; DJL, like PyTorch, after.
            List<Map.Entry<String, INDArray>> entries = new ArrayList<>(layer.paramTable().entrySet());
            entries.sort(java.util.Comparator.comparing(e -> !e.getKey().equals("W")));
            for (Map.Entry<String, INDArray> e : entries) {
                String name = layer.getIndex() + "_" + e.getKey();
                if (next >= peer.size()) {
                    throw new IllegalStateException("the twin has no parameter for DL4J's " + name);
                }
                Pair<String, Parameter> p = peer.get(next++);
                NDArray target = p.getValue().getArray();
                INDArray value = converted(e.getKey(), e.getValue()).castTo(DataType.FLOAT);
                if (value.length() != target.size() || (value.rank() > 1 && !new Shape(value.shape()).equals(
                        target.getShape()))) {
                    throw new IllegalStateException("DL4J's " + name + " " + java.util.Arrays.toString(value.shape())
                            + " does not fit the twin's " + p.getKey() + " " + target.getShape());
                }
                target.set(FloatBuffer.wrap(value.reshape(-1).toFloatVector()));
            }
        }
        if (next != peer.size()) {
            throw new IllegalStateException("the twin has " + (peer.size() - next) + " parameters DL4J has not, from "
                    + peer.get(next).getKey());
        }
    }

    private static INDArray converted(String key, INDArray value) {
        return switch (key) {
            case "W" -> value.rank() == 2 ? value.transpose().dup('c') : value.dup('c');
            // variance = std^2 = 10^(2 log10(std))
            case "log10stdev" -> Transforms.exp(value.castTo(DataType.DOUBLE).mul(2 * Math.log(10))).reshape(-1);
            default -> value.reshape(-1);
        };
    }

    private static double maxDifference(float[] a, float[] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs((double) a[i] - b[i]));
        }
        return m; // NaN when any value is NaN (Math.max keeps NaN)
    }

    private static double relativeDifference(float[] a, float[] b) {
        double scale = 0;
        for (float v : a) {
            scale = Math.max(scale, Math.abs(v));
        }
        return maxDifference(a, b) / Math.max(scale, 1e-12);
    }
}
