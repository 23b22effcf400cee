package io.github.wikiart.models;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;

/**
 * The configuration settings every network of this module starts from: seed, data type, updater,
 * workspaces on, and whether the forward pass's pre-activations are cached for the backward pass
 * ({@link CacheMode#DEVICE}). Without the cache DL4J runs every convolution's forward pass a
 * second time during backpropagation; with it, training gives the same parameters (tested) about
 * 10-15 % faster (BENCHMARKS.md). DL4J 1.0.0-M2.1 applies a cached pre-activation in the wrong
 * layout when a convolution in NHWC has a non-identity activation (its gradients come out wrong;
 * {@code NetworkDefaultsTest} shows it), so such networks must not use the cache.
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
        OneDnn.ensureEnabled();
        return new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(settings.dataType())
                .updater(settings.updater())
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .cacheMode(cacheForward ? CacheMode.DEVICE : CacheMode.NONE);
    }
}
