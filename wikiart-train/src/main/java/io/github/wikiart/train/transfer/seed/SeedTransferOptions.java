package io.github.wikiart.train.transfer.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the original project's style-embedding transfer ({@code seed} method).
 *
 * @param embedDim size of the learned style embedding (the original: 300)
 * @param styleWeight weight of the Gram-matrix style loss (the original: 1e6)
 * @param contentWeight weight of the reconstruction (content) loss (the original: 1)
 * @param styleLayers which encoder convolutions (1..3) take part in the style loss, no repeats
 * @param step1Epochs epochs of step 1 (embedder against the frozen decoder)
 * @param step2Epochs epochs of step 2 (joint training)
 * @param batchSize images per step
 * @param learningRate Adam's learning rate
 * @param seed seed of the embedder's initial weights, the shuffling and the random target styles
 */
public record SeedTransferOptions(int embedDim, double styleWeight, double contentWeight, List<Integer> styleLayers,
                                  int step1Epochs, int step2Epochs, int batchSize, double learningRate, long seed) {
    /** Validates, naming the field and the value. */
    public SeedTransferOptions {
        if (embedDim < 1) {
            throw new IllegalArgumentException("embedDim must be >= 1, got " + embedDim);
        }
        if (!(styleWeight >= 0) || Double.isInfinite(styleWeight)) {
            throw new IllegalArgumentException("styleWeight must be finite and >= 0, got " + styleWeight);
        }
        if (!(contentWeight >= 0) || Double.isInfinite(contentWeight)) {
            throw new IllegalArgumentException("contentWeight must be finite and >= 0, got " + contentWeight);
        }
        Objects.requireNonNull(styleLayers, "styleLayers");
        if (styleLayers.isEmpty() || styleLayers.stream().anyMatch(l -> l == null || l < 1 || l > 3)
                || styleLayers.stream().distinct().count() != styleLayers.size()) {
            throw new IllegalArgumentException("styleLayers must be distinct values in 1..3, got " + styleLayers);
        }
        styleLayers = List.copyOf(styleLayers);
        if (step1Epochs < 0 || step2Epochs < 0) {
            throw new IllegalArgumentException("step1Epochs and step2Epochs must be >= 0, got " + step1Epochs
                    + " and " + step2Epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
    }

    /** @return the original's settings: embed 300, style 1e6, content 1, layers 1,2,3; 2+2 epochs, batch 16, Adam 1e-3, seed 1 */
    public static SeedTransferOptions defaults() {
        return new SeedTransferOptions(300, 1e6, 1.0, List.of(1, 2, 3), 2, 2, 16, 1e-3, 1);
    }

    /** @return the settings as a JSON-ready map with snake_case keys */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("embed_dim", embedDim);
        m.put("style_weight", styleWeight);
        m.put("content_weight", contentWeight);
        m.put("style_layers", styleLayers);
        m.put("step1_epochs", step1Epochs);
        m.put("step2_epochs", step2Epochs);
        m.put("batch_size", batchSize);
        m.put("learning_rate", learningRate);
        m.put("seed", seed);
        return m;
    }

    /**
     * @param m a map written by {@link #toMap()}
     * @return the options
     * @throws IllegalArgumentException naming a missing or bad field
     */
    public static SeedTransferOptions fromMap(Map<?, ?> m) {
        try {
            List<Integer> layers = ((List<?>) need(m, "style_layers")).stream().map(o -> ((Number) o).intValue()).toList();
            return new SeedTransferOptions(num(m, "embed_dim").intValue(), num(m, "style_weight").doubleValue(),
                    num(m, "content_weight").doubleValue(), layers, num(m, "step1_epochs").intValue(),
                    num(m, "step2_epochs").intValue(), num(m, "batch_size").intValue(),
                    num(m, "learning_rate").doubleValue(), num(m, "seed").longValue());
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("bad options: " + e.getMessage(), e);
        }
    }

    private static Number num(Map<?, ?> m, String key) {
        return (Number) need(m, key);
    }

    private static Object need(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing field '" + key + "'");
        }
        return v;
    }
}
