package io.github.wikiart.train.loop;

import java.io.IOException;

/**
 * Receives the events of a {@link TrainingLoop}: progress for progress bars, epoch ends for
 * metrics files, plots and checkpoints. The same interface serves every trainer; {@code R} is the
 * trainer's per-epoch result (for example {@code EpochResult} for the classifier) and {@code M} the
 * model being trained ({@code MultiLayerNetwork}, {@code SameDiff}). A listener for every trainer
 * implements {@code LoopListener<Object, Object>}. Every method has an empty default; all are
 * called on the training thread.
 *
 * @param <R> the per-epoch result
 * @param <M> the model
 */
public interface LoopListener<R, M> {
    /**
     * A training made of several loops announces each one before its first epoch (a training of
     * one loop need not).
     *
     * @param phase what the loop trains, e.g. "loss features"
     * @param epochs the loop's number of epochs
     */
    default void onPhase(String phase, int epochs) {
    }

    /**
     * Called before {@link #onStart} when the loop continues an interrupted run: the epochs
     * completed before the interruption, so listeners that keep a history (metrics files, plots,
     * checkpoint indexes) can restore it. Not called for a fresh run.
     *
     * @param results the completed epochs' results, in order
     * @param bestIndex the position of the best of them in {@code results}, -1 if none
     * @throws IOException when the listener fails to write what it restores
     */
    default void onResume(java.util.List<? extends R> results, int bestIndex) throws IOException {
    }

    /**
     * Called once per loop, before its first epoch.
     *
     * @param model the model about to be trained
     */
    default void onStart(M model) {
    }

    /**
     * @param epoch the epoch starting, from 1
     * @param batches number of batches in it
     */
    default void onEpochStart(int epoch, int batches) {
    }

    /**
     * @param epoch current epoch
     * @param batch batches done in this epoch, from 1
     * @param batches batches in the epoch
     * @param images images trained on so far in this epoch
     * @param loss this batch's loss
     * @param imagesPerSecond throughput so far in this epoch
     */
    default void onBatch(int epoch, int batch, int batches, long images, double loss, double imagesPerSecond) {
    }

    /**
     * Called after every completed epoch with a finite loss, never for the epoch a non-finite loss
     * stopped.
     *
     * @param result the epoch's numbers
     * @param model the model after the epoch
     * @param best whether this epoch is the best of the loop so far
     * @throws IOException when the listener fails to write what it writes
     */
    default void onEpochEnd(R result, M model, boolean best) throws IOException {
    }
}
