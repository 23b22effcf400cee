package io.github.wikiart.train;

import io.github.wikiart.data.ImageDecoder;
import io.github.wikiart.data.ImageResizer;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.TensorLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A classifier loaded from a run folder with everything needed to use it: the network, its label
 * index ({@code labels.txt}) and how its inputs are prepared ({@code model-info.json}).
 */
public final class TrainedClassifier {
    private final MultiLayerNetwork net;
    private final LabelIndex labels;
    private final ModelInfo info;

    /**
     * @param net the network
     * @param labels its label index
     * @param info its input preparation
     */
    public TrainedClassifier(MultiLayerNetwork net, LabelIndex labels, ModelInfo info) {
        this.net = net;
        this.labels = labels;
        this.info = info;
    }

    /**
     * Loads a checkpoint of a run.
     *
     * @param runDir the run folder
     * @param which best or last
     * @return the classifier
     * @throws IOException naming the missing or broken file
     */
    public static TrainedClassifier load(Path runDir, Checkpoints.Which which) throws IOException {
        LabelIndex labels = LabelIndex.read(runDir.resolve(LabelIndex.FILE_NAME));
        ModelInfo info = ModelInfo.read(runDir.resolve(ModelInfo.FILE_NAME));
        MultiLayerNetwork net = Checkpoints.load(runDir, which);
        long outputs = net.layerSize(net.getnLayers() - 1);
        if (outputs != labels.size()) {
            throw new IOException(runDir + ": the model has " + outputs + " outputs but labels.txt lists "
                    + labels.size() + " styles");
        }
        return new TrainedClassifier(net, labels, info);
    }

    /** @return the network */
    public MultiLayerNetwork network() {
        return net;
    }

    /** @return the label index */
    public LabelIndex labels() {
        return labels;
    }

    /** @return how inputs are prepared */
    public ModelInfo info() {
        return info;
    }

    /**
     * Class probabilities for one image, prepared as in training.
     *
     * @param image any image
     * @return probabilities in label-index order
     */
    public double[] probabilities(BufferedImage image) {
        byte[] rgb = new ImageResizer(info.imageSize(), info.resize()).resizeToBytes(ImageDecoder.toRgb(image));
        int side = info.imageSize();
        float[] hwc = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            hwc[i] = (rgb[i] & 0xFF) / 255f;
        }
        INDArray x = Nd4j.create(hwc, new long[] {1, side, side, 3}, 'c');
        if (info.layout() == TensorLayout.NCHW) {
            x = x.permute(0, 3, 1, 2).dup('c');
        }
        return net.output(x, false).toDoubleVector();
    }

    /**
     * The most probable styles for one image.
     *
     * @param image any image
     * @param topK how many, at least 1
     * @return styles with probabilities, most probable first
     */
    public List<Prediction> predict(BufferedImage image, int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1, got " + topK);
        }
        double[] p = probabilities(image);
        List<Prediction> all = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            all.add(new Prediction(labels.name(i), p[i]));
        }
        all.sort(Comparator.comparingDouble(Prediction::probability).reversed());
        return all.subList(0, Math.min(topK, all.size()));
    }
}
