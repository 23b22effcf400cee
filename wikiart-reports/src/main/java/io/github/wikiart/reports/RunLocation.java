package io.github.wikiart.reports;

import io.github.wikiart.data.AtomicFiles;
import io.github.wikiart.train.config.ConfigWriter;
import io.github.wikiart.train.config.WikiartConfig;
import io.github.wikiart.train.RunControl;
import io.github.wikiart.train.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a training job puts its run folder and how it treats what is there: a new time-stamped
 * folder under a runs folder, or an explicit folder that is new, overwritten, or resumed from its
 * checkpoint; optionally the configuration to record there as {@code config.yaml}; and the
 * {@link RunControl} of the training (checkpoint interval, stop signal, changes allowed on resume).
 *
 * @param runsDir the parent of new run folders (used when {@code dir} is null)
 * @param dir the explicit run folder, or null
 * @param config the configuration written into each run folder (with that run's seed), or null for none
 * @param mode what to do with an existing explicit folder
 * @param control checkpoints, stop signal and allowed changes of the run
 */
public record RunLocation(Path runsDir, Path dir, WikiartConfig config, Mode mode, RunControl control) {
    /** What to do with the explicit folder. */
    public enum Mode {
        /** Start a new run; refused when the folder holds a run ({@link RunFolder#at}). */
        NEW,
        /** Delete the run the folder holds and start a new one ({@link RunFolder#overwrite}). */
        OVERWRITE,
        /** Continue the run from its resume checkpoint ({@link RunFolder#resume}). */
        RESUME
    }

    /** Validates that one of the two is given. */
    public RunLocation {
        if (dir == null) {
            Objects.requireNonNull(runsDir, "runsDir or dir");
            if (mode != Mode.NEW) {
                throw new IllegalArgumentException(mode + " needs an explicit run folder");
            }
        }
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(control, "control");
    }

    /**
     * @param runsDir the parent folder
     * @return a new time-stamped folder under it, named after the job
     */
    public static RunLocation under(Path runsDir) {
        return new RunLocation(runsDir, null, null, Mode.NEW, RunControl.defaults());
    }

    /**
     * @param dir the run folder (must not hold a run)
     * @return exactly that folder
     */
    public static RunLocation at(Path dir) {
        return new RunLocation(null, dir, null, Mode.NEW, RunControl.defaults());
    }

    /**
     * @param dir a run folder with a resume checkpoint
     * @return that run, continued
     */
    public static RunLocation resuming(Path dir) {
        return new RunLocation(null, dir, null, Mode.RESUME, RunControl.defaults());
    }

    /** @return a copy that deletes the run in its explicit folder first */
    public RunLocation overwriting() {
        return new RunLocation(runsDir, dir, config, Mode.OVERWRITE, control);
    }

    /** @param c the run's control @return a copy with it */
    public RunLocation withControl(RunControl c) {
        return new RunLocation(runsDir, dir, config, mode, c);
    }

    /** @return whether the job continues the run in {@link #dir()} */
    public boolean resuming() {
        return mode == Mode.RESUME;
    }

    /**
     * @param recorded the configuration the job was given, saved as {@code config.yaml} in each of
     *     its run folders (with the run's own seed)
     * @return a copy that records it
     */
    public RunLocation recording(WikiartConfig recorded) {
        return new RunLocation(runsDir, dir, recorded, mode, control);
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
        if (dir == null) {
            return RunFolder.create(runsDir, name);
        }
        return switch (mode) {
            case NEW -> RunFolder.at(dir);
            case OVERWRITE -> RunFolder.overwrite(dir);
            case RESUME -> RunFolder.resume(dir);
        };
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
