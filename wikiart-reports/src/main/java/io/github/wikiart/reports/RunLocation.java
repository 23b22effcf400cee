package io.github.wikiart.reports;

import io.github.wikiart.data.AtomicFiles;
import io.github.wikiart.train.config.ConfigWriter;
import io.github.wikiart.train.config.WikiartConfig;
import io.github.wikiart.train.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a training job puts its run folder: a new time-stamped folder under a runs folder, or an
 * explicit folder; and, optionally, the configuration to record there as {@code config.yaml}.
 *
 * @param runsDir the parent of new run folders (used when {@code dir} is null)
 * @param dir the explicit run folder, or null
 * @param config the configuration written into each run folder (with that run's seed), or null for none
 */
public record RunLocation(Path runsDir, Path dir, WikiartConfig config) {
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
        return new RunLocation(runsDir, null, null);
    }

    /**
     * @param dir the run folder (must not hold a finished run)
     * @return exactly that folder
     */
    public static RunLocation at(Path dir) {
        return new RunLocation(null, dir, null);
    }

    /**
     * @param recorded the configuration the job was given, saved as {@code config.yaml} in each of
     *     its run folders (with the run's own seed)
     * @return a copy that records it
     */
    public RunLocation recording(WikiartConfig recorded) {
        return new RunLocation(runsDir, dir, recorded);
    }

    /**
     * Writes the recorded configuration, if any, into a run folder.
     *
     * @param run the run folder
     * @param seed the run's seed
     * @throws IOException naming the file
     */
    public void record(RunFolder run, long seed) throws IOException {
        if (config != null) {
            AtomicFiles.writeString(run.file(RunFolder.CONFIG),
                    ConfigWriter.render(seed == config.seed() ? config : config.withSeed(seed)));
        }
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
