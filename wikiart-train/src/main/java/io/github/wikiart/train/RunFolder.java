package io.github.wikiart.train;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One folder per run: the resolved configuration, the label index, metrics, plots, checkpoints,
 * provenance and a summary. Names are a time stamp plus a short name, so deleting a run never
 * renames another (the original numbered them by counting).
 */
public final class RunFolder {
    /** The summary of the final numbers. */
    public static final String SUMMARY = "summary.json";
    /** Per-epoch metrics. */
    public static final String METRICS = "metrics.csv";
    /** The resolved configuration. */
    public static final String CONFIG = "config.yaml";
    /** Versions, seed and data fingerprint. */
    public static final String PROVENANCE = "provenance.json";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates a new run folder {@code <runsDir>/<yyyyMMdd-HHmmss>-<name>} (with {@code -2},
     * {@code -3}... if taken).
     *
     * @param runsDir the folder of all runs
     * @param name a short name such as {@code classify-stylenet}
     * @return the run folder
     * @throws IOException if it cannot be created
     */
    public static RunFolder create(Path runsDir, String name) throws IOException {
        Objects.requireNonNull(name, "name");
        Files.createDirectories(runsDir);
        String base = LocalDateTime.now().format(STAMP) + "-" + name.replaceAll("[^A-Za-z0-9_.-]", "_");
        for (int i = 1; ; i++) {
            Path candidate = runsDir.resolve(i == 1 ? base : base + "-" + i);
            try {
                Files.createDirectory(candidate);
                return new RunFolder(candidate);
            } catch (FileAlreadyExistsException e) {
                // try the next suffix
            }
        }
    }

    /**
     * Uses an explicit folder for a new run; it may exist but must not hold a finished run.
     *
     * @param dir the folder
     * @return the run folder
     * @throws IOException if it holds a run already or cannot be created
     */
    public static RunFolder at(Path dir) throws IOException {
        if (Files.exists(dir.resolve(SUMMARY))) {
            throw new FileAlreadyExistsException(dir.toString(), null,
                    "already holds a finished run (summary.json); choose another --run-dir");
        }
        Files.createDirectories(dir);
        return new RunFolder(dir);
    }

    /**
     * Opens the folder of an earlier run.
     *
     * @param dir the folder
     * @return the run folder
     * @throws java.nio.file.NoSuchFileException if it is not a folder
     */
    public static RunFolder open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(dir.toString(), null, "no such run folder");
        }
        return new RunFolder(dir);
    }

    /** @return the folder */
    public Path dir() {
        return dir;
    }

    /**
     * @param name a file name inside the run
     * @return its path
     */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /**
     * @return the plots folder, created if needed
     * @throws IOException if it cannot be created
     */
    public Path plots() throws IOException {
        return Files.createDirectories(dir.resolve("plots"));
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
