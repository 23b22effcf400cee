package io.github.wikiart.bench;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Times DL4J networks on a fixed random batch, after warm-up. */
public final class Dl4jBenchmark {
    private Dl4jBenchmark() {
    }

    /**
     * Measures training and inference throughput.
     *
     * @param net an initialised network
     * @param x one input batch
     * @param y its labels (for an autoencoder, the flattened input)
     * @param warmup untimed steps first
     * @param repetitions timed steps
     * @return images per second for each timed step
     */
    public static Measurement measure(MultiLayerNetwork net, INDArray x, INDArray y, int warmup, int repetitions) {
        DataSet ds = new DataSet(x, y);
        long batch = x.size(0);
        for (int i = 0; i < warmup; i++) {
            net.fit(ds);
        }
        double[] train = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long t = System.nanoTime();
            net.fit(ds);
            train[i] = batch / ((System.nanoTime() - t) / 1e9);
        }
        for (int i = 0; i < warmup; i++) {
            net.output(x, false);
        }
        double[] infer = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long t = System.nanoTime();
            net.output(x, false);
            infer[i] = batch / ((System.nanoTime() - t) / 1e9);
        }
        return new Measurement(train, infer);
    }
}
