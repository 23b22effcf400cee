package io.github.wikiart.train.loop;

import io.github.wikiart.data.AtomicFiles;
import io.github.wikiart.train.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes the checkpoints of a run for any model kind: {@code model-last<ext>} after every epoch
 * and {@code model-best<ext>} whenever the epoch is the best so far, each with the updater state
 * when the saver keeps it, written to a temporary file and renamed so a crash never leaves a
 * half-written model. {@code checkpoints.json} records, under {@code last} and {@code best}, the
 * numbers of each checkpoint's epoch, plus fixed entries (for example the model's settings).
 *
 * @param <R> the per-epoch result
 * @param <M> the model
 */
public final class CheckpointWriter<R, M> implements LoopListener<R, M> {
    /** The index file inside a run folder. */
    public static final String INDEX = "checkpoints.json";

    /** Writes a model to a stream. */
    @FunctionalInterface
    public interface Saver<M> {
        /**
         * @param model the model
         * @param out where to write it (not to be closed)
         * @throws IOException when writing fails
         */
        void save(M model, OutputStream out) throws IOException;
    }

    private final Path dir;
    private final String extension;
    private final Saver<? super M> saver;
    private final Function<? super R, Map<String, Object>> entry;
    private final Map<String, Object> fixed;
    private final Map<String, Object> index = new LinkedHashMap<>();

    /**
     * @param dir the run folder
     * @param extension the file extension, with its dot ({@code .zip} for DL4J networks,
     *     {@code .sdz} for SameDiff graphs)
     * @param saver writes a model
     * @param entry the numbers recorded for an epoch's checkpoint
     * @param fixed entries written into the index unchanged after {@code last} and {@code best}
     */
    public CheckpointWriter(Path dir, String extension, Saver<? super M> saver,
                            Function<? super R, Map<String, Object>> entry, Map<String, Object> fixed) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.extension = Objects.requireNonNull(extension, "extension");
        this.saver = Objects.requireNonNull(saver, "saver");
        this.entry = Objects.requireNonNull(entry, "entry");
        this.fixed = new LinkedHashMap<>(fixed);
    }

    /**
     * @param dir the run folder
     * @param extension the file extension, with its dot
     * @return the last checkpoint's file
     */
    public static Path lastFile(Path dir, String extension) {
        return dir.resolve("model-last" + extension);
    }

    /**
     * @param dir the run folder
     * @param extension the file extension, with its dot
     * @return the best checkpoint's file
     */
    public static Path bestFile(Path dir, String extension) {
        return dir.resolve("model-best" + extension);
    }

    /** Restores the index entries of the epochs completed before the interruption. */
    @Override
    public void onResume(java.util.List<? extends R> results, int bestIndex) {
        if (!results.isEmpty()) {
            index.put("last", entry.apply(results.get(results.size() - 1)));
        }
        if (bestIndex >= 0) {
            index.put("best", entry.apply(results.get(bestIndex)));
        }
    }

    @Override
    public void onEpochEnd(R result, M model, boolean best) throws IOException {
        save(model, lastFile(dir, extension));
        index.put("last", entry.apply(result));
        if (best) {
            save(model, bestFile(dir, extension));
            index.put("best", entry.apply(result));
        }
        index.putAll(fixed);
        Json.write(dir.resolve(INDEX), index);
    }

    private void save(M model, Path file) throws IOException {
        AtomicFiles.write(file, out -> saver.save(model, out));
    }
}
