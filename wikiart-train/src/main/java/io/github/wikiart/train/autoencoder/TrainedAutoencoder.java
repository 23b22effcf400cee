package io.github.wikiart.train.autoencoder;

import io.github.wikiart.train.Checkpoints;

import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.train.model.ModelDescription;
import io.github.wikiart.train.model.ModelFiles;
import io.github.wikiart.models.ConvAutoencoder;
import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An autoencoder with its {@link ModelDescription} (label index of its data, input preparation),
 * usable without the configuration it was trained with; loaded from its model file alone.
 */
public final class TrainedAutoencoder {
    private final MultiLayerNetwork net;
    private final ModelDescription description;

    /**
     * @param net the network
     * @param description its label index and input preparation
     */
    public TrainedAutoencoder(MultiLayerNetwork net, ModelDescription description) {
        this.net = net;
        this.description = description;
    }

    /**
     * @param runDir a run folder of {@code autoencoder train}
     * @param which the checkpoint
     * @return the model
     * @throws IOException naming a missing or broken file
     */
    public static TrainedAutoencoder load(Path runDir, Checkpoints.Which which) throws IOException {
        return load(Checkpoints.file(runDir, which));
    }

    /**
     * Loads a model file; nothing beside it is needed (a file saved before models described
     * themselves needs its run folder's {@code model-info.json} and {@code labels.txt}).
     *
     * @param file an autoencoder's model file
     * @return the model
     * @throws IOException naming the missing or broken file, or when it is not an autoencoder
     */
    public static TrainedAutoencoder load(Path file) throws IOException {
        ModelDescription description = ModelFiles.describeNetwork(file, ModelDescription.Kind.AUTOENCODER);
        return new TrainedAutoencoder(ModelFiles.loadNetwork(file), description);
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
     * @param images a batch in the model's layout, pixels in [0, 1]
     * @return the reconstructions, same shape
     */
    public INDArray reconstruct(INDArray images) {
        return ConvAutoencoder.unflatten(net.output(images, false), description.imageSize(), description.layout());
    }

    /**
     * @param images a batch in the model's layout
     * @return the latent codes, one row per image (a spatial latent flattened row-major in the
     *     model's layout)
     */
    public double[][] latents(INDArray images) {
        INDArray z = net.feedForwardToLayer(ConvAutoencoder.LATENT_LAYER, images, false)
                .get(ConvAutoencoder.LATENT_LAYER + 1);
        return ConvAutoencoder.flatten(z).toDoubleMatrix();
    }
}
