package io.github.wikiart.reports;

import io.github.wikiart.train.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a training job puts its run folder: a new time-stamped folder under a runs folder, or an
 * explicit folder.
 *
 * @param runsDir the parent of new run folders (used when {@code dir} is null)
 * @param dir the explicit run folder, or null
 */
public record RunLocation(Path runsDir, Path dir) {
    /** Validates that one of the two is given. */
    public RunLocation {
        if (dir == null) {
            Objects.requireNonNull(runsDir, "runsDir or dir");
        }
    }

    /**
     * @param runsDir the parent folder
     * @return a new time-stamped folder under it, named after the job
     */
    public static RunLocation under(Path runsDir) {
        return new RunLocation(runsDir, null);
    }

    /**
     * @param dir the run folder (must not hold a finished run)
     * @return exactly that folder
     */
    public static RunLocation at(Path dir) {
        return new RunLocation(null, dir);
    }

    /**
     * Makes the folder.
     *
     * @param name the short name of a new folder, e.g. {@code autoencoder}
     * @return the run folder
     * @throws IOException when it cannot be made
     */
    public RunFolder open(String name) throws IOException {
        return dir != null ? RunFolder.at(dir) : RunFolder.create(runsDir, name);
    }

    /**
     * @param name the short name of a new folder
     * @return the explicit folder, or a new time-stamped one (for jobs that hold several runs)
     * @throws IOException when a new folder cannot be made
     */
    public Path folder(String name) throws IOException {
        return dir != null ? dir : RunFolder.create(runsDir, name).dir();
    }
}
