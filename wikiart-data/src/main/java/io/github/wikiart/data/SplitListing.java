package io.github.wikiart.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a scan of one split folder found, before any image is decoded.
 *
 * @param split the split name (e.g. {@code train})
 * @param dir the split folder
 * @param classes the style folder names, sorted (empty folders included)
 * @param samples candidate images in deterministic order (by class, then by relative path)
 * @param skipped entries that could not be listed (unreadable folders, symlink loops)
 */
public record SplitListing(String split, Path dir, List<String> classes, List<Sample> samples,
                           List<SkippedFile> skipped) {
    /** Copies the lists. */
    public SplitListing {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(dir, "dir");
        classes = List.copyOf(classes);
        samples = List.copyOf(samples);
        skipped = List.copyOf(skipped);
    }
}
