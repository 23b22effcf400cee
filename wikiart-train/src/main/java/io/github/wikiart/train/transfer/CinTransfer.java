package io.github.wikiart.train.transfer;

import io.github.wikiart.data.AtomicFiles;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.models.transfer.CinTransferNet;
import io.github.wikiart.train.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A trained {@link CinTransferNet}: the default, working transfer method. */
public final class CinTransfer implements TransferModel {
    /** Method name. */
    public static final String METHOD = "cin";
    /** The saved graph inside a run folder. */
    public static final String GRAPH_FILE = "cin-transfer.sdz";

    private final SameDiff sd;
    private final LabelIndex labels;
    private final int side;

    /**
     * @param sd a graph with the network's placeholders and output
     * @param labels the styles
     * @param side image side
     */
    public CinTransfer(SameDiff sd, LabelIndex labels, int side) {
        this.sd = sd;
        this.labels = labels;
        this.side = side;
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public LabelIndex labels() {
        return labels;
    }

    @Override
    public int imageSize() {
        return side;
    }

    @Override
    public INDArray transfer(INDArray images, int[] targetStyles) {
        if (images.size(0) != targetStyles.length) {
            throw new IllegalArgumentException(images.size(0) + " images but " + targetStyles.length + " target styles");
        }
        INDArray oneHot = Nd4j.zeros(images.dataType(), targetStyles.length, labels.size());
        for (int i = 0; i < targetStyles.length; i++) {
            oneHot.putScalar(i, targetStyles[i], 1.0);
        }
        Map<String, INDArray> in = new LinkedHashMap<>();
        in.put(CinTransferNet.INPUT, images);
        in.put(CinTransferNet.STYLE, oneHot);
        return sd.output(in, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT);
    }

    @Override
    public void save(Path runDir) throws IOException {
        Path tmp = Files.createTempFile(runDir, ".cin", ".tmp");
        try {
            sd.save(tmp.toFile(), false);
            AtomicFiles.write(runDir.resolve(GRAPH_FILE), out -> Files.copy(tmp, out));
        } finally {
            Files.deleteIfExists(tmp);
        }
        labels.write(runDir.resolve(LabelIndex.FILE_NAME));
    }

    /**
     * @param runDir a run folder written by {@link #save(Path)}
     * @return the model
     * @throws IOException naming a missing or broken file
     */
    public static CinTransfer load(Path runDir) throws IOException {
        Path graph = runDir.resolve(GRAPH_FILE);
        if (!Files.isRegularFile(graph)) {
            throw new java.nio.file.NoSuchFileException(graph.toString(), null, "no cin transfer model in this run");
        }
        Map<String, Object> info = Json.read(runDir.resolve(TransferModels.INFO));
        SameDiff sd;
        try {
            sd = SameDiff.load(graph.toFile(), false);
        } catch (RuntimeException e) {
            throw new IOException(graph + ": cannot load: " + e.getMessage(), e);
        }
        return new CinTransfer(sd, LabelIndex.read(runDir.resolve(LabelIndex.FILE_NAME)),
                ((Number) info.get("image_size")).intValue());
    }
}
