package io.github.wikiart.train;

import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.models.ConvAutoencoder;
import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An autoencoder loaded from a run folder, with its label index and input preparation, usable
 * without the configuration it was trained with.
 */
public final class TrainedAutoencoder {
    private final MultiLayerNetwork net;
    private final LabelIndex labels;
    private final ModelInfo info;

    /**
     * @param net the network
     * @param labels the label index of its data
     * @param info its input preparation
     */
    public TrainedAutoencoder(MultiLayerNetwork net, LabelIndex labels, ModelInfo info) {
        this.net = net;
        this.labels = labels;
        this.info = info;
    }

    /**
     * @param runDir a run folder of {@code autoencoder train}
     * @param which the checkpoint
     * @return the model
     * @throws IOException naming a missing or broken file
     */
    public static TrainedAutoencoder load(Path runDir, Checkpoints.Which which) throws IOException {
        return new TrainedAutoencoder(Checkpoints.load(runDir, which),
                LabelIndex.read(runDir.resolve(LabelIndex.FILE_NAME)), ModelInfo.read(runDir.resolve(ModelInfo.FILE_NAME)));
    }

    /** @return the network */
    public MultiLayerNetwork network() {
        return net;
    }

    /** @return the label index */
    public LabelIndex labels() {
        return labels;
    }

    /** @return the input preparation */
    public ModelInfo info() {
        return info;
    }

    /**
     * @param images a batch in the model's layout, pixels in [0, 1]
     * @return the reconstructions, same shape
     */
    public INDArray reconstruct(INDArray images) {
        return ConvAutoencoder.unflatten(net.output(images, false), info.imageSize(), info.layout());
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
