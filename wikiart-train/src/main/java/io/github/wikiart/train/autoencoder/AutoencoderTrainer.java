package io.github.wikiart.train.autoencoder;

import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.train.ScheduledRate;
import io.github.wikiart.train.loop.LoopControl;
import io.github.wikiart.train.loop.LoopListener;
import io.github.wikiart.train.loop.LoopResult;
import io.github.wikiart.train.loop.Step;
import io.github.wikiart.train.loop.TrainingLoop;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains an autoencoder to reconstruct its input (mean squared error, the optimiser of the
 * network's configuration) with the {@link TrainingLoop} and a validation pass over the test split
 * after every epoch. The loop's NaN policy applies (a NaN loss stops training, the last good
 * checkpoint is kept); listeners write checkpoints, metrics and comparison images.
 */
public final class AutoencoderTrainer {
    private final int epochs;
    private final List<LoopListener<? super AutoencoderEpoch, ? super MultiLayerNetwork>> listeners;
    private final LoopControl<AutoencoderEpoch, MultiLayerNetwork> control;
    private final ScheduledRate rate;

    private AutoencoderTrainer(int epochs,
                               List<? extends LoopListener<? super AutoencoderEpoch, ? super MultiLayerNetwork>> listeners,
                               LoopControl<AutoencoderEpoch, MultiLayerNetwork> control, ScheduledRate rate) {
        this.epochs = epochs;
        this.listeners = List.copyOf(listeners);
        this.control = Objects.requireNonNull(control, "control");
        this.rate = rate;
    }

    /**
     * @param epochs number of epochs, at least 1
     * @param listeners receivers of the events
     * @return the trainer
     */
    public static AutoencoderTrainer of(int epochs,
            List<? extends LoopListener<? super AutoencoderEpoch, ? super MultiLayerNetwork>> listeners) {
        return of(epochs, listeners, LoopControl.none(), null);
    }

    /**
     * @param epochs number of epochs, at least 1
     * @param listeners receivers of the events
     * @param control checkpoints, stop signal, per-batch seeding, resume and early stopping
     * @param rate sets the learning rate every epoch, or null to keep the network's
     * @return the trainer
     */
    public static AutoencoderTrainer of(int epochs,
            List<? extends LoopListener<? super AutoencoderEpoch, ? super MultiLayerNetwork>> listeners,
            LoopControl<AutoencoderEpoch, MultiLayerNetwork> control, ScheduledRate rate) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        return new AutoencoderTrainer(epochs, listeners, control, rate);
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
            return io.github.wikiart.train.loop.EpochStats.imagesPerSecond(epochs, AutoencoderEpoch::imagesPerSecond, AutoencoderEpoch::seconds);
        }
    }

    /**
     * Trains without a validation split: the test split chooses the best epoch.
     *
     * @param net an initialised {@link ConvAutoencoder} network
     * @param train training batches (labels ignored)
     * @param test test batches, in fixed order
     * @return the result
     */
    public Result fit(MultiLayerNetwork net, ImageBatchIterator train, ImageBatchIterator test) {
        return fit(net, train, null, test);
    }

    /**
     * Trains. After every epoch the validation split (when given) chooses the best epoch and
     * drives early stopping; the test split only reports.
     *
     * @param net an initialised {@link ConvAutoencoder} network
     * @param train training batches (labels ignored)
     * @param validation validation batches in fixed order, or null to choose by the test split
     * @param test test batches, in fixed order
     * @return the result
     */
    public Result fit(MultiLayerNetwork net, ImageBatchIterator train, ImageBatchIterator validation,
                      ImageBatchIterator test) {
        Objects.requireNonNull(net, "net");
        Step step = ScheduledRate.step(rate, net, batch -> {
            INDArray x = batch.getFeatures();
            net.fit(new DataSet(x, ConvAutoencoder.flatten(x)));
            return net.score();
        });
        LoopResult<AutoencoderEpoch> r = control.applyTo(TrainingLoop.<AutoencoderEpoch, MultiLayerNetwork>builder()
                .epochs(epochs).best(AutoencoderEpoch::selectionMse, TrainingLoop.Goal.MINIMISE).listeners(listeners))
                .build().run(net, train, step, s -> new AutoencoderEpoch(s.epoch(), s.meanLoss(),
                        meanSquaredError(net, test), s.imagesPerSecond(), s.seconds(),
                        validation == null ? Double.NaN : meanSquaredError(net, validation)));
        return new Result(r.epochs(), r.bestEpoch(), r.stopReason());
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
