package io.github.wikiart.train.loop;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link TrainingLoop} run produced.
 *
 * @param epochs the results of the completed epochs, in order
 * @param bestEpoch the best epoch (numbered as the loop numbers them), 0 when none completed
 * @param stop why training stopped because of a non-finite loss, if it did
 * @param earlyStop why early stopping ended training before its last epoch, if it did
 * @param <R> the per-epoch result
 */
public record LoopResult<R>(List<R> epochs, int bestEpoch, Optional<Stop> stop, Optional<String> earlyStop) {
    /** Copies the list. */
    public LoopResult {
        epochs = List.copyOf(epochs);
    }

    /**
     * A result without early stopping.
     *
     * @param epochs the completed epochs' results
     * @param bestEpoch the best epoch
     * @param stop why a non-finite loss stopped training, if it did
     */
    public LoopResult(List<R> epochs, int bestEpoch, Optional<Stop> stop) {
        this(epochs, bestEpoch, stop, Optional.empty());
    }

    /** @return why training ended before its last epoch (a non-finite loss or early stopping), if it did */
    public Optional<String> stopReason() {
        return stop.map(Stop::message).or(() -> earlyStop);
    }
}
