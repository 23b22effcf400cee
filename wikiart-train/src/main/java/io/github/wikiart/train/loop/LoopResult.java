package io.github.wikiart.train.loop;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link TrainingLoop} run produced.
 *
 * @param epochs the results of the completed epochs, in order
 * @param bestEpoch the best epoch (numbered as the loop numbers them), 0 when none completed
 * @param stop why training stopped early, if it did
 * @param <R> the per-epoch result
 */
public record LoopResult<R>(List<R> epochs, int bestEpoch, Optional<Stop> stop) {
    /** Copies the list. */
    public LoopResult {
        epochs = List.copyOf(epochs);
    }

    /** @return the stop message, if training stopped early */
    public Optional<String> stopReason() {
        return stop.map(Stop::message);
    }
}
