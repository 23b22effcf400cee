package io.github.wikiart.train.transfer;

import io.github.wikiart.models.transfer.StyleLosses;
import io.github.wikiart.train.LearningRateSchedule;
import java.util.Objects;

/**
 * Settings of the conditional-instance-normalisation transfer ({@code transfer.method: cin}).
 *
 * @param width channels of the network's first layer
 * @param styleWeight weight of the style loss (each layer's Gram error relative to the size of its targets)
 * @param contentWeight weight of the content loss (the feature error relative to the size of the features)
 * @param epochs passes over the content images
 * @param batchSize images per step
 * @param learningRate Adam's learning rate
 * @param seed seed of the weights, the loss features and the random target styles
 * @param upsample nearest upsampling + convolution in the decoder instead of a transposed convolution
 * @param residual the network outputs a change of its input, starting as the identity
 * @param features where the loss features come from
 * @param featureEpochs passes over the training images when the loss features are trained
 * @param schedule how the learning rate changes from epoch to epoch
 * @param styleTargets what statistics a transfer to a style is pulled towards
 * @param colourMap a per-style pointwise colour map beside the convolutional change (residual networks only)
 * @param histogramWeight weight of the colour-distribution loss (0: none)
 * @param classifierWeight weight of the classifier loss (0: none; needs trained features): the
 *     cross-entropy of the target style under the linear classifier of the Gram matrices trained
 *     with the loss features
 * @param histogramChannels the colour directions whose distributions the colour-distribution loss compares
 * @param textureWeight weight of the texture-distribution loss (0: none): the distributions of the
 *     luminance differences between pixels 1, 2 and 4 px apart ({@link StyleLosses#textureCdf})
 * @param positionChannels the decoder also sees fixed stripes of the pixel coordinates
 *     ({@link io.github.wikiart.models.transfer.CinTransferNet#gridPatterns}), so that it can draw
 *     textures aligned to a grid
 * @param greyContent the content loss compares the loss features of the grey (luminance) versions
 *     of output and input, so that a change of colour alone costs nothing
 * @param balanceStyles each style's statistic errors, and its paired errors, weighted so that every
 *     style counts alike (needs {@link StyleTargets#SHIFT}, {@link StyleTargets#QUANTILE} or
 *     {@link StyleTargets#PAIRED} targets, or the paired loss; see {@code CinTransferTrainer.balance};
 *     paired targets are weighted like the paired errors)
 * @param adversarialWeight weight of the adversarial loss (0: none; needs trained features): the
 *     cross-entropy of the target style under a critic that keeps learning to tell the transfer's
 *     outputs from the training images (see {@code AdversarialCritic})
 * @param pairedWeight weight of the paired loss (0: none): the mean absolute difference of each
 *     output from the true rendering of its input in its target style, where the training images
 *     hold one ({@link PairedRenderings})
 * @param residualBlocks residual blocks of the network
 *     ({@link io.github.wikiart.models.transfer.CinTransferNet#RESIDUAL_BLOCKS} by default)
 * @param globalContext the decoder's last features are scaled and shifted per image by a small
 *     network of the input's colour statistics and the style
 *     ({@link io.github.wikiart.models.transfer.CinArchitecture#globalContext})
 */
public record CinTransferOptions(int width, double styleWeight, double contentWeight, int epochs, int batchSize,
                                 double learningRate, long seed, boolean upsample, boolean residual, Features features,
                                 int featureEpochs, LearningRateSchedule schedule, StyleTargets styleTargets,
                                 boolean colourMap, double histogramWeight, double classifierWeight,
                                 StyleLosses.ColourChannels histogramChannels, double textureWeight,
                                 boolean positionChannels, boolean greyContent, boolean balanceStyles,
                                 double adversarialWeight, double pairedWeight, int residualBlocks,
                                 boolean globalContext) {
    /** What statistics a transfer to a style is pulled towards. */
    public enum StyleTargets {
        /**
         * The mean over the style's training images of each style layer's Gram matrix, the same for
         * every input: the method's first version.
         */
        CLASS,
        /**
         * The input's own Gram matrices moved by the style's mean change: the mean over the style's
         * training images minus the mean over the content images. A style that changes little asks
         * for little change, whatever the input's colours and textures.
         */
        SHIFT,
        /**
         * The input's own statistics through the style's quantile map
         * ({@link io.github.wikiart.models.transfer.QuantileMap}): each statistic moved from its
         * distribution over the content images to its distribution over the style's training
         * images. Like {@link #SHIFT} it asks little of a style that changes little; unlike it, a
         * style whose images agree on a statistic (grey, a single hue) sends every input there.
         */
        QUANTILE,
        /**
         * The statistics of the input's own true rendering in the target style, where the training
         * images hold one ({@link PairedRenderings}): the texture and palette of that very picture,
         * which a pixel loss alone averages away (a random spread asks for its mean, a blur). A
         * sample without a rendering adds nothing to these terms.
         */
        PAIRED;

        /** @return the config spelling */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Options with the first version's style targets ({@link StyleTargets#CLASS}) and no colour map.
     *
     * @param width channels of the network's first layer
     * @param styleWeight weight of the style loss
     * @param contentWeight weight of the content loss
     * @param epochs passes over the content images
     * @param batchSize images per step
     * @param learningRate Adam's learning rate
     * @param seed seed of the weights, the loss features and the random target styles
     * @param upsample nearest upsampling + convolution in the decoder
     * @param residual the network outputs a change of its input
     * @param features where the loss features come from
     * @param featureEpochs passes over the training images when the loss features are trained
     * @param schedule how the learning rate changes from epoch to epoch
     */
    public CinTransferOptions(int width, double styleWeight, double contentWeight, int epochs, int batchSize,
                              double learningRate, long seed, boolean upsample, boolean residual, Features features,
                              int featureEpochs, LearningRateSchedule schedule) {
        this(width, styleWeight, contentWeight, epochs, batchSize, learningRate, seed, upsample, residual, features,
                featureEpochs, schedule, StyleTargets.CLASS, false, 0);
    }

    /**
     * Options without the classifier loss.
     *
     * @param width channels of the network's first layer
     * @param styleWeight weight of the style loss
     * @param contentWeight weight of the content loss
     * @param epochs passes over the content images
     * @param batchSize images per step
     * @param learningRate Adam's learning rate
     * @param seed seed of the weights, the loss features and the random target styles
     * @param upsample nearest upsampling + convolution in the decoder
     * @param residual the network outputs a change of its input
     * @param features where the loss features come from
     * @param featureEpochs passes over the training images when the loss features are trained
     * @param schedule how the learning rate changes from epoch to epoch
     * @param styleTargets what statistics a transfer to a style is pulled towards
     * @param colourMap a per-style pointwise colour map (residual networks only)
     * @param histogramWeight weight of the colour-distribution loss (0: none)
     */
    public CinTransferOptions(int width, double styleWeight, double contentWeight, int epochs, int batchSize,
                              double learningRate, long seed, boolean upsample, boolean residual, Features features,
                              int featureEpochs, LearningRateSchedule schedule, StyleTargets styleTargets,
                              boolean colourMap, double histogramWeight) {
        this(width, styleWeight, contentWeight, epochs, batchSize, learningRate, seed, upsample, residual, features,
                featureEpochs, schedule, styleTargets, colourMap, histogramWeight, 0, StyleLosses.ColourChannels.RGBY, 0,
                false, false, false);
    }

    /**
     * Options without position channels.
     *
     * @param width channels of the network's first layer
     * @param styleWeight weight of the style loss
     * @param contentWeight weight of the content loss
     * @param epochs passes over the content images
     * @param batchSize images per step
     * @param learningRate Adam's learning rate
     * @param seed seed of the weights, the loss features and the random target styles
     * @param upsample nearest upsampling + convolution in the decoder
     * @param residual the network outputs a change of its input
     * @param features where the loss features come from
     * @param featureEpochs passes over the training images when the loss features are trained
     * @param schedule how the learning rate changes from epoch to epoch
     * @param styleTargets what statistics a transfer to a style is pulled towards
     * @param colourMap a per-style pointwise colour map (residual networks only)
     * @param histogramWeight weight of the colour-distribution loss (0: none)
     * @param classifierWeight weight of the classifier loss (0: none; needs trained features)
     * @param histogramChannels the colour directions of the colour-distribution loss
     * @param textureWeight weight of the texture-distribution loss (0: none)
     */
    public CinTransferOptions(int width, double styleWeight, double contentWeight, int epochs, int batchSize,
                              double learningRate, long seed, boolean upsample, boolean residual, Features features,
                              int featureEpochs, LearningRateSchedule schedule, StyleTargets styleTargets,
                              boolean colourMap, double histogramWeight, double classifierWeight,
                              StyleLosses.ColourChannels histogramChannels, double textureWeight) {
        this(width, styleWeight, contentWeight, epochs, batchSize, learningRate, seed, upsample, residual, features,
                featureEpochs, schedule, styleTargets, colourMap, histogramWeight, classifierWeight, histogramChannels,
                textureWeight, false, false, false);
    }

    /**
     * Options without the adversarial loss.
     *
     * @param width channels of the network's first layer
     * @param styleWeight weight of the style loss
     * @param contentWeight weight of the content loss
     * @param epochs passes over the content images
     * @param batchSize images per step
     * @param learningRate Adam's learning rate
     * @param seed seed of the weights, the loss features and the random target styles
     * @param upsample nearest upsampling + convolution in the decoder
     * @param residual the network outputs a change of its input
     * @param features where the loss features come from
     * @param featureEpochs passes over the training images when the loss features are trained
     * @param schedule how the learning rate changes from epoch to epoch
     * @param styleTargets what statistics a transfer to a style is pulled towards
     * @param colourMap a per-style pointwise colour map (residual networks only)
     * @param histogramWeight weight of the colour-distribution loss (0: none)
     * @param classifierWeight weight of the classifier loss (0: none; needs trained features)
     * @param histogramChannels the colour directions of the colour-distribution loss
     * @param textureWeight weight of the texture-distribution loss (0: none)
     * @param positionChannels the decoder also sees fixed stripes of the pixel coordinates
     * @param greyContent the content loss compares the grey versions of output and input
     * @param balanceStyles each style's statistic errors weighted so that every style counts alike
     */
    public CinTransferOptions(int width, double styleWeight, double contentWeight, int epochs, int batchSize,
                              double learningRate, long seed, boolean upsample, boolean residual, Features features,
                              int featureEpochs, LearningRateSchedule schedule, StyleTargets styleTargets,
                              boolean colourMap, double histogramWeight, double classifierWeight,
                              StyleLosses.ColourChannels histogramChannels, double textureWeight,
                              boolean positionChannels, boolean greyContent, boolean balanceStyles) {
        this(width, styleWeight, contentWeight, epochs, batchSize, learningRate, seed, upsample, residual, features,
                featureEpochs, schedule, styleTargets, colourMap, histogramWeight, classifierWeight, histogramChannels,
                textureWeight, positionChannels, greyContent, balanceStyles, 0);
    }

    /**
     * Options without the paired loss.
     *
     * @param width channels of the network's first layer
     * @param styleWeight weight of the style loss
     * @param contentWeight weight of the content loss
     * @param epochs passes over the content images
     * @param batchSize images per step
     * @param learningRate Adam's learning rate
     * @param seed seed of the weights, the loss features and the random target styles
     * @param upsample nearest upsampling + convolution in the decoder
     * @param residual the network outputs a change of its input
     * @param features where the loss features come from
     * @param featureEpochs passes over the training images when the loss features are trained
     * @param schedule how the learning rate changes from epoch to epoch
     * @param styleTargets what statistics a transfer to a style is pulled towards
     * @param colourMap a per-style pointwise colour map (residual networks only)
     * @param histogramWeight weight of the colour-distribution loss (0: none)
     * @param classifierWeight weight of the classifier loss (0: none; needs trained features)
     * @param histogramChannels the colour directions of the colour-distribution loss
     * @param textureWeight weight of the texture-distribution loss (0: none)
     * @param positionChannels the decoder also sees fixed stripes of the pixel coordinates
     * @param greyContent the content loss compares the grey versions of output and input
     * @param balanceStyles each style's statistic errors weighted so that every style counts alike
     * @param adversarialWeight weight of the adversarial loss (0: none; needs trained features)
     */
    public CinTransferOptions(int width, double styleWeight, double contentWeight, int epochs, int batchSize,
                              double learningRate, long seed, boolean upsample, boolean residual, Features features,
                              int featureEpochs, LearningRateSchedule schedule, StyleTargets styleTargets,
                              boolean colourMap, double histogramWeight, double classifierWeight,
                              StyleLosses.ColourChannels histogramChannels, double textureWeight,
                              boolean positionChannels, boolean greyContent, boolean balanceStyles,
                              double adversarialWeight) {
        this(width, styleWeight, contentWeight, epochs, batchSize, learningRate, seed, upsample, residual, features,
                featureEpochs, schedule, styleTargets, colourMap, histogramWeight, classifierWeight, histogramChannels,
                textureWeight, positionChannels, greyContent, balanceStyles, adversarialWeight, 0,
                io.github.wikiart.models.transfer.CinTransferNet.RESIDUAL_BLOCKS);
    }

    /**
     * Options without global context.
     *
     * @param width channels of the network's first layer
     * @param styleWeight weight of the style loss
     * @param contentWeight weight of the content loss
     * @param epochs passes over the content images
     * @param batchSize images per step
     * @param learningRate Adam's learning rate
     * @param seed seed of the weights, the loss features and the random target styles
     * @param upsample nearest upsampling + convolution in the decoder
     * @param residual the network outputs a change of its input
     * @param features where the loss features come from
     * @param featureEpochs passes over the training images when the loss features are trained
     * @param schedule how the learning rate changes from epoch to epoch
     * @param styleTargets what statistics a transfer to a style is pulled towards
     * @param colourMap a per-style pointwise colour map (residual networks only)
     * @param histogramWeight weight of the colour-distribution loss (0: none)
     * @param classifierWeight weight of the classifier loss (0: none; needs trained features)
     * @param histogramChannels the colour directions of the colour-distribution loss
     * @param textureWeight weight of the texture-distribution loss (0: none)
     * @param positionChannels the decoder also sees fixed stripes of the pixel coordinates
     * @param greyContent the content loss compares the grey versions of output and input
     * @param balanceStyles each style's statistic and paired errors weighted so that every style counts alike
     * @param adversarialWeight weight of the adversarial loss (0: none; needs trained features)
     * @param pairedWeight weight of the paired loss (0: none)
     * @param residualBlocks residual blocks of the network
     */
    public CinTransferOptions(int width, double styleWeight, double contentWeight, int epochs, int batchSize,
                              double learningRate, long seed, boolean upsample, boolean residual, Features features,
                              int featureEpochs, LearningRateSchedule schedule, StyleTargets styleTargets,
                              boolean colourMap, double histogramWeight, double classifierWeight,
                              StyleLosses.ColourChannels histogramChannels, double textureWeight,
                              boolean positionChannels, boolean greyContent, boolean balanceStyles,
                              double adversarialWeight, double pairedWeight, int residualBlocks) {
        this(width, styleWeight, contentWeight, epochs, batchSize, learningRate, seed, upsample, residual, features,
                featureEpochs, schedule, styleTargets, colourMap, histogramWeight, classifierWeight, histogramChannels,
                textureWeight, positionChannels, greyContent, balanceStyles, adversarialWeight, pairedWeight,
                residualBlocks, false);
    }

    /** Where the loss features come from. */
    public enum Features {
        /**
         * A {@link io.github.wikiart.models.transfer.FeatureStack} trained on the training split to
         * tell the styles apart (four layers, 1 to 1/8 of the side), plus the colour statistics of the
         * pixels (their Gram matrix): the default.
         */
        TRAINED,
        /** Fixed seeded random filters (three layers): the method's first version. */
        RANDOM;

        /** @return the config spelling */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @return whether training needs the true renderings of the content images: the paired loss,
     *     or the statistics of the renderings as style targets
     */
    public boolean paired() {
        return pairedWeight > 0 || styleTargets == StyleTargets.PAIRED;
    }

    /** Validates, naming the field. */
    public CinTransferOptions {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(styleTargets, "styleTargets");
        Objects.requireNonNull(histogramChannels, "histogramChannels");
        if (colourMap && !residual) {
            throw new IllegalArgumentException("a colour map needs a residual network (transfer.residual: true)");
        }
        if (width < 1 || epochs < 1 || batchSize < 1 || featureEpochs < 1 || residualBlocks < 1) {
            throw new IllegalArgumentException("width, epochs, batchSize, featureEpochs and residualBlocks must be >= 1");
        }
        if (!(styleWeight >= 0) || !(contentWeight >= 0) || !(learningRate > 0) || !(histogramWeight >= 0)
                || !(classifierWeight >= 0) || !(textureWeight >= 0) || !(adversarialWeight >= 0)
                || !(pairedWeight >= 0)) {
            throw new IllegalArgumentException("weights must be >= 0 and learningRate > 0");
        }
        if (balanceStyles && styleTargets == StyleTargets.CLASS && pairedWeight == 0) {
            throw new IllegalArgumentException("balanced styles need shift or quantile style targets "
                    + "(transfer.style_targets: shift or quantile) or the paired loss (transfer.paired_weight > 0)");
        }
        if (classifierWeight > 0 && features != Features.TRAINED) {
            throw new IllegalArgumentException("a classifier loss needs trained features (transfer.features: trained)");
        }
        if (adversarialWeight > 0 && features != Features.TRAINED) {
            throw new IllegalArgumentException("an adversarial loss needs trained features (transfer.features: trained)");
        }
        if (schedule.warmupEpochs() >= epochs) {
            throw new IllegalArgumentException("the learning-rate warm-up (" + schedule.warmupEpochs()
                    + " epochs) must be shorter than the run (" + epochs + " epochs)");
        }
    }
}
