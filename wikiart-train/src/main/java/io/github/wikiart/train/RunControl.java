package io.github.wikiart.train;

import io.github.wikiart.data.StepProgress;
import io.github.wikiart.train.loop.StopSignal;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What a caller controls about a run besides its configuration: how often it writes a resume
 * checkpoint within an epoch ({@code output.checkpoint_minutes}), the signal that stops it
 * cleanly (Ctrl-C), and, when resuming, which settings may differ from the interrupted run's.
 *
 * @param checkpointEvery the longest time between two resume checkpoints within an epoch
 * @param stopSignal asks the run to checkpoint at the next batch boundary and stop
 * @param allowedChanges keys ({@code classifier.epochs}) whose values may differ on resume
 * @param progress told of the long steps before training (verifying the dataset's images)
 */
public record RunControl(Duration checkpointEvery, StopSignal stopSignal, Set<String> allowedChanges,
                         StepProgress progress) {
    /** Validates and copies. */
    public RunControl {
        if (checkpointEvery.isNegative() || checkpointEvery.isZero()) {
            throw new IllegalArgumentException("the checkpoint interval must be > 0, got " + checkpointEvery);
        }
        Objects.requireNonNull(stopSignal, "stopSignal");
        allowedChanges = Set.copyOf(allowedChanges);
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * Control without progress reports.
     *
     * @param checkpointEvery the longest time between two resume checkpoints within an epoch
     * @param stopSignal asks the run to checkpoint at the next batch boundary and stop
     * @param allowedChanges keys whose values may differ on resume
     */
    public RunControl(Duration checkpointEvery, StopSignal stopSignal, Set<String> allowedChanges) {
        this(checkpointEvery, stopSignal, allowedChanges, StepProgress.NONE);
    }

    /** @return a checkpoint every 10 minutes, a signal nobody requests, no changes allowed, no progress */
    public static RunControl defaults() {
        return new RunControl(Duration.ofMinutes(10), new StopSignal(), Set.of());
    }

    /** @param every the interval @return a copy with it */
    public RunControl withCheckpointEvery(Duration every) {
        return new RunControl(every, stopSignal, allowedChanges, progress);
    }

    /** @param keys keys that may change on resume @return a copy allowing them */
    public RunControl allowing(Set<String> keys) {
        return new RunControl(checkpointEvery, stopSignal, keys, progress);
    }

    /** @param p told of the long steps before training @return a copy with it */
    public RunControl reporting(StepProgress p) {
        return new RunControl(checkpointEvery, stopSignal, allowedChanges, p);
    }
}
