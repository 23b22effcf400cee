package io.github.wikiart.train.classifier;

import io.github.wikiart.data.LabelIndex;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Evaluates a classifier over every batch of an iterator, in inference mode. */
public final class ClassifierEvaluator {
    private static final double EPS = 1e-12;

    private ClassifierEvaluator() {
    }

    /**
     * Runs the network over the whole iterator (resetting it first when it was used) and
     * compares the most probable class with the label.
     *
     * @param net a network with softmax output over {@code labels}
     * @param data labelled batches; evaluated in their order (do not shuffle for reproducible loss sums)
     * @param labels the label index of the network
     * @return the report, with the mean negative log-likelihood of the true class
     */
    public static ClassificationReport evaluate(MultiLayerNetwork net, DataSetIterator data, LabelIndex labels) {
        return evaluate(net, data, labels, io.github.wikiart.data.StepProgress.NONE, 0);
    }

    /**
     * Evaluates, reporting the images done after each batch ({@code evaluating}).
     *
     * @param net a network with softmax output over {@code labels}
     * @param data labelled batches, in a fixed order
     * @param labels the label index of the network
     * @param progress told after each batch
     * @param total the number of images, for the progress
     * @return the report, with the mean negative log-likelihood of the true class
     */
    public static ClassificationReport evaluate(MultiLayerNetwork net, DataSetIterator data, LabelIndex labels,
                                                io.github.wikiart.data.StepProgress progress, long total) {
        int[] truth = new int[16];
        int[] predicted = new int[16];
        int n = 0;
        double lossSum = 0;
        while (data.hasNext()) {
            DataSet batch = data.next();
            INDArray probs = net.output(batch.getFeatures(), false);
            INDArray trueIdx = batch.getLabels().argMax(1);
            INDArray predIdx = probs.argMax(1);
            long rows = probs.size(0);
            if (n + rows > truth.length) {
                int size = (int) Math.max(truth.length * 2L, n + rows);
                truth = Arrays.copyOf(truth, size);
                predicted = Arrays.copyOf(predicted, size);
            }
            for (int i = 0; i < rows; i++) {
                int t = trueIdx.getInt(i);
                truth[n] = t;
                predicted[n] = predIdx.getInt(i);
                lossSum -= Math.log(Math.max(EPS, probs.getDouble(i, t)));
                n++;
            }
            progress.onProgress("evaluating", n, Math.max(total, n));
        }
        data.reset();
        return ClassificationReport.of(labels.names(), Arrays.copyOf(truth, n), Arrays.copyOf(predicted, n),
                n == 0 ? Double.NaN : lossSum / n);
    }
}
