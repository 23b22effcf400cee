package io.github.wikiart.data;

/**
 * The size of one class before and after resampling.
 *
 * @param original loadable images in the class
 * @param resampled samples after resampling (equal to {@code original} without resampling)
 */
public record ClassCount(int original, int resampled) {
    /** Validates the counts. */
    public ClassCount {
        if (original < 0 || resampled < 0) {
            throw new IllegalArgumentException("negative count: " + original + " -> " + resampled);
        }
    }
}
