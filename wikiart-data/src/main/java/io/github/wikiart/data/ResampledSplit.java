package io.github.wikiart.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A split after resampling.
 *
 * @param samples the samples in sampling order (class by class; over-sampled files repeated)
 * @param counts old and new count per class, in class order
 */
public record ResampledSplit(List<Sample> samples, Map<String, ClassCount> counts) {
    /** Copies the collections, keeping the class order. */
    public ResampledSplit {
        samples = List.copyOf(samples);
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** @return the classes whose count changed, as {@code name: old -> new} lines */
    public List<String> changes() {
        return counts.entrySet().stream()
                .filter(e -> e.getValue().original() != e.getValue().resampled())
                .map(e -> e.getKey() + ": " + e.getValue().original() + " -> " + e.getValue().resampled())
                .toList();
    }
}
