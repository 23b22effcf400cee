package io.github.wikiart.train.transfer;

import io.github.wikiart.data.ImageDecoder;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.RgbPixels;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.NativeBackend;
import io.github.wikiart.models.transfer.CinArchitecture;
import io.github.wikiart.models.transfer.CinTransferNet;
import io.github.wikiart.train.model.ModelDescription;
import io.github.wikiart.train.model.ModelFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
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
    /** The network rebuilt for the last size asked of {@link #transferAtOwnSize}, reused for the next image of that size. */
    private SizedGraph sized;

    private record SizedGraph(int height, int width, SameDiff graph) {
    }

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
    public boolean anySize() {
        return true;
    }

    /**
     * Runs the network at the image's own size: the image is padded on the right and bottom by
     * repeating its edge pixels up to a multiple of {@link CinTransferNet#STRIDE} (and at least
     * {@link CinTransferNet#MIN_SIDE}), the network is rebuilt for that size with the trained
     * weights ({@link CinArchitecture#atSize}), and the result is cropped back. Instance
     * normalisation then takes its statistics over the whole picture at this size, as in
     * training it took them over the whole (smaller) picture.
     */
    @Override
    public synchronized BufferedImage transferAtOwnSize(BufferedImage image, int targetStyle) {
        BufferedImage rgb = ImageDecoder.toRgb(image);
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int pw = padded(w);
        int ph = padded(h);
        if (sized == null || sized.height() != ph || sized.width() != pw) {
            sized = new SizedGraph(ph, pw, CinArchitecture.of(sd).atSize(sd, ph, pw));
        }
        float[] pixels = new float[3 * pw * ph];
        RgbPixels.of(EdgePadding.pad(rgb, pw, ph)).toFloats(pw * ph, TensorLayout.NHWC, pixels);
        INDArray x = Nd4j.create(pixels, new long[] {1, ph, pw, 3}, DataType.FLOAT);
        DataType type = sized.graph().getVariable(CinTransferNet.INPUT).dataType();
        Map<String, INDArray> in = new LinkedHashMap<>();
        in.put(CinTransferNet.INPUT, x.castTo(type));
        in.put(CinTransferNet.STYLE, oneHot(targetStyle, type));
        INDArray out = sized.graph().output(in, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT);
        BufferedImage result = RgbPixels.toImage(out.castTo(DataType.FLOAT).dup('c').reshape(out.length())
                .toFloatVector(), pw, ph, TensorLayout.NHWC);
        return pw == w && ph == h ? result : EdgePadding.crop(result, w, h);
    }

    private static int padded(int side) {
        int stride = CinTransferNet.STRIDE;
        return Math.max(CinTransferNet.MIN_SIDE, (side + stride - 1) / stride * stride);
    }

    private INDArray oneHot(int targetStyle, DataType type) {
        if (targetStyle < 0 || targetStyle >= labels().size()) {
            throw new IllegalArgumentException("target style " + targetStyle + " out of range 0.."
                    + (labels().size() - 1));
        }
        INDArray oneHot = Nd4j.zeros(type, 1, labels().size());
        oneHot.putScalar(0, targetStyle, 1.0);
        return oneHot;
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
        NativeBackend.prepare();
        try {
            return SameDiff.load(in, false);
        } catch (RuntimeException e) {
            throw new IOException(source + ": cannot load: " + e.getMessage(), e);
        }
    }
}
