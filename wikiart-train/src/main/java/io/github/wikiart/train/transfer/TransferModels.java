package io.github.wikiart.train.transfer;

import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.PixelScaling;
import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.train.classifier.ClassifierRun;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.model.ModelDescription;
import io.github.wikiart.train.model.ModelFiles;
import io.github.wikiart.train.transfer.seed.SeedTransfer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Saves and loads transfer models of any method. A run folder holds the model file
 * {@value #MODEL_FILE} (the graph and its {@link ModelDescription}: enough on its own) and, beside
 * it, {@value #INFO} and {@code labels.txt}.
 */
public final class TransferModels {
    /** The file beside the model naming the method, image size and input preparation. */
    public static final String INFO = "transfer-info.json";
    /** The model file inside a transfer run folder. */
    public static final String MODEL_FILE = "transfer-model.zip";

    private TransferModels() {
    }

    /**
     * Saves a model into a run folder: its model file, and its description beside it.
     *
     * @param model the model
     * @param runDir the run folder
     * @throws IOException naming the file
     */
    public static void save(TransferModel model, Path runDir) throws IOException {
        model.saveModel(runDir.resolve(MODEL_FILE));
        model.description().writeInfo(runDir.resolve(INFO));
        model.labels().write(runDir.resolve(LabelIndex.FILE_NAME));
    }

    /**
     * Loads a transfer model from its model file alone, or from a run folder (its
     * {@value #MODEL_FILE}, or for a folder saved before models described themselves, the graph
     * beside {@value #INFO}, prepared with the run's {@code data.json} resize mode).
     *
     * @param path a model file or a transfer run folder
     * @return the model
     * @throws IOException naming a missing or broken file or an unknown method
     */
    public static TransferModel load(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            Path file = path.resolve(MODEL_FILE);
            return Files.isRegularFile(file) ? loadFile(file) : loadLegacy(path);
        }
        return loadFile(path);
    }

    private static TransferModel loadFile(Path file) throws IOException {
        ModelDescription d = ModelFiles.description(file).orElseThrow(() -> new IOException(file
                + ": not a transfer model file (it has no " + ModelFiles.DESCRIPTION_ENTRY + ")"))
                .requireKind(ModelDescription.Kind.TRANSFER, file);
        return switch (d.architecture()) {
            case CinTransfer.METHOD -> CinTransfer.read(file, d);
            case SeedTransfer.METHOD -> SeedTransfer.read(file, d);
            default -> throw new IOException(file + ": unknown transfer method '" + d.architecture() + "'");
        };
    }

    private static TransferModel loadLegacy(Path runDir) throws IOException {
        Path info = runDir.resolve(INFO);
        if (!Files.isRegularFile(info)) {
            throw new java.nio.file.NoSuchFileException(info.toString(), null, "not a transfer run (no " + MODEL_FILE
                    + " and no " + INFO + ")");
        }
        Map<String, Object> m = Json.read(info);
        Object method = m.get("method");
        Path data = runDir.resolve(ClassifierRun.DATA);
        ResizeMode resize = Files.isRegularFile(data)
                ? ResizeMode.parse((String) Json.read(data).getOrDefault("resize", "stretch")) : ResizeMode.STRETCH;
        ModelInput input = new ModelInput(((Number) m.get("image_size")).intValue(), resize, TensorLayout.NHWC,
                PixelScaling.UNIT);
        if (CinTransfer.METHOD.equals(method)) {
            return CinTransfer.readLegacy(runDir, ModelDescription.of(ModelDescription.Kind.TRANSFER, CinTransfer.METHOD,
                    input, LabelIndex.read(runDir.resolve(LabelIndex.FILE_NAME))));
        }
        if (SeedTransfer.METHOD.equals(method)) {
            return SeedTransfer.readLegacy(runDir, input);
        }
        throw new IOException(info + ": unknown transfer method '" + method + "'");
    }
}
