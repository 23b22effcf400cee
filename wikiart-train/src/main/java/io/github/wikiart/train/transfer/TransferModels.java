package io.github.wikiart.train.transfer;

import io.github.wikiart.train.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Loads any saved transfer model by the method recorded in its run folder. */
public final class TransferModels {
    /** The file naming the method and image size. */
    public static final String INFO = "transfer-info.json";

    private TransferModels() {
    }

    /**
     * Saves a model and records its method and image size, so {@link #load(Path)} finds it.
     *
     * @param model the model
     * @param runDir the run folder
     * @throws IOException naming the file
     */
    public static void save(TransferModel model, Path runDir) throws IOException {
        model.save(runDir);
        Map<String, Object> info = new java.util.LinkedHashMap<>();
        info.put("method", model.method());
        info.put("image_size", model.imageSize());
        Json.write(runDir.resolve(INFO), info);
    }

    /**
     * @param runDir a transfer run folder
     * @return the model
     * @throws IOException naming a missing or broken file or an unknown method
     */
    public static TransferModel load(Path runDir) throws IOException {
        Path info = runDir.resolve(INFO);
        if (!Files.isRegularFile(info)) {
            throw new java.nio.file.NoSuchFileException(info.toString(), null, "not a transfer run (no " + INFO + ")");
        }
        Map<String, Object> m = Json.read(info);
        Object method = m.get("method");
        if (CinTransfer.METHOD.equals(method)) {
            return CinTransfer.load(runDir);
        }
        if (io.github.wikiart.train.transfer.seed.SeedTransfer.METHOD.equals(method)) {
            return io.github.wikiart.train.transfer.seed.SeedTransfer.load(runDir);
        }
        throw new IOException(info + ": unknown transfer method '" + method + "'");
    }
}
