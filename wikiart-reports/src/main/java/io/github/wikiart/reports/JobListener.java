package io.github.wikiart.reports;

import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.loop.LoopListener;

/**
 * What a job tells its caller while it runs: training progress (the events of the training loop's
 * {@link LoopListener}, for every model kind), the start of each run folder, the start
 * of each training with its number of epochs, and notices worth showing a user. Every method has an
 * empty default; {@link #NONE} ignores everything. Called on the job's thread.
 */
public interface JobListener extends LoopListener<Object, Object> {
    /** A listener that ignores every event. */
    JobListener NONE = new JobListener() {
    };

    /**
     * A run folder was made (or opened) and is about to be filled.
     *
     * @param run the run folder
     * @param seed the run's seed (differs per run in a multi-seed job)
     * @throws java.io.IOException when the listener fails to write what it writes there
     */
    default void onRunStarted(RunFolder run, long seed) throws java.io.IOException {
    }

    /**
     * A training loop is about to start (without the announcement of
     * {@link #onPhase(String, int)}).
     *
     * @param epochs its number of epochs
     */
    default void onTrainingStart(int epochs) {
    }

    /**
     * Something a user should know, e.g. that training stopped early or that an autoencoder is
     * trained first.
     *
     * @param message one line
     */
    default void onNotice(String message) {
    }
}
