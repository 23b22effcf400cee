package io.github.wikiart.train.transfer.seed;

import io.github.wikiart.data.AtomicFiles;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.model.ModelDescription;
import io.github.wikiart.train.model.ModelFiles;
import io.github.wikiart.train.transfer.TransferModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The original project's style-embedding transfer ({@code seed}): a style-conditioned encoder
 * whose flattened convolution output is concatenated with a learned style representation of the
 * target label, decoded by the (fine-tuned) decoder of a trained autoencoder. Faithful to the
 * original, including its finding that the output barely depends on the target style.
 * Trained by {@link SeedTransferTrainer}.
 */
public final class SeedTransfer implements TransferModel {
    /** The method name. */
    public static final String METHOD = "seed";
    /** The graph inside a model file, and in older run folders. */
    public static final String GRAPH_FILE = "seed-transfer.sdz";
    /** The training settings and history inside a model file, and in older run folders. */
    public static final String META_FILE = "seed-transfer.json";

    private final SameDiff sd;
    private final ModelDescription description;
    private final int imageSize;
    private final SeedTransferOptions options;
    private final History history;

    /**
     * Mean loss of every epoch of both training steps.
     *
     * @param step1 step 1 (embedder against the frozen decoder) losses, one per epoch
     * @param step2 step 2 (joint, weighted content + style) losses, one per epoch
     */
    public record History(List<Double> step1, List<Double> step2) {
        /** Copies. */
        public History {
            step1 = List.copyOf(step1);
            step2 = List.copyOf(step2);
        }
    }

    SeedTransfer(SameDiff sd, LabelIndex labels, ModelInput input, SeedTransferOptions options, History history) {
        this(sd, ModelDescription.of(ModelDescription.Kind.TRANSFER, METHOD, input, labels), options, history);
    }

    private SeedTransfer(SameDiff sd, ModelDescription description, SeedTransferOptions options, History history) {
        this.sd = Objects.requireNonNull(sd, "sd");
        this.description = Objects.requireNonNull(description, "description");
        this.imageSize = description.imageSize();
        this.options = Objects.requireNonNull(options, "options");
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    public ModelDescription description() {
        return description;
    }

    /** @return the settings it was trained with */
    public SeedTransferOptions options() {
        return options;
    }

    /** @return the per-epoch training losses */
    public History history() {
        return history;
    }

    /** @return the underlying graph (names in {@link SeedGraph}) */
    public SameDiff graph() {
        return sd;
    }

    @Override
    public INDArray transfer(INDArray images, int[] targetStyles) {
        return run(images, targetStyles, SeedGraph.TRANSFER_CLAMPED);
    }

    /**
     * The ported autoencoder's reconstruction (no style conditioning), for comparisons.
     *
     * @param images {@code [b, s, s, 3]}, pixels in [0, 1]
     * @return the reconstructions, unclamped
     */
    public INDArray reconstruct(INDArray images) {
        return run(images, new int[(int) images.size(0)], SeedGraph.AE_RECON);
    }

    private INDArray run(INDArray images, int[] targetStyles, String output) {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(targetStyles, "targetStyles");
        if (images.rank() != 4 || images.size(1) != imageSize || images.size(2) != imageSize || images.size(3) != 3) {
            throw new IllegalArgumentException("images must be [b, " + imageSize + ", " + imageSize + ", 3] (NHWC), got "
                    + java.util.Arrays.toString(images.shape()));
        }
        if (targetStyles.length != images.size(0)) {
            throw new IllegalArgumentException("need one target style per image: " + images.size(0) + " images, "
                    + targetStyles.length + " styles");
        }
        DataType type = sd.getVariable(SeedGraph.IMAGE).dataType();
        Map<String, INDArray> ph = Map.of(SeedGraph.IMAGE, images.castTo(type),
                SeedGraph.STYLE, oneHot(targetStyles, labels().size(), type));
        return sd.output(ph, output).get(output);
    }

    /**
     * @param styles style indices
     * @param classes number of styles
     * @param type data type
     * @return {@code [n, classes]} one-hot rows
     */
    static INDArray oneHot(int[] styles, int classes, DataType type) {
        INDArray m = Nd4j.zeros(type, styles.length, classes);
        for (int i = 0; i < styles.length; i++) {
            if (styles[i] < 0 || styles[i] >= classes) {
                throw new IllegalArgumentException("target style " + styles[i] + " out of range 0.." + (classes - 1));
            }
            m.putScalar(i, styles[i], 1.0);
        }
        return m;
    }

    @Override
    public void saveModel(Path file) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", METHOD);
        m.put("image_size", imageSize);
        m.put("labels", labels().names());
        m.put("options", options.toMap());
        m.put("image_placeholder", SeedGraph.IMAGE);
        m.put("style_placeholder", SeedGraph.STYLE);
        m.put("output", SeedGraph.TRANSFER_CLAMPED);
        m.put("step1_epoch_losses", history.step1());
        m.put("step2_epoch_losses", history.step2());
        byte[] meta = Json.toText(m).getBytes(StandardCharsets.UTF_8);
        Map<String, AtomicFiles.Writer> entries = new LinkedHashMap<>();
        entries.put(META_FILE, out -> out.write(meta));
        entries.put(GRAPH_FILE, out -> sd.save(out, true));
        ModelFiles.writeArchive(file, description, entries);
    }

    /**
     * Loads what {@link #saveModel(Path)} wrote.
     *
     * @param file the model file
     * @param description its description
     * @return the model
     * @throws IOException naming a missing or broken file
     */
    public static SeedTransfer read(Path file, ModelDescription description) throws IOException {
        Map<String, Object> m = ModelFiles.readEntry(file, META_FILE, in -> Json.read(in, file + "!" + META_FILE));
        return of(m, description, ModelFiles.readEntry(file, GRAPH_FILE, in -> SameDiff.load(in, true)), file);
    }

    /**
     * Loads a run folder saved before models described themselves ({@value #GRAPH_FILE} and
     * {@value #META_FILE} beside {@code transfer-info.json}).
     *
     * @param runDir the run folder
     * @param input how its images are prepared
     * @return the model
     * @throws IOException naming a missing or broken file
     */
    public static SeedTransfer readLegacy(Path runDir, ModelInput input) throws IOException {
        Path meta = runDir.resolve(META_FILE);
        Path graph = runDir.resolve(GRAPH_FILE);
        for (Path p : List.of(meta, graph)) {
            if (!Files.isRegularFile(p)) {
                throw new NoSuchFileException(p.toString(), null, "not a seed transfer run");
            }
        }
        Map<String, Object> m = Json.read(meta);
        SameDiff sd;
        try (InputStream in = Files.newInputStream(graph)) {
            sd = SameDiff.load(in, true);
        } catch (RuntimeException e) {
            throw new IOException(graph + ": cannot load the seed transfer: " + e.getMessage(), e);
        }
        try {
            List<String> names = ((List<?>) m.get("labels")).stream().map(Object::toString).toList();
            ModelDescription description = ModelDescription.of(ModelDescription.Kind.TRANSFER, METHOD, input,
                    LabelIndex.of(names));
            return of(m, description, sd, runDir);
        } catch (RuntimeException e) {
            throw new IOException(runDir + ": cannot load the seed transfer: " + e.getMessage(), e);
        }
    }

    private static SeedTransfer of(Map<String, Object> m, ModelDescription description, SameDiff sd, Path source)
            throws IOException {
        try {
            if (!METHOD.equals(m.get("method"))) {
                throw new IllegalArgumentException("method is '" + m.get("method") + "', expected '" + METHOD + "'");
            }
            SeedTransferOptions options = SeedTransferOptions.fromMap((Map<?, ?>) m.get("options"));
            History h = new History(doubles(m.get("step1_epoch_losses")), doubles(m.get("step2_epoch_losses")));
            return new SeedTransfer(sd, description, options, h);
        } catch (RuntimeException e) {
            throw new IOException(source + ": cannot load the seed transfer: " + e.getMessage(), e);
        }
    }

    private static List<Double> doubles(Object o) {
        return o == null ? List.of() : ((List<?>) o).stream().map(v -> ((Number) v).doubleValue()).toList();
    }
}
