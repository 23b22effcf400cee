package io.github.wikiart.train.loop;

/**
 * Asks a running {@link TrainingLoop} to stop at its next batch boundary: it writes a resume
 * checkpoint there and throws {@link TrainingInterruptedException}. Safe to call from any thread
 * (a shutdown hook on Ctrl-C, a watchdog, a test); the loop only reads it.
 */
public final class StopSignal {
    private volatile boolean requested;

    /** Asks the loop to stop. */
    public void request() {
        requested = true;
    }

    /** @return whether a stop was asked for */
    public boolean requested() {
        return requested;
    }
}
