package io.github.wikiart.models;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;

/**
 * The configuration settings every network of this module starts from: seed, data type, updater,
 * workspaces on, and whether the forward pass's pre-activations are cached for the backward pass
 * ({@link CacheMode#DEVICE}). Without the cache DL4J runs every convolution's forward pass a
 * second time during backpropagation; with it, training gives the same parameters (tested) about
 * 10-15 % faster (BENCHMARKS.md). The NHWC autoencoder keeps the cache off: cached and uncached
 * training once differed there, but the difference came from DL4J's garbage first-layer gradient
 * on a new network's first backward pass (now avoided, see {@code ConvAutoencoder}); with it gone
 * both give the same parameters ({@code NetworkDefaultsTest}). The cache stays off there until its
 * speed is measured.
 */
final class NetworkDefaults {
    private NetworkDefaults() {
    }

    /**
     * @param settings seed, data type and updater
     * @param cacheForward whether to cache pre-activations for backpropagation (see above for when not)
     * @return a configuration builder with this module's defaults
     */
    static NeuralNetConfiguration.Builder configuration(NetworkSettings settings, boolean cacheForward) {
        NativeBackend.prepare();
        return new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(settings.dataType())
                .updater(settings.updater())
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .cacheMode(cacheForward ? CacheMode.DEVICE : CacheMode.NONE);
    }
}
