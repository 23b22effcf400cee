package io.github.wikiart.train.transfer;

import io.github.wikiart.train.LearningRateSchedule;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to train a style-transfer model ({@code transfer.*} in configs).
 *
 * @param method {@code cin} (the working method, default) or {@code seed} (the original)
 * @param epochs passes over the training images (for {@code seed}: per step)
 * @param batchSize images per step
 * @param learningRate Adam's learning rate
 * @param width channels of the first layer of the {@code cin} network
 * @param styleWeight weight of the Gram-matrix style loss
 * @param contentWeight weight of the content loss; NaN for the method's default ({@link #effectiveContentWeight()})
 * @param styleLayers {@code seed}: the encoder layers (1..3) whose Gram matrices are compared
 * @param embedDim {@code seed}: size of the style embedding
 * @param autoencoderRun {@code seed}: a trained autoencoder run to start from, or null to train one
 * @param upsample {@code cin}: nearest upsampling + convolution instead of a transposed convolution
 * @param residual {@code cin}: the network outputs a change of its input, starting as the identity
 * @param features {@code cin}: where the loss features come from
 * @param featureEpochs {@code cin} with trained features: passes that train them
 * @param content {@code cin}: a folder of images to restyle in training, or null for the training images
 * @param schedule {@code cin}: how the learning rate changes from epoch to epoch
 */
public record TransferOptions(String method, int epochs, int batchSize, double learningRate, int width,
                              double styleWeight, double contentWeight, List<Integer> styleLayers, int embedDim,
                              Path autoencoderRun, boolean upsample, boolean residual,
                              CinTransferOptions.Features features,
                              int featureEpochs, Path content, LearningRateSchedule schedule) {
    /** The {@code cin} method's default style weight with trained features (relative errors). */
    public static final double CIN_STYLE_WEIGHT = 10.0;
    /** The {@code cin} method's default content weight with trained features (relative errors). */
    public static final double CIN_CONTENT_WEIGHT = 1.0;
    /** The {@code cin} method's default style weight with random features (absolute errors). */
    public static final double CIN_RANDOM_STYLE_WEIGHT = 1e6;
    /** The {@code cin} method's default content weight with random features (absolute errors). */
    public static final double CIN_RANDOM_CONTENT_WEIGHT = 5.0;
    /** The method names. */
    public static final List<String> METHODS = List.of(CinTransfer.METHOD, "seed");

    /** Validates, naming the field. */
    public TransferOptions {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(schedule, "schedule");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown transfer method '" + method + "'; expected one of " + METHODS);
        }
        styleLayers = List.copyOf(styleLayers);
        if (epochs < 1 || batchSize < 1 || width < 1 || embedDim < 1 || featureEpochs < 1) {
            throw new IllegalArgumentException("epochs, batchSize, width, embedDim and featureEpochs must be >= 1");
        }
        if (!(learningRate > 0) || !(styleWeight >= 0 || Double.isNaN(styleWeight))
                || !(contentWeight >= 0 || Double.isNaN(contentWeight))) {
            throw new IllegalArgumentException("learningRate must be > 0 and the weights >= 0");
        }
        for (int l : styleLayers) {
            if (l < 1 || l > 3) {
                throw new IllegalArgumentException("style layers must be in 1..3, got " + l);
            }
        }
    }

    /**
     * The content weight in use: as given, or the method's default when NaN: for {@code cin}
     * {@value #CIN_RANDOM_CONTENT_WEIGHT} with random features and {@value #CIN_CONTENT_WEIGHT} with
     * trained ones (see docs/transfer.md), for {@code seed} 1 (the original's default).
     *
     * @return the weight
     */
    public double effectiveContentWeight() {
        return weightOrDefault(contentWeight, 1.0, CIN_RANDOM_CONTENT_WEIGHT, CIN_CONTENT_WEIGHT);
    }

    /**
     * The style weight in use: as given, or the method's default when NaN: for {@code cin}
     * {@value #CIN_RANDOM_STYLE_WEIGHT} with random features and {@value #CIN_STYLE_WEIGHT} with
     * trained ones (see docs/transfer.md), for {@code seed} 1e6 (the original's default).
     *
     * @return the weight
     */
    public double effectiveStyleWeight() {
        return weightOrDefault(styleWeight, 1e6, CIN_RANDOM_STYLE_WEIGHT, CIN_STYLE_WEIGHT);
    }

    /** A weight as given, or, when NaN (auto), the default of the method and its features. */
    private double weightOrDefault(double given, double seedDefault, double cinRandomDefault,
                                   double cinTrainedDefault) {
        if (!Double.isNaN(given)) {
            return given;
        }
        if (!method.equals(CinTransfer.METHOD)) {
            return seedDefault;
        }
        return features == CinTransferOptions.Features.TRAINED ? cinTrainedDefault : cinRandomDefault;
    }
}
