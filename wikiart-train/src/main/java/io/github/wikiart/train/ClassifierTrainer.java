package io.github.wikiart.train;

import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.LabelIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Trains a classifier for a number of epochs and evaluates it on the test split after each one.
 * Everything else (progress bars, metrics files, checkpoints, plots) hangs off
 * {@link TrainerListener}s. A NaN or infinite loss stops training at once: the epoch is not
 * reported, so checkpoints written by listeners stay those of the last good epoch.
 *
 * <pre>{@code
 * ClassifierTrainingResult r = ClassifierTrainer.builder().epochs(10).listener(myListener).build()
 *         .fit(net, trainIterator, testIterator, labels);
 * }</pre>
 */
public final class ClassifierTrainer {
    private final int epochs;
    private final double baseRate;
    private final LearningRateSchedule schedule;
    private final List<TrainerListener> listeners;

    private ClassifierTrainer(Builder b) {
        this.epochs = b.epochs;
        this.baseRate = b.baseRate;
        this.schedule = b.schedule;
        if (schedule != null) {
            schedule.rate(baseRate, 1, epochs);
        }
        this.listeners = List.copyOf(b.listeners);
    }

    /** @return a builder (1 epoch, no listeners) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains.
     *
     * @param net an initialised network with a softmax output over {@code labels}
     * @param train training batches; epoch {@code e} uses the iterator's order for epoch {@code e-1}
     * @param test test batches, evaluated after every epoch in their fixed order
     * @param labels the label index of both
     * @return per-epoch results, the best epoch and a possible early-stop reason
     * @throws UncheckedIOException when a listener fails to write
     */
    public ClassifierTrainingResult fit(MultiLayerNetwork net, ImageBatchIterator train, DataSetIterator test,
                                        LabelIndex labels) {
        Objects.requireNonNull(net, "net");
        if (train.numExamples() == 0) {
            throw new IllegalArgumentException("the training split has no images");
        }
        List<EpochResult> results = new ArrayList<>();
        int bestEpoch = 0;
        double bestAccuracy = -1;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (schedule != null) {
                double wanted = schedule.rate(baseRate, epoch, epochs);
                if (wanted != learningRateOf(net)) {
                    net.setLearningRate(wanted);
                }
            }
            double rate = learningRateOf(net);
            train.startEpoch(epoch - 1);
            int batches = train.batchesPerEpoch();
            for (TrainerListener l : listeners) {
                l.onEpochStart(epoch, batches);
            }
            long start = System.nanoTime();
            long images = 0;
            double lossSum = 0;
            int batch = 0;
            while (train.hasNext()) {
                DataSet ds = train.next();
                net.fit(ds);
                double loss = net.score();
                batch++;
                if (!Double.isFinite(loss)) {
                    String reason = "loss became " + loss + " in epoch " + epoch + ", batch " + batch
                            + "; stopped, the checkpoints of epoch " + (epoch - 1) + " are kept";
                    return new ClassifierTrainingResult(results, bestEpoch, Optional.of(reason));
                }
                images += ds.numExamples();
                lossSum += loss;
                double ips = images / ((System.nanoTime() - start) / 1e9);
                for (TrainerListener l : listeners) {
                    l.onBatch(epoch, batch, batches, images, loss, ips);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            ClassificationReport report = ClassifierEvaluator.evaluate(net, test, labels);
            EpochResult result = new EpochResult(epoch, lossSum / Math.max(1, batch), report, images / seconds, seconds,
                    rate);
            results.add(result);
            boolean best = report.accuracy() > bestAccuracy;
            if (best) {
                bestAccuracy = report.accuracy();
                bestEpoch = epoch;
            }
            for (TrainerListener l : listeners) {
                try {
                    l.onEpochEnd(result, net, best);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new ClassifierTrainingResult(results, bestEpoch, Optional.empty());
    }

    /**
     * The learning rate the network's updater uses now, read back from its first layer that has
     * one.
     *
     * @param net the network
     * @return the rate, or NaN when no layer has an updater with a fixed rate
     */
    static double learningRateOf(MultiLayerNetwork net) {
        for (int i = 0; i < net.getnLayers(); i++) {
            Double rate = net.getLearningRate(i);
            if (rate != null) {
                return rate;
            }
        }
        return Double.NaN;
    }

    /** Builder for {@link ClassifierTrainer}. */
    public static final class Builder {
        private int epochs = 1;
        private double baseRate;
        private LearningRateSchedule schedule;
        private final List<TrainerListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** @param n epochs, at least 1 @return this */
        public Builder epochs(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + n);
            }
            this.epochs = n;
            return this;
        }

        /**
         * Sets the network's learning rate at the start of every epoch (default: leave the rate
         * the network was built with).
         *
         * @param base the base rate, &gt; 0
         * @param s the schedule applied to it
         * @return this
         */
        public Builder learningRate(double base, LearningRateSchedule s) {
            if (!(base > 0)) {
                throw new IllegalArgumentException("learning rate must be > 0, got " + base);
            }
            this.baseRate = base;
            this.schedule = Objects.requireNonNull(s, "schedule");
            return this;
        }

        /** @param listener receives the training events @return this */
        public Builder listener(TrainerListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @return the trainer */
        public ClassifierTrainer build() {
            return new ClassifierTrainer(this);
        }
    }
}
