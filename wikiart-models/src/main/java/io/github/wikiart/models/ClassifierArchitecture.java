package io.github.wikiart.models;

import io.github.wikiart.data.TensorLayout;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Which classifier network to build and its shape settings, as named in configs. The config keys,
 * their defaults and ranges are declared by {@code ClassifierOptions} in {@code wikiart-train},
 * which builds this record ({@code ClassifierOptions.defaults().architecture()}); the checks here
 * are only the networks' own limits.
 *
 * @param model {@value StyleNet#NAME} (the default), {@value SeedClassifier#NAME} (the original) or
 *     {@value StatsClassifier#NAME} (colour and texture statistics with a small learned head)
 * @param dropout drop probability before the output layer
 * @param width channels of StyleNet's first convolution (ignored by the original)
 * @param gramChannels channels entering StyleNet's Gram pooling (ignored by the original)
 * @param hidden units of StyleNet's and the statistics classifier's hidden dense layer (the original has 300)
 */
public record ClassifierArchitecture(String model, double dropout, int width, int gramChannels, int hidden) {
    /** The model names. */
    public static final List<String> MODELS = List.of(StyleNet.NAME, SeedClassifier.NAME, StatsClassifier.NAME);

    /** Validates, naming the field. */
    public ClassifierArchitecture {
        Objects.requireNonNull(model, "model");
        if (!MODELS.contains(model)) {
            throw new IllegalArgumentException("unknown classifier model '" + model + "'; expected one of " + MODELS);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (width < 1 || gramChannels < 1 || hidden < 1) {
            throw new IllegalArgumentException("width, gramChannels and hidden must be >= 1");
        }
    }

    /**
     * The configuration of the chosen network.
     *
     * @param numClasses output classes
     * @param imageSize input side
     * @param layout input layout
     * @param seed weight-initialisation seed
     * @param updater the optimiser
     * @return the configuration
     */
    public MultiLayerConfiguration conf(int numClasses, int imageSize, TensorLayout layout, long seed, IUpdater updater) {
        if (model.equals(SeedClassifier.NAME)) {
            return SeedClassifier.builder().inputSide(imageSize).numClasses(numClasses).dropout(dropout).seed(seed)
                    .updater(updater).layout(layout).build().conf();
        }
        if (model.equals(StatsClassifier.NAME)) {
            return StatsClassifier.builder().inputSide(imageSize).numClasses(numClasses).hidden(hidden).dropout(dropout)
                    .seed(seed).updater(updater).layout(layout).build().conf();
        }
        return StyleNet.builder().inputSide(imageSize).numClasses(numClasses).width(width).gramChannels(gramChannels)
                .hidden(hidden).dropout(dropout).seed(seed).updater(updater).layout(layout).build().conf();
    }
}
