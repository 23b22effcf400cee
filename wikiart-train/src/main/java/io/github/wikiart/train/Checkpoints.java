package io.github.wikiart.train;

import io.github.wikiart.data.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Saves and loads the checkpoints of a run: {@code model-last.zip} after every epoch and
 * {@code model-best.zip} whenever the test accuracy improves, each with the updater state, written
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
    private final Map<String, Object> index = new LinkedHashMap<>();

    /** @param run where to write */
    public Checkpoints(RunFolder run) {
        this.run = run;
    }

    @Override
    public void onEpochEnd(EpochResult result, MultiLayerNetwork net, boolean best) throws IOException {
        save(net, run.file(Which.LAST.fileName()));
        index.put("last", entry(result));
        if (best) {
            save(net, run.file(Which.BEST.fileName()));
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
     * Writes a network atomically, with its updater state.
     *
     * @param net the network
     * @param file target
     * @throws IOException naming the file
     */
    public static void save(MultiLayerNetwork net, Path file) throws IOException {
        AtomicFiles.write(file, out -> ModelSerializer.writeModel(net, out, true));
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
        Path file = runDir.resolve(which.fileName());
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no " + which.name().toLowerCase()
                    + " checkpoint in this run");
        }
        try {
            return MultiLayerNetwork.load(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": cannot load the model: " + e.getMessage(), e);
        }
    }
}
