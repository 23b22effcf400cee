package io.github.wikiart.train.loop;

import io.github.wikiart.data.AtomicFiles;
import io.github.wikiart.train.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The resume checkpoint of a run: everything a {@link TrainingLoop} needs to continue exactly where
 * it stopped, in the folder {@code resume/} of the run. It holds the model with its updater state
 * ({@code model-e<epoch>-b<position><ext>}) and {@code state.json}: the {@link LoopState}, the
 * results of the completed epochs, the name of that model file and fixed entries the trainer adds
 * (for example its settings, to refuse a resume with other ones).
 *
 * <p>A write never damages the previous checkpoint: the new model file is written and flushed
 * under a new name, then {@code state.json} is replaced atomically (the moment the new checkpoint
 * becomes the current one), and only then is the old model file deleted. A crash or a full disk at
 * any point leaves a {@code state.json} that names a complete model file.
 *
 * @param <R> the per-epoch result
 * @param <M> the model
 */
public final class ResumeCheckpoint<R, M> {
    /** The folder inside a run folder. */
    public static final String FOLDER = "resume";
    /** The state file inside {@link #FOLDER}. */
    public static final String STATE = "state.json";
    private static final int FORMAT = 1;

    private final Path dir;
    private final String extension;
    private final CheckpointWriter.Saver<? super M> saver;
    private final ResultCodec<R> codec;
    private final Map<String, Object> fixed;

    /**
     * @param runDir the run folder
     * @param extension the model file's extension with its dot ({@code .zip}, {@code .sdz})
     * @param saver writes the model with its updater state
     * @param codec writes the per-epoch results
     * @param fixed entries stored unchanged in {@code state.json} (may be empty)
     */
    public ResumeCheckpoint(Path runDir, String extension, CheckpointWriter.Saver<? super M> saver,
                            ResultCodec<R> codec, Map<String, Object> fixed) {
        this.dir = runDir.resolve(FOLDER);
        this.extension = Objects.requireNonNull(extension, "extension");
        this.saver = Objects.requireNonNull(saver, "saver");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.fixed = new LinkedHashMap<>(fixed);
    }

    /** @return the run folder the checkpoint is in */
    public Path runDir() {
        return dir.getParent();
    }

    /**
     * Writes a checkpoint, replacing the previous one only once it is complete.
     *
     * @param model the model, at a batch boundary
     * @param state the loop's position and counters
     * @param results the results of the completed epochs
     * @throws IOException naming the file that could not be written; the previous checkpoint then
     *     stays the current one
     */
    public void save(M model, LoopState state, List<? extends R> results) throws IOException {
        Files.createDirectories(dir);
        String modelName = "model-e" + state.epoch() + "-b" + state.position() + extension;
        AtomicFiles.write(dir.resolve(modelName), out -> saver.save(model, out));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("model", modelName);
        json.put("state", state.toJson());
        List<Map<String, Object>> encoded = new ArrayList<>();
        for (R r : results) {
            encoded.add(codec.encode(r));
        }
        json.put("results", encoded);
        json.putAll(fixed);
        Json.write(dir.resolve(STATE), json);
        deleteAllBut(dir, modelName);
    }

    /** Removes earlier model files and temporary files a crash may have left. */
    private static void deleteAllBut(Path dir, String keep) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.equals(keep) && !name.equals(STATE) && (name.startsWith("model-") || name.endsWith(".tmp"))) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /**
     * @param runDir a run folder
     * @return whether it holds a resume checkpoint
     */
    public static boolean exists(Path runDir) {
        return Files.isRegularFile(runDir.resolve(FOLDER).resolve(STATE));
    }

    /**
     * Reads the resume checkpoint of a run.
     *
     * @param runDir the run folder
     * @param codec reads the per-epoch results
     * @param <R> the per-epoch result
     * @return the saved position, results, model file and fixed entries
     * @throws NoSuchFileException when the run has no resume checkpoint
     * @throws IOException naming {@code state.json} when it is malformed or names a missing model file
     */
    public static <R> Saved<R> read(Path runDir, ResultCodec<R> codec) throws IOException {
        Path dir = runDir.resolve(FOLDER);
        Path stateFile = dir.resolve(STATE);
        if (!Files.isRegularFile(stateFile)) {
            throw new NoSuchFileException(stateFile.toString(), null,
                    "no resume checkpoint: the run never finished a checkpoint");
        }
        Map<String, Object> json = Json.read(stateFile);
        try {
            if (!(json.get("format") instanceof Number n) || n.intValue() != FORMAT) {
                throw new IllegalArgumentException("unknown format " + json.get("format") + " (expected " + FORMAT
                        + ")");
            }
            Path model = dir.resolve(String.valueOf(json.get("model")));
            if (!Files.isRegularFile(model)) {
                throw new NoSuchFileException(model.toString(), null, "the resume checkpoint's model file is missing");
            }
            LoopState state = LoopState.fromJson(map(json.get("state"), "state"));
            List<R> results = new ArrayList<>();
            if (!(json.get("results") instanceof List<?> list)) {
                throw new IllegalArgumentException("'results' is not a list");
            }
            for (Object o : list) {
                results.add(codec.decode(map(o, "results")));
            }
            Map<String, Object> extra = new LinkedHashMap<>(json);
            List.of("format", "model", "state", "results").forEach(extra::remove);
            return new Saved<>(state, results, model, extra);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException(stateFile + ": not a resume checkpoint: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String key) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("'" + key + "' is not an object");
    }

    /**
     * A checkpoint as read back.
     *
     * @param state where the loop stopped
     * @param results the results of the completed epochs
     * @param model the model file (with updater state)
     * @param fixed the trainer's fixed entries
     * @param <R> the per-epoch result
     */
    public record Saved<R>(LoopState state, List<R> results, Path model, Map<String, Object> fixed) {
        /** Copies the collections. */
        public Saved {
            results = List.copyOf(results);
            fixed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
        }

        /** @return the loop's continuation point */
        public Resumption<R> resumption() {
            return new Resumption<>(state, results);
        }
    }
}
