package io.github.wikiart.train.model;

import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.PixelScaling;
import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to use a trained model without its configuration or run folder, for every
 * model kind: what it is, how its input images are prepared, the styles its outputs or
 * conditioning refer to, and the library version that saved it. Stored inside the model file
 * ({@link ModelFiles}) and, for people and older tools, beside it as {@code model-info.json} or
 * {@code transfer-info.json} ({@link #writeInfo}).
 *
 * @param kind the model kind
 * @param architecture the network (classifier: {@code stylenet}, {@code seed}, ...; autoencoder:
 *     {@code autoencoder}; transfer: the method, {@code cin} or {@code seed})
 * @param input how images become tensors and tensors images
 * @param labels the styles, in output (classifier) or conditioning (transfer) order; the
 *     autoencoder's are those of its data
 * @param libraryVersion the version of this library that saved the model
 */
public record ModelDescription(Kind kind, String architecture, ModelInput input, LabelIndex labels,
                               String libraryVersion) {
    /** The file beside a classifier's or autoencoder's checkpoints. */
    public static final String INFO_FILE = "model-info.json";
    /** The version of the JSON layout written by {@link #toJson()}. */
    public static final int FORMAT = 1;

    /** What a model does. */
    public enum Kind {
        /** Images to style probabilities. */
        CLASSIFIER,
        /** Images to reconstructions through a latent code. */
        AUTOENCODER,
        /** Images and a target style to restyled images. */
        TRANSFER;

        /** @return the lower-case name used in files */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param s a name as {@link #configName()} gives it
         * @return the kind
         * @throws IllegalArgumentException naming the value and the accepted names
         */
        public static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.configName().equalsIgnoreCase(s == null ? "" : s.trim())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("invalid model kind '" + s + "': expected classifier, autoencoder or "
                    + "transfer");
        }
    }

    /** Validates. */
    public ModelDescription {
        Objects.requireNonNull(kind, "kind");
        if (architecture == null || architecture.isBlank()) {
            throw new IllegalArgumentException("architecture must be a name, got '" + architecture + "'");
        }
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
    }

    /**
     * A description stamped with this library's version.
     *
     * @param kind the kind
     * @param architecture the network or method
     * @param input the input preparation
     * @param labels the styles
     * @return the description
     */
    public static ModelDescription of(Kind kind, String architecture, ModelInput input, LabelIndex labels) {
        return new ModelDescription(kind, architecture, input, labels, Provenance.libraryVersion());
    }

    /** @return the side of the square input, in pixels */
    public int imageSize() {
        return input.imageSize();
    }

    /** @return how images become squares */
    public ResizeMode resize() {
        return input.resize();
    }

    /** @return the tensor layout */
    public TensorLayout layout() {
        return input.layout();
    }

    /**
     * @param expected the kind a caller can use
     * @param source the file, for the message
     * @return this
     * @throws IOException naming the file and both kinds when they differ
     */
    public ModelDescription requireKind(Kind expected, Object source) throws IOException {
        if (kind != expected) {
            throw new IOException(source + ": the model kind is '" + kind.configName() + "', expected '"
                    + expected.configName() + "'");
        }
        return this;
    }

    /** @return the description as JSON: kind, model, input preparation, labels, version */
    public Map<String, Object> toJson() {
        Map<String, Object> m = info();
        m.put("labels", labels.names());
        return m;
    }

    /**
     * Writes {@code model-info.json} or {@code transfer-info.json}: the description without the
     * labels (they are in {@code labels.txt}); a transfer model's architecture is its
     * {@code method}, as before.
     *
     * @param file the target
     * @throws IOException naming the file
     */
    public void writeInfo(Path file) throws IOException {
        Json.write(file, info());
    }

    private Map<String, Object> info() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(kind == Kind.TRANSFER ? "method" : "model", architecture);
        m.put("image_size", input.imageSize());
        m.put("resize", input.resize().configName());
        m.put("layout", input.layout().name());
        m.put("kind", kind.configName());
        m.put("pixel_scaling", input.scaling().configName());
        m.put("format", FORMAT);
        m.put("wikiart_version", libraryVersion);
        return m;
    }

    /**
     * Reads what {@link #toJson()} or {@link #writeInfo} wrote; fields that older files lack take
     * the only value they could have had (pixel scaling {@code unit}, version {@code unknown}),
     * and the kind and labels are taken from the arguments when the map has none.
     *
     * @param m the JSON map
     * @param kind the kind when the map names none, or null to require it
     * @param labels the labels when the map lists none, or null to require them
     * @param source the file, for messages
     * @return the description
     * @throws IOException naming the file and the missing or bad field
     */
    public static ModelDescription fromJson(Map<String, Object> m, Kind kind, LabelIndex labels, Object source)
            throws IOException {
        try {
            Kind k = m.containsKey("kind") ? Kind.parse((String) m.get("kind")) : Objects.requireNonNull(kind,
                    "missing field 'kind'");
            Object arch = m.containsKey("model") ? m.get("model") : require(m, "method");
            ModelInput input = new ModelInput(((Number) require(m, "image_size")).intValue(),
                    ResizeMode.parse((String) m.getOrDefault("resize", "stretch")),
                    TensorLayout.valueOf(((String) m.getOrDefault("layout", "NHWC")).toUpperCase(Locale.ROOT)),
                    PixelScaling.parse((String) m.getOrDefault("pixel_scaling", "unit")));
            LabelIndex l = m.containsKey("labels") ? labels((List<?>) m.get("labels"))
                    : Objects.requireNonNull(labels, "missing field 'labels'");
            return new ModelDescription(k, (String) arch, input, l, (String) m.getOrDefault("wikiart_version", "unknown"));
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    /** Label indices are sorted; saved names in another order would silently renumber the outputs. */
    private static LabelIndex labels(List<?> saved) {
        List<String> names = saved.stream().map(Object::toString).toList();
        LabelIndex index = LabelIndex.of(names);
        if (!index.names().equals(names)) {
            throw new IllegalArgumentException("labels must be sorted and distinct, got " + names);
        }
        return index;
    }

    private static Object require(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing field '" + key + "'");
        }
        return v;
    }
}
