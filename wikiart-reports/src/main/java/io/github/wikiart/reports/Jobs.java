package io.github.wikiart.reports;

import io.github.wikiart.train.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Steps shared by the jobs: checking the data folder and starting a run folder. */
public final class Jobs {
    private Jobs() {
    }

    /**
     * @param root the dataset folder ({@code data.root})
     * @throws InvalidJobException when it is not a folder
     */
    public static void requireDataRoot(Path root) {
        if (!Files.isDirectory(root)) {
            throw new InvalidJobException("data.root: no such folder: " + root);
        }
    }

    /**
     * Checks the data, makes the run folder, records the configuration there and tells the listener.
     *
     * @param root the dataset folder
     * @param where where the run goes
     * @param name the short name of a new folder
     * @param seed the run's seed
     * @param listener told of the run folder
     * @return the run folder
     * @throws IOException when it cannot be made
     */
    public static RunFolder start(Path root, RunLocation where, String name, long seed, JobListener listener)
            throws IOException {
        requireDataRoot(root);
        RunFolder run = where.open(name);
        where.record(run, seed);
        listener.onRunStarted(run, seed);
        return run;
    }

    /**
     * @param o a number from a summary map, or anything else
     * @return its value, or NaN
     */
    public static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
