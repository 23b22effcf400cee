package io.github.wikiart.train.classifier;

import io.github.wikiart.train.LearningRateSchedule;
import io.github.wikiart.train.ScheduledRate;

import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.train.loop.LoopControl;
import io.github.wikiart.train.loop.LoopListener;
import io.github.wikiart.train.loop.LoopResult;
import io.github.wikiart.train.loop.Step;
import io.github.wikiart.train.loop.TrainingLoop;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Trains a classifier for a number of epochs with the {@link TrainingLoop} and evaluates it on the
 * test split after each one. Everything else (progress bars, metrics files, checkpoints, plots)
 * hangs off {@link LoopListener}s. The loop's NaN policy applies: a NaN or infinite loss stops
 * training at once, the epoch is not reported, so checkpoints written by listeners stay those of
 * the last good epoch.
 *
 * <pre>{@code
 * ClassifierTrainingResult r = ClassifierTrainer.builder().epochs(10).listener(myListener).build()
 *         .fit(net, trainIterator, testIterator, labels);
 * }</pre>
 */
public final class ClassifierTrainer {
    private final int epochs;
    private final ScheduledRate rate;
    private final List<LoopListener<? super EpochResult, ? super MultiLayerNetwork>> listeners;
    private final LoopControl<EpochResult, MultiLayerNetwork> control;

    private ClassifierTrainer(Builder b) {
        this.epochs = b.epochs;
        this.rate = b.schedule == null ? null : new ScheduledRate(b.baseRate, b.schedule, b.epochs);
        this.listeners = List.copyOf(b.listeners);
        this.control = b.control;
    }

    /** @return a builder (1 epoch, no listeners) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains without a validation split: the test split chooses the best epoch, as in the original.
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
        return fit(net, train, null, test, labels);
    }

    /**
     * Trains. After every epoch the validation split (when given) and the test split are
     * evaluated; the validation accuracy chooses the best epoch and drives early stopping, and the
     * test split only reports.
     *
     * @param net an initialised network with a softmax output over {@code labels}
     * @param train training batches; epoch {@code e} uses the iterator's order for epoch {@code e-1}
     * @param validation validation batches in a fixed order, or null to choose by the test split
     * @param test test batches, evaluated after every epoch in their fixed order
     * @param labels the label index of all three
     * @return per-epoch results, the best epoch and a possible early-stop reason
     * @throws UncheckedIOException when a listener fails to write
     */
    public ClassifierTrainingResult fit(MultiLayerNetwork net, ImageBatchIterator train, DataSetIterator validation,
                                        DataSetIterator test, LabelIndex labels) {
        Objects.requireNonNull(net, "net");
        if (train.numExamples() == 0) {
            throw new IllegalArgumentException("the training split has no images");
        }
        Step step = ScheduledRate.step(rate, net, batch -> {
            net.fit(batch);
            return net.score();
        });
        LoopResult<EpochResult> r = control.applyTo(TrainingLoop.<EpochResult, MultiLayerNetwork>builder().epochs(epochs)
                .best(e -> e.selection().accuracy(), TrainingLoop.Goal.MAXIMISE).listeners(listeners)).build()
                .run(net, train, step, s -> new EpochResult(s.epoch(), s.meanLoss(),
                        ClassifierEvaluator.evaluate(net, test, labels), s.imagesPerSecond(), s.seconds(),
                        ScheduledRate.of(net),
                        validation == null ? null : ClassifierEvaluator.evaluate(net, validation, labels)));
        return new ClassifierTrainingResult(r.epochs(), r.bestEpoch(), r.stopReason());
    }

    /** Builder for {@link ClassifierTrainer}. */
    public static final class Builder {
        private int epochs = 1;
        private double baseRate;
        private LearningRateSchedule schedule;
        private final List<LoopListener<? super EpochResult, ? super MultiLayerNetwork>> listeners = new ArrayList<>();
        private LoopControl<EpochResult, MultiLayerNetwork> control = LoopControl.none();

        private Builder() {
        }

        /**
         * @param c checkpoints, stop signal, per-batch seeding and resume (default: none of them)
         * @return this
         */
        public Builder control(LoopControl<EpochResult, MultiLayerNetwork> c) {
            this.control = Objects.requireNonNull(c, "control");
            return this;
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
        public Builder listener(LoopListener<? super EpochResult, ? super MultiLayerNetwork> listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @return the trainer */
        public ClassifierTrainer build() {
            return new ClassifierTrainer(this);
        }
    }
}
