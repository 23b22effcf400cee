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
