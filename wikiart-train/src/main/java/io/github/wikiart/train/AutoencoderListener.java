package io.github.wikiart.train;

import java.io.IOException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Receives the events of an autoencoder training run. All methods have empty defaults. */
public interface AutoencoderListener extends ProgressListener {
    /**
     * @param result the epoch's numbers
     * @param net the network after the epoch
     * @param best whether this epoch has the lowest test loss so far
     * @throws IOException when the listener fails to write what it writes
     */
    default void onEpochEnd(AutoencoderEpoch result, MultiLayerNetwork net, boolean best) throws IOException {
    }
}
