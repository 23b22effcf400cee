package io.github.wikiart.train;

import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Sets a DL4J network's learning rate at the start of every epoch from a
 * {@link LearningRateSchedule}: the part of a trainer's step that the classifier and the
 * autoencoder share. A rate equal to the network's current one is left alone, so a constant
 * schedule never touches the network.
 */
public final class ScheduledRate {
    private final double base;
    private final LearningRateSchedule schedule;
    private final int epochs;

    /**
     * @param base the base rate, &gt; 0
     * @param schedule how it changes from epoch to epoch
     * @param epochs the training's epochs (the schedule's length)
     * @throws IllegalArgumentException when the schedule does not fit the epochs
     */
    public ScheduledRate(double base, LearningRateSchedule schedule, int epochs) {
        if (!(base > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + base);
        }
        this.base = base;
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.epochs = epochs;
        schedule.rate(base, 1, epochs);
    }

    /**
     * @param net the network
     * @param epoch the epoch about to start, from 1
     */
    public void apply(MultiLayerNetwork net, int epoch) {
        double wanted = schedule.rate(base, epoch, epochs);
        if (wanted != of(net)) {
            net.setLearningRate(wanted);
        }
    }

    /**
     * A training step that sets the network's rate from the schedule at the start of every epoch
     * and trains each batch with {@code fit}.
     *
     * @param rate the schedule, or null to keep the network's rate
     * @param net the network
     * @param fit trains on one batch and returns its loss
     * @return the step
     */
    public static io.github.wikiart.train.loop.Step step(ScheduledRate rate, MultiLayerNetwork net,
                                                         io.github.wikiart.train.loop.Step fit) {
        return new io.github.wikiart.train.loop.Step() {
            @Override
            public void startEpoch(int epoch) {
                if (rate != null) {
                    rate.apply(net, epoch);
                }
            }

            @Override
            public double fit(org.nd4j.linalg.dataset.DataSet batch) {
                return fit.fit(batch);
            }
        };
    }

    /**
     * The learning rate the network's updater uses now, read back from its first layer that has
     * one.
     *
     * @param net the network
     * @return the rate, or NaN when no layer has an updater with a fixed rate
     */
    public static double of(MultiLayerNetwork net) {
        for (int i = 0; i < net.getnLayers(); i++) {
            Double rate = net.getLearningRate(i);
            if (rate != null) {
                return rate;
            }
        }
        return Double.NaN;
    }
}
