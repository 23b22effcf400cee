package io.github.wikiart.train;

import io.github.wikiart.train.loop.CheckpointWriter;
import io.github.wikiart.train.model.ModelDescription;
import io.github.wikiart.train.model.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The checkpoints of a DL4J network's run: {@code model-last.zip} after every epoch and
 * {@code model-best.zip} for the best epoch, each with the updater state and the model's
 * {@link ModelDescription} inside (so the file alone can be loaded), written atomically by the
 * loop's {@link CheckpointWriter}; {@code checkpoints.json} records the numbers of each. Saves and
 * loads them.
 */
public final class Checkpoints {
    /** Which checkpoint. */
    public enum Which {
        /** The one with the best test accuracy. */
        BEST,
        /** The final one. */
        LAST;

        /** @return its file name */
        public String fileName() {
            return this == BEST ? "model-best.zip" : "model-last.zip";
        }
    }

    /** The metadata file. */
    public static final String INDEX = CheckpointWriter.INDEX;

    private Checkpoints() {
    }

    /**
     * The checkpoint writer of a DL4J network's run.
     *
     * @param run the run folder
     * @param description saved inside every checkpoint
     * @param entry the numbers recorded for an epoch's checkpoint
     * @param fixed entries recorded unchanged (may be empty)
     * @param <R> the per-epoch result
     * @return the listener writing {@code model-last.zip}, {@code model-best.zip} and {@link #INDEX}
     */
    public static <R> CheckpointWriter<R, MultiLayerNetwork> writer(RunFolder run, ModelDescription description,
                                                                    Function<? super R, Map<String, Object>> entry,
                                                                    Map<String, Object> fixed) {
        return new CheckpointWriter<>(run.dir(), ".zip", (net, out) -> ModelFiles.writeNetwork(net, description, out),
                entry, fixed);
    }

    /**
     * Writes a network atomically, with its updater state and its description inside
     * ({@link ModelFiles#saveNetwork}).
     *
     * @param net the network
     * @param description what it is and how its inputs are prepared
     * @param file target
     * @throws IOException naming the file
     */
    public static void save(MultiLayerNetwork net, ModelDescription description, Path file) throws IOException {
        ModelFiles.saveNetwork(net, description, file);
    }

    /**
     * Loads a checkpoint of a run.
     *
     * @param runDir the run folder
     * @param which best or last
     * @return the network
     * @throws IOException naming the missing or unreadable file
     */
    public static MultiLayerNetwork load(Path runDir, Which which) throws IOException {
        return ModelFiles.loadNetwork(file(runDir, which));
    }

    /**
     * @param runDir the run folder
     * @param which best or last
     * @return the checkpoint's model file
     * @throws IOException naming the file when the run has none
     */
    public static Path file(Path runDir, Which which) throws IOException {
        Path file = runDir.resolve(which.fileName());
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no " + which.name().toLowerCase()
                    + " checkpoint in this run");
        }
        return file;
    }
}
