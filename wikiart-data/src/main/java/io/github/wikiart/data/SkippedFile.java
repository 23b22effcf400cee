package io.github.wikiart.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file that was a candidate image but could not be used, with the reason.
 *
 * @param path the file
 * @param reason why it was skipped, for people
 */
public record SkippedFile(Path path, String reason) {
    /** Validates both fields. */
    public SkippedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }
}
