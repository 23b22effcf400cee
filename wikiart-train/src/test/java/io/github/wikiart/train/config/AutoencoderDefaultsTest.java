package io.github.wikiart.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The default configuration keeps a real bottleneck (issue 11): at least 48 input values per latent
 * value, as the original's 104 px with latent_divisor 16; counted on the network's own activations.
 * The network is a {@link MultiLayerNetwork}, a chain of layers, so nothing reaches the decoder
 * around the latent.
 */
class AutoencoderDefaultsTest {

    @Test
    void defaultBottleneckHasAtLeast48InputValuesPerLatentValue() {
        int side = DataOptions.defaults().imageSize();
        AutoencoderOptions config = AutoencoderOptions.defaults();
        ConvAutoencoder model = config.model(side, 1);
        MultiLayerNetwork net = model.init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, side, side);
        List<INDArray> acts = net.feedForwardToLayer(ConvAutoencoder.LATENT_LAYER, x, false);
        INDArray latent = acts.get(ConvAutoencoder.LATENT_LAYER + 1);
        long latentValues = latent.length() / 2;
        assertEquals(64, side);
        assertEquals(256, latentValues, "64 x 64 x 3 / 48");
        assertEquals(model.latentDim(), latentValues);
        double ratio = 3.0 * side * side / latentValues;
        assertEquals(ratio, model.compressionRatio(), 1e-12);
        assertTrue(ratio >= 48, "input values per latent value: " + ratio);
    }
}
