package io.github.wikiart.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One split, scanned, verified and resampled.
 *
 * @param name the split's name ({@code train} or {@code test})
 * @param dir its folder
 * @param classes its own class folders, sorted (the label index may hold more)
 * @param loadable the images that decode, in deterministic order (after the toy sample)
 * @param skipped candidate files that could not be used, with reasons
 * @param resampled the samples to use, after resampling, with the per-class report
 */
public record PreparedSplit(String name, Path dir, List<String> classes, List<Sample> loadable,
                            List<SkippedFile> skipped, ResampledSplit resampled) {
    /** Copies the lists. */
    public PreparedSplit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dir, "dir");
        classes = List.copyOf(classes);
        loadable = List.copyOf(loadable);
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(resampled, "resampled");
    }

    /** @return the samples to train or evaluate on (resampled) */
    public List<Sample> samples() {
        return resampled.samples();
    }

    /** @return old and new count per class */
    public Map<String, ClassCount> counts() {
        return resampled.counts();
    }
}
