package io.github.wikiart.train;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import io.github.wikiart.train.loop.TrainingInterruptedException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

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
    /** Whether the run is running, finished, failed or interrupted ({@link State}). */
    public static final String STATE = "run-state.json";
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
     * Uses an explicit folder for a new run; it may exist but must not hold a run already.
     *
     * @param dir the folder
     * @return the run folder
     * @throws UnfinishedRunException if it holds a run that did not finish (continue it with
     *     {@link #resume} or start over with {@link #overwrite})
     * @throws FileAlreadyExistsException if it holds a finished run
     * @throws IOException if it cannot be created
     */
    public static RunFolder at(Path dir) throws IOException {
        Optional<Status> status = status(dir);
        if (status.isPresent() && status.get().state() != State.FINISHED) {
            throw new UnfinishedRunException(dir, status.get());
        }
        if (Files.exists(dir.resolve(SUMMARY))) {
            throw new FileAlreadyExistsException(dir.toString(), null,
                    "already holds a finished run (summary.json); choose another --run-dir");
        }
        Files.createDirectories(dir);
        return new RunFolder(dir);
    }

    /**
     * Uses an explicit folder for a new run, first deleting the run it holds, finished or not.
     *
     * @param dir the folder
     * @return the empty run folder
     * @throws FileAlreadyExistsException if the folder holds files but is not a run folder (no
     *     {@code run-state.json}, {@code summary.json} or {@code config.yaml}): nothing is deleted
     * @throws IOException if it cannot be emptied or created
     */
    public static RunFolder overwrite(Path dir) throws IOException {
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            if (!Files.exists(dir.resolve(STATE)) && !Files.exists(dir.resolve(SUMMARY))
                    && !Files.exists(dir.resolve(CONFIG))) {
                throw new FileAlreadyExistsException(dir.toString(), null,
                        "is not a run folder (no run-state.json, summary.json or config.yaml); nothing was deleted");
            }
            deleteContents(dir);
        }
        Files.createDirectories(dir);
        return new RunFolder(dir);
    }

    /**
     * Opens a run folder to continue its training from its resume checkpoint. Temporary files a
     * crash left behind are deleted.
     *
     * @param dir the folder
     * @return the run folder
     * @throws java.nio.file.NoSuchFileException if it is not a folder or holds no resume checkpoint
     * @throws IOException if it cannot be read
     */
    public static RunFolder resume(Path dir) throws IOException {
        RunFolder run = open(dir);
        if (!io.github.wikiart.train.loop.ResumeCheckpoint.exists(dir)) {
            throw new java.nio.file.NoSuchFileException(dir.toString(), null,
                    "holds no resume checkpoint (resume/state.json): nothing to resume");
        }
        run.deleteTemporaryFiles();
        return run;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Deletes the temporary files ({@code .NAME.*.tmp}) that an interrupted atomic write leaves. */
    private void deleteTemporaryFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir, 2)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && name.startsWith(".") && name.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** What a run folder's training is doing or did. */
    public enum State {
        /** Training (or killed without a chance to say so). */
        RUNNING,
        /** Finished: {@code summary.json} is written. */
        FINISHED,
        /** Stopped by an error. */
        FAILED,
        /** Stopped on request (Ctrl-C) after writing a resume checkpoint. */
        INTERRUPTED
    }

    /**
     * The state recorded in {@code run-state.json}.
     *
     * @param state the state
     * @param reason why it failed or where it was interrupted (null otherwise)
     */
    public record Status(State state, String reason) {
        /** @return e.g. {@code interrupted (training interrupted in epoch 3 ...)} */
        @Override
        public String toString() {
            return state.name().toLowerCase(Locale.ROOT) + (reason == null ? "" : " (" + reason + ")");
        }
    }

    /**
     * @param dir a folder
     * @return the state its {@code run-state.json} records, empty when it has none
     * @throws IOException when the file exists but cannot be read
     */
    public static Optional<Status> status(Path dir) throws IOException {
        Path file = dir.resolve(STATE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, Object> m = Json.read(file);
        try {
            return Optional.of(new Status(State.valueOf(String.valueOf(m.get("state")).toUpperCase(Locale.ROOT)),
                    (String) m.get("reason")));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException(file + ": unknown run state " + m.get("state"), e);
        }
    }

    /** Work done while a run folder records its state. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @return the work's result
         * @throws IOException when it fails to read or write
         */
        T run() throws IOException;
    }

    /**
     * Does a run's work while {@code run-state.json} says so: {@code running} during it, then
     * {@code finished}, {@code interrupted} (a {@link TrainingInterruptedException}) or
     * {@code failed} with the error's message. The work's exception is passed on unchanged.
     *
     * @param work the training
     * @param <T> its result
     * @return its result
     * @throws IOException from the work, or naming {@code run-state.json} when it cannot be written
     */
    public <T> T tracking(Work<T> work) throws IOException {
        writeStatus(new Status(State.RUNNING, null));
        T result;
        try {
            result = work.run();
        } catch (TrainingInterruptedException e) {
            writeStatus(new Status(State.INTERRUPTED, e.getMessage()));
            throw e;
        } catch (IOException | RuntimeException | Error e) {
            try {
                writeStatus(new Status(State.FAILED, String.valueOf(e.getMessage())));
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        writeStatus(new Status(State.FINISHED, null));
        return result;
    }

    private void writeStatus(Status status) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", status.state().name().toLowerCase(Locale.ROOT));
        m.put("reason", status.reason());
        m.put("time", java.time.Instant.now().toString());
        Json.write(dir.resolve(STATE), m);
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
