package io.github.wikiart.train.loop;

import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.Seeds;
import io.github.wikiart.models.NativeBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training loop of every trainer: for each epoch, every batch of the iterator goes through
 * the {@link Step}, then the {@link EpochEvaluator} turns the epoch into a result and the
 * {@link LoopListener}s receive it (metrics, checkpoints, plots, in the order they were added).
 *
 * <p>NaN policy, the same for every model kind: a batch whose loss is not finite stops training at
 * once. That epoch is neither evaluated nor passed to listeners, so checkpoints written by
 * listeners stay those of the last good epoch, and the {@link LoopResult#stop()} names the epoch
 * and batch. The check reuses the loss the step returned; the loop adds no array work per batch.
 *
 * <pre>{@code
 * LoopResult<EpochStats> r = TrainingLoop.<EpochStats, SameDiff>builder().epochs(5)
 *         .best(EpochStats::meanLoss, TrainingLoop.Goal.MINIMISE).listener(progress).build()
 *         .run(sd, iterator, batch -> trainOn(batch), stats -> stats);
 * }</pre>
 *
 * @param <R> the per-epoch result
 * @param <M> the model
 */
public final class TrainingLoop<R, M> {
    /** Which way a better epoch's score goes. */
    public enum Goal {
        /** Higher is better (accuracy). */
        MAXIMISE,
        /** Lower is better (a loss). */
        MINIMISE
    }

    private final int epochs;
    private final int firstEpoch;
    private final String phase;
    private final ToDoubleFunction<? super R> score;
    private final Goal goal;
    private final List<LoopListener<? super R, ? super M>> listeners;
    private final Long seed;
    private final ResumeCheckpoint<R, ? super M> checkpoint;
    private final long checkpointNanos;
    private final StopSignal stopSignal;
    private final Resumption<R> resumption;
    private final int patience;
    private final double minDelta;

    private TrainingLoop(Builder<R, M> b) {
        this.epochs = b.epochs;
        this.firstEpoch = b.firstEpoch;
        this.phase = b.phase;
        this.score = Objects.requireNonNull(b.score, "best(score, goal) must be set");
        this.goal = b.goal;
        this.listeners = List.copyOf(b.listeners);
        this.seed = b.seed;
        this.checkpoint = b.checkpoint;
        this.checkpointNanos = b.checkpointEvery.toNanos();
        this.stopSignal = b.stopSignal;
        this.resumption = b.resumption;
        this.patience = b.patience;
        this.minDelta = b.minDelta;
        if (resumption != null && resumption.state().epoch() < firstEpoch) {
            throw new IllegalArgumentException("cannot resume at epoch " + resumption.state().epoch()
                    + " a loop that starts at epoch " + firstEpoch);
        }
    }

    /**
     * @param <R> the per-epoch result
     * @param <M> the model
     * @return a builder (1 epoch, numbered from 1, no listeners)
     */
    public static <R, M> Builder<R, M> builder() {
        return new Builder<>();
    }

    /**
     * Trains.
     *
     * @param model the model, handed to listeners
     * @param train the training batches; epoch {@code e} uses the iterator's order for epoch {@code e-1}
     * @param step trains on one batch
     * @param evaluator turns each completed epoch into its result
     * @return the results, the best epoch and a possible stop
     * @throws UncheckedIOException when the evaluator or a listener fails to read or write
     */
    public LoopResult<R> run(M model, ImageBatchIterator train, Step step, EpochEvaluator<? extends R> evaluator) {
        NativeBackend.prepare();
        Objects.requireNonNull(model, "model");
        try {
            return loop(model, train, step, evaluator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LoopResult<R> loop(M model, ImageBatchIterator train, Step step, EpochEvaluator<? extends R> evaluator)
            throws IOException {
        if (phase != null) {
            listeners.forEach(l -> l.onPhase(phase, epochs));
        }
        List<R> results = new ArrayList<>();
        double worst = goal == Goal.MAXIMISE ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        LoopState at = LoopState.atEpochStart(firstEpoch, 0, worst, worst, 0);
        if (resumption != null) {
            results.addAll(resumption.results());
            at = resumption.state();
            for (LoopListener<? super R, ? super M> l : listeners) {
                l.onResume(results, at.bestEpoch() == 0 ? -1 : at.bestEpoch() - firstEpoch);
            }
        }
        listeners.forEach(l -> l.onStart(model));
        int bestEpoch = at.bestEpoch();
        double bestScore = at.bestScore();
        double referenceScore = at.referenceScore();
        int sinceImprovement = at.sinceImprovement();
        long lastSave = System.nanoTime();
        for (int epoch = at.epoch(); epoch < firstEpoch + epochs; epoch++) {
            boolean resumed = epoch == at.epoch();
            train.startEpoch(epoch - 1, resumed ? at.position() : 0);
            step.startEpoch(epoch);
            int batches = train.batchesPerEpoch();
            for (LoopListener<? super R, ? super M> l : listeners) {
                l.onEpochStart(epoch, batches);
            }
            long start = System.nanoTime();
            double secondsBefore = resumed ? at.seconds() : 0;
            long images = resumed ? at.images() : 0;
            double lossSum = resumed ? at.lossSum() : 0;
            int batch = resumed ? at.batches() : 0;
            while (train.hasNext()) {
                DataSet ds = train.next();
                if (seed != null) {
                    Nd4j.getRandom().setSeed(Seeds.derive(seed, "step/" + epoch + "/" + train.position()));
                }
                double loss = step.fit(ds);
                batch++;
                if (!Double.isFinite(loss)) {
                    return new LoopResult<>(results, bestEpoch, Optional.of(new Stop(epoch, batch, loss)));
                }
                images += ds.numExamples();
                lossSum += loss;
                double seconds = secondsBefore + (System.nanoTime() - start) / 1e9;
                double ips = images / Math.max(1e-9, seconds);
                for (LoopListener<? super R, ? super M> l : listeners) {
                    l.onBatch(epoch, batch, batches, images, loss, ips);
                }
                boolean stop = stopSignal != null && stopSignal.requested();
                if (stop || (checkpoint != null && System.nanoTime() - lastSave >= checkpointNanos)) {
                    LoopState here = new LoopState(epoch, train.position(), batch, images, lossSum, seconds,
                            bestEpoch, bestScore, referenceScore, sinceImprovement);
                    if (checkpoint != null) {
                        checkpoint.save(model, here, results);
                        lastSave = System.nanoTime();
                    }
                    if (stop) {
                        throw new TrainingInterruptedException(here, checkpoint == null ? null : checkpoint.runDir());
                    }
                }
            }
            double seconds = secondsBefore + (System.nanoTime() - start) / 1e9;
            R result = evaluator.evaluate(new EpochStats(epoch, batch, images, lossSum / Math.max(1, batch), seconds));
            results.add(result);
            double s = score.applyAsDouble(result);
            boolean best = goal == Goal.MAXIMISE ? s > bestScore : s < bestScore;
            if (best) {
                bestScore = s;
                bestEpoch = epoch;
            }
            boolean improved = goal == Goal.MAXIMISE ? s > referenceScore + minDelta : s < referenceScore - minDelta;
            if (improved) {
                referenceScore = s;
                sinceImprovement = 0;
            } else {
                sinceImprovement++;
            }
            for (LoopListener<? super R, ? super M> l : listeners) {
                l.onEpochEnd(result, model, best);
            }
            LoopState next = LoopState.atEpochStart(epoch + 1, bestEpoch, bestScore, referenceScore,
                    sinceImprovement);
            if (checkpoint != null) {
                checkpoint.save(model, next, results);
                lastSave = System.nanoTime();
            }
            if (patience > 0 && sinceImprovement >= patience && epoch + 1 < firstEpoch + epochs) {
                return new LoopResult<>(results, bestEpoch, Optional.empty(), Optional.of(String.format(
                        java.util.Locale.ROOT, "early stopping after epoch %d: no improvement of more than %s in %d "
                                + "epochs (best epoch %d)", epoch, minDelta, patience, bestEpoch)));
            }
            if (stopSignal != null && stopSignal.requested() && epoch + 1 < firstEpoch + epochs) {
                throw new TrainingInterruptedException(next, checkpoint == null ? null : checkpoint.runDir());
            }
        }
        return new LoopResult<>(results, bestEpoch, Optional.empty());
    }

    /**
     * Builder for {@link TrainingLoop}.
     *
     * @param <R> the per-epoch result
     * @param <M> the model
     */
    public static final class Builder<R, M> {
        private int epochs = 1;
        private int firstEpoch = 1;
        private String phase;
        private ToDoubleFunction<? super R> score;
        private Goal goal = Goal.MAXIMISE;
        private final List<LoopListener<? super R, ? super M>> listeners = new ArrayList<>();
        private Long seed;
        private ResumeCheckpoint<R, ? super M> checkpoint;
        private Duration checkpointEvery = Duration.ofMinutes(10);
        private StopSignal stopSignal;
        private Resumption<R> resumption;
        private int patience;
        private double minDelta;

        private Builder() {
        }

        /**
         * Ends training early when the score (see {@link #best}) has not improved on the last
         * improving epoch by more than {@code delta} for {@code epochs} epochs in a row. The best
         * epoch is still the best by any margin.
         *
         * @param epochs the patience, 0 (the default) for no early stopping
         * @param delta the smallest change that counts as an improvement, &gt;= 0
         * @return this
         */
        public Builder<R, M> earlyStopping(int epochs, double delta) {
            if (epochs < 0 || !(delta >= 0)) {
                throw new IllegalArgumentException("early stopping needs a patience >= 0 and a minimum change >= 0, got "
                        + epochs + " and " + delta);
            }
            this.patience = epochs;
            this.minDelta = delta;
            return this;
        }

        /**
         * Seeds ND4J's random stream (dropout, random layers) before every batch from
         * {@code (s, epoch, batch)}, so a resumed run draws the same numbers as an uninterrupted one
         * (default: leave the stream alone).
         *
         * @param s the run's seed
         * @return this
         */
        public Builder<R, M> seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * Writes a resume checkpoint after every epoch and, within an epoch, at the first batch
         * boundary after {@code every} has passed since the last one (and when a stop is requested).
         *
         * @param c where and how to write it
         * @param every the longest time between two checkpoints, &gt; 0
         * @return this
         */
        public Builder<R, M> checkpoints(ResumeCheckpoint<R, ? super M> c, Duration every) {
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("the checkpoint interval must be > 0, got " + every);
            }
            this.checkpoint = Objects.requireNonNull(c, "checkpoint");
            this.checkpointEvery = every;
            return this;
        }

        /**
         * @param s when requested, the loop writes a checkpoint at the next batch boundary and throws
         *     {@link TrainingInterruptedException}
         * @return this
         */
        public Builder<R, M> stopSignal(StopSignal s) {
            this.stopSignal = Objects.requireNonNull(s, "signal");
            return this;
        }

        /**
         * Continues an interrupted run instead of starting at the first epoch: the model given to
         * {@link #run} must be the one saved with this state.
         *
         * @param r the saved state and results, or null to start afresh
         * @return this
         */
        public Builder<R, M> resume(Resumption<R> r) {
            this.resumption = r;
            return this;
        }

        /** @param n epochs, at least 1 @return this */
        public Builder<R, M> epochs(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + n);
            }
            this.epochs = n;
            return this;
        }

        /**
         * Numbers the epochs from {@code n} (default 1), for a training made of several loops that
         * count epochs across them; epoch {@code e} uses the iterator's order {@code e-1}.
         *
         * @param n the first epoch's number, at least 1
         * @return this
         */
        public Builder<R, M> firstEpoch(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("the first epoch must be >= 1, got " + n);
            }
            this.firstEpoch = n;
            return this;
        }

        /** @param name announced to listeners through {@link LoopListener#onPhase} @return this */
        public Builder<R, M> phase(String name) {
            this.phase = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * How the best epoch is chosen: the first epoch with the highest (or lowest) score; ties
         * keep the earlier one.
         *
         * @param s the score of an epoch's result
         * @param g which way is better
         * @return this
         */
        public Builder<R, M> best(ToDoubleFunction<? super R> s, Goal g) {
            this.score = Objects.requireNonNull(s, "score");
            this.goal = Objects.requireNonNull(g, "goal");
            return this;
        }

        /** @param listener receives the events, after those added before it @return this */
        public Builder<R, M> listener(LoopListener<? super R, ? super M> listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @param all receive the events, in order @return this */
        public Builder<R, M> listeners(List<? extends LoopListener<? super R, ? super M>> all) {
            all.forEach(this::listener);
            return this;
        }

        /** @return the loop */
        public TrainingLoop<R, M> build() {
            return new TrainingLoop<>(this);
        }
    }
}
