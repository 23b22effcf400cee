package io.github.wikiart.train;

import io.github.wikiart.train.model.ModelDescription;
import io.github.wikiart.train.model.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Saves and loads the checkpoints of a run: {@code model-last.zip} after every epoch and
 * {@code model-best.zip} whenever the test accuracy improves, each with the updater state and the
 * model's {@link ModelDescription} inside (so the file alone can be loaded), written
 * to a temporary file and renamed so a crash never leaves a half-written model.
 * {@code checkpoints.json} records the epoch and test accuracy of each.
 */
public final class Checkpoints implements TrainerListener {
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
    public static final String INDEX = "checkpoints.json";

    private final RunFolder run;
    private final ModelDescription description;
    private final Map<String, Object> index = new LinkedHashMap<>();

    /**
     * @param run where to write
     * @param description saved inside every checkpoint
     */
    public Checkpoints(RunFolder run, ModelDescription description) {
        this.run = run;
        this.description = description;
    }

    @Override
    public void onEpochEnd(EpochResult result, MultiLayerNetwork net, boolean best) throws IOException {
        save(net, description, run.file(Which.LAST.fileName()));
        index.put("last", entry(result));
        if (best) {
            save(net, description, run.file(Which.BEST.fileName()));
            index.put("best", entry(result));
        }
        Json.write(run.file(INDEX), index);
    }

    private static Map<String, Object> entry(EpochResult result) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("epoch", result.epoch());
        e.put("test_accuracy", result.test().accuracy());
        e.put("macro_f1", result.test().macroF1());
        return e;
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
