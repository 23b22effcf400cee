package io.github.wikiart.train.classifier;

import io.github.wikiart.train.Checkpoints;

import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.train.model.ModelDescription;
import io.github.wikiart.train.model.ModelFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A classifier with everything needed to use it: the network and its {@link ModelDescription}
 * (label index, input preparation), loaded from its model file alone.
 */
public final class TrainedClassifier {
    private final MultiLayerNetwork net;
    private final ModelDescription description;

    /**
     * @param net the network
     * @param description its label index and input preparation
     */
    public TrainedClassifier(MultiLayerNetwork net, ModelDescription description) {
        this.net = net;
        this.description = description;
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
        return load(Checkpoints.file(runDir, which));
    }

    /**
     * Loads a model file; nothing beside it is needed (a file saved before models described
     * themselves needs its run folder's {@code model-info.json} and {@code labels.txt}).
     *
     * @param file a classifier's model file
     * @return the classifier
     * @throws IOException naming the missing or broken file, or when it is not a classifier
     */
    public static TrainedClassifier load(Path file) throws IOException {
        ModelDescription description = ModelFiles.describeNetwork(file, ModelDescription.Kind.CLASSIFIER);
        MultiLayerNetwork net = ModelFiles.loadNetwork(file);
        long outputs = net.layerSize(net.getnLayers() - 1);
        if (outputs != description.labels().size()) {
            throw new IOException(file + ": the model has " + outputs + " outputs but its description lists "
                    + description.labels().size() + " styles");
        }
        return new TrainedClassifier(net, description);
    }

    /** @return the network */
    public MultiLayerNetwork network() {
        return net;
    }

    /** @return the label index */
    public LabelIndex labels() {
        return description.labels();
    }

    /** @return what it is and how inputs are prepared */
    public ModelDescription description() {
        return description;
    }

    /**
     * Class probabilities for a batch already prepared by {@link #description()}'s input.
     *
     * @param images a batch in the model's layout
     * @return {@code [n, classes]} probabilities in label-index order
     */
    public INDArray probabilities(INDArray images) {
        return net.output(images, false);
    }

    /**
     * Class probabilities for one image, prepared as in training.
     *
     * @param image any image
     * @return probabilities in label-index order
     */
    public double[] probabilities(BufferedImage image) {
        return probabilities(description.input().toTensor(image)).toDoubleVector();
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
        return top(probabilities(image), topK);
    }

    /**
     * The most probable styles of one row of {@link #probabilities(INDArray)}.
     *
     * @param probabilities probabilities in label-index order
     * @param topK how many, at least 1
     * @return styles with probabilities, most probable first
     */
    public List<Prediction> top(double[] probabilities, int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1, got " + topK);
        }
        List<Prediction> all = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            all.add(new Prediction(labels().name(i), probabilities[i]));
        }
        all.sort(Comparator.comparingDouble(Prediction::probability).reversed());
        return List.copyOf(all.subList(0, Math.min(topK, all.size())));
    }
}
