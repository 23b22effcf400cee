package io.github.wikiart.train.transfer;

import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.models.transfer.CinTransferNet;
import io.github.wikiart.train.model.ModelDescription;
import io.github.wikiart.train.model.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A trained {@link CinTransferNet}: the default, working transfer method. */
public final class CinTransfer implements TransferModel {
    /** Method name. */
    public static final String METHOD = "cin";
    /** The graph inside a model file, and beside {@code transfer-info.json} in older run folders. */
    public static final String GRAPH_FILE = "cin-transfer.sdz";

    private final SameDiff sd;
    private final ModelDescription description;

    /**
     * @param sd a graph with the network's placeholders and output
     * @param labels the styles
     * @param input how its images are prepared (NHWC)
     */
    public CinTransfer(SameDiff sd, LabelIndex labels, ModelInput input) {
        this(sd, ModelDescription.of(ModelDescription.Kind.TRANSFER, METHOD, input, labels));
    }

    private CinTransfer(SameDiff sd, ModelDescription description) {
        this.sd = Objects.requireNonNull(sd, "sd");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public ModelDescription description() {
        return description;
    }

    @Override
    public INDArray transfer(INDArray images, int[] targetStyles) {
        if (images.size(0) != targetStyles.length) {
            throw new IllegalArgumentException(images.size(0) + " images but " + targetStyles.length + " target styles");
        }
        INDArray oneHot = Nd4j.zeros(images.dataType(), targetStyles.length, labels().size());
        for (int i = 0; i < targetStyles.length; i++) {
            oneHot.putScalar(i, targetStyles[i], 1.0);
        }
        Map<String, INDArray> in = new LinkedHashMap<>();
        in.put(CinTransferNet.INPUT, images);
        in.put(CinTransferNet.STYLE, oneHot);
        return sd.output(in, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT);
    }

    @Override
    public void saveModel(Path file) throws IOException {
        Map<String, io.github.wikiart.data.AtomicFiles.Writer> entries = new LinkedHashMap<>();
        entries.put(GRAPH_FILE, out -> sd.save(out, false));
        ModelFiles.writeArchive(file, description, entries);
    }

    /**
     * @param file a model file written by {@link #saveModel(Path)}
     * @param description its description
     * @return the model
     * @throws IOException naming a missing or broken file
     */
    static CinTransfer read(Path file, ModelDescription description) throws IOException {
        return new CinTransfer(ModelFiles.readEntry(file, GRAPH_FILE, in -> load(in, file)), description);
    }

    /**
     * Loads a run folder saved before models described themselves ({@value #GRAPH_FILE} beside
     * {@code transfer-info.json}).
     *
     * @param runDir the run folder
     * @param description its description, put together from the files beside the graph
     * @return the model
     * @throws IOException naming a missing or broken file
     */
    static CinTransfer readLegacy(Path runDir, ModelDescription description) throws IOException {
        Path graph = runDir.resolve(GRAPH_FILE);
        if (!Files.isRegularFile(graph)) {
            throw new java.nio.file.NoSuchFileException(graph.toString(), null, "no cin transfer model in this run");
        }
        try (java.io.InputStream in = Files.newInputStream(graph)) {
            return new CinTransfer(load(in, graph), description);
        }
    }

    private static SameDiff load(java.io.InputStream in, Path source) throws IOException {
        try {
            return SameDiff.load(in, false);
        } catch (RuntimeException e) {
            throw new IOException(source + ": cannot load: " + e.getMessage(), e);
        }
    }
}
