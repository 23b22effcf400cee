package io.github.wikiart.train;

import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.models.ConvAutoencoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains an autoencoder to reconstruct its input (mean squared error, the optimiser of the
 * network's configuration) with a validation pass over the test split after every epoch. A NaN
 * loss stops training; listeners write checkpoints, metrics and comparison images.
 */
public final class AutoencoderTrainer {
    private final int epochs;
    private final List<AutoencoderListener> listeners;

    private AutoencoderTrainer(int epochs, List<AutoencoderListener> listeners) {
        this.epochs = epochs;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * @param epochs number of epochs, at least 1
     * @param listeners receivers of the events
     * @return the trainer
     */
    public static AutoencoderTrainer of(int epochs, List<AutoencoderListener> listeners) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        return new AutoencoderTrainer(epochs, listeners);
    }

    /**
     * The outcome.
     *
     * @param epochs per-epoch results
     * @param bestEpoch epoch with the lowest test loss (0 if none completed)
     * @param stopReason why training stopped early, if it did
     */
    public record Result(List<AutoencoderEpoch> epochs, int bestEpoch, Optional<String> stopReason) {
        /** Copies the list. */
        public Result {
            epochs = List.copyOf(epochs);
        }

        /** @return training images per second over all epochs */
        public double imagesPerSecond() {
            double images = 0;
            double seconds = 0;
            for (AutoencoderEpoch e : epochs) {
                images += e.imagesPerSecond() * e.seconds();
                seconds += e.seconds();
            }
            return seconds == 0 ? 0 : images / seconds;
        }
    }

    /**
     * Trains.
     *
     * @param net an initialised {@link ConvAutoencoder} network
     * @param train training batches (labels ignored)
     * @param test test batches, in fixed order
     * @return the result
     */
    public Result fit(MultiLayerNetwork net, ImageBatchIterator train, ImageBatchIterator test) {
        Objects.requireNonNull(net, "net");
        List<AutoencoderEpoch> results = new ArrayList<>();
        int bestEpoch = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            train.startEpoch(epoch - 1);
            int batches = train.batchesPerEpoch();
            for (AutoencoderListener l : listeners) {
                l.onEpochStart(epoch, batches);
            }
            long start = System.nanoTime();
            long images = 0;
            double lossSum = 0;
            int batch = 0;
            while (train.hasNext()) {
                INDArray x = train.next().getFeatures();
                net.fit(new DataSet(x, ConvAutoencoder.flatten(x)));
                double loss = net.score();
                batch++;
                if (!Double.isFinite(loss)) {
                    return new Result(results, bestEpoch, Optional.of("loss became " + loss + " in epoch " + epoch
                            + ", batch " + batch + "; stopped, the checkpoints of epoch " + (epoch - 1) + " are kept"));
                }
                images += x.size(0);
                lossSum += loss;
                double ips = images / ((System.nanoTime() - start) / 1e9);
                for (AutoencoderListener l : listeners) {
                    l.onBatch(epoch, batch, batches, images, loss, ips);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double testMse = meanSquaredError(net, test);
            AutoencoderEpoch result = new AutoencoderEpoch(epoch, lossSum / Math.max(1, batch), testMse,
                    images / seconds, seconds);
            results.add(result);
            boolean best = testMse < bestLoss;
            if (best) {
                bestLoss = testMse;
                bestEpoch = epoch;
            }
            for (AutoencoderListener l : listeners) {
                try {
                    l.onEpochEnd(result, net, best);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new Result(results, bestEpoch, Optional.empty());
    }

    /**
     * Mean squared error of the reconstructions over every pixel value of an iterator's images.
     *
     * @param net the autoencoder
     * @param data images (read once, then reset)
     * @return the mean squared error
     */
    public static double meanSquaredError(MultiLayerNetwork net, ImageBatchIterator data) {
        double sum = 0;
        long values = 0;
        data.startEpoch(0);
        while (data.hasNext()) {
            INDArray images = data.next().getFeatures();
            INDArray target = ConvAutoencoder.flatten(images);
            INDArray diff = net.output(images, false).sub(target);
            sum += diff.mul(diff).sumNumber().doubleValue();
            values += target.length();
        }
        data.startEpoch(0);
        return sum / values;
    }
}
