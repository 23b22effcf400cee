package io.github.wikiart.train.loop;

import java.util.List;
import java.util.Objects;

/**
 * Where a {@link TrainingLoop} continues from: the state saved at a batch boundary and the results
 * of the epochs completed before it.
 *
 * @param state the position and counters
 * @param results the completed epochs' results, in order
 * @param <R> the per-epoch result
 */
public record Resumption<R>(LoopState state, List<R> results) {
    /** Copies the list. */
    public Resumption {
        Objects.requireNonNull(state, "state");
        results = List.copyOf(results);
    }
}
