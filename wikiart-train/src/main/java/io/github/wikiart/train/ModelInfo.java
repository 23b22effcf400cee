package io.github.wikiart.train;

import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.TensorLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a saved model needs to be used without its configuration file: which model it is and how
 * its input images are prepared. Saved as {@code model-info.json} beside the checkpoints.
 *
 * @param model the model name (e.g. {@code stylenet})
 * @param imageSize input side in pixels
 * @param resize how images are made square
 * @param layout tensor layout of the input
 */
public record ModelInfo(String model, int imageSize, ResizeMode resize, TensorLayout layout) {
    /** File name inside a run folder. */
    public static final String FILE_NAME = "model-info.json";

    /** Validates. */
    public ModelInfo {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(resize, "resize");
        Objects.requireNonNull(layout, "layout");
        if (imageSize < 1) {
            throw new IllegalArgumentException("imageSize must be >= 1, got " + imageSize);
        }
    }

    /**
     * @param file target
     * @throws IOException naming the file
     */
    public void write(Path file) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("image_size", imageSize);
        m.put("resize", resize.configName());
        m.put("layout", layout.name());
        Json.write(file, m);
    }

    /**
     * @param file a file written by {@link #write(Path)}
     * @return the info
     * @throws IOException naming the file and the missing or bad field
     */
    public static ModelInfo read(Path file) throws IOException {
        Map<String, Object> m = Json.read(file);
        try {
            return new ModelInfo((String) require(m, "model"), ((Number) require(m, "image_size")).intValue(),
                    ResizeMode.parse((String) require(m, "resize")), TensorLayout.valueOf((String) require(m, "layout")));
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static Object require(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing field '" + key + "'");
        }
        return v;
    }
}
