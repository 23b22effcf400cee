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
     * @param plan warm-up and timed steps
     * @return images per second for each timed step
     */
    public static Measurement measure(MultiLayerNetwork net, INDArray x, INDArray y, StepPlan plan) {
        DataSet ds = new DataSet(x, y);
        long batch = x.size(0);
        double[] train = plan.imagesPerSecond(batch, () -> net.fit(ds));
        double[] infer = plan.imagesPerSecond(batch, () -> net.output(x, false));
        return new Measurement(train, infer);
    }
}
