package io.github.wikiart.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One image of a split: its path (the key; two files of the same name in different style folders
 * are two samples) and the name of the style folder that holds it.
 *
 * @param path the image file
 * @param label the style (class) name, the name of the top-level folder under the split
 */
public record Sample(Path path, String label) {
    /** Validates both fields. */
    public Sample {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(label, "label");
        if (label.isEmpty()) {
            throw new IllegalArgumentException("empty label for " + path);
        }
    }
}
