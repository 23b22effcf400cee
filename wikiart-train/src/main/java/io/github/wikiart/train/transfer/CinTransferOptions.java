package io.github.wikiart.train.transfer;

import io.github.wikiart.models.ConvAutoencoder;
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
            throw new IllegalArgumentException("balanced styles need shift, quantile or paired style targets "
                    + "(transfer.style_targets: shift, quantile or paired) or the paired loss (transfer.paired_weight > 0)");
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

    /**
     * A builder at the defaults: those of {@code TransferOptions.defaults().cin(1)} (the {@code transfer}
     * keys' defaults, random features and their weights), seed 1.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds {@link CinTransferOptions}: one setter per component, named like it; {@link #build()}
     * validates. Starts at the defaults of the {@code transfer} keys ({@link TransferOptions}).
     */
    public static final class Builder {
        private int width = TransferOptions.WIDTH.defaultValue();
        private double styleWeight = TransferOptions.CIN_RANDOM_STYLE_WEIGHT;
        private double contentWeight = TransferOptions.CIN_RANDOM_CONTENT_WEIGHT;
        private int epochs = TransferOptions.EPOCHS.defaultValue();
        private int batchSize = TransferOptions.BATCH_SIZE.defaultValue();
        private double learningRate = TransferOptions.LEARNING_RATE.defaultValue();
        private long seed = 1;
        private boolean upsample = TransferOptions.DECODER.defaultValue() == ConvAutoencoder.Upsampler.UPSAMPLE;
        private boolean residual = TransferOptions.RESIDUAL.defaultValue();
        private Features features = TransferOptions.FEATURES.defaultValue();
        private int featureEpochs = TransferOptions.FEATURE_EPOCHS.defaultValue();
        private LearningRateSchedule schedule = new LearningRateSchedule(TransferOptions.LR_SCHEDULE.defaultValue(),
                TransferOptions.WARMUP_EPOCHS.defaultValue());
        private StyleTargets styleTargets = TransferOptions.STYLE_TARGETS.defaultValue();
        private boolean colourMap = TransferOptions.COLOUR_MAP.defaultValue();
        private double histogramWeight = TransferOptions.HISTOGRAM_WEIGHT.defaultValue();
        private double classifierWeight = TransferOptions.CLASSIFIER_WEIGHT.defaultValue();
        private StyleLosses.ColourChannels histogramChannels = TransferOptions.HISTOGRAM_CHANNELS.defaultValue();
        private double textureWeight = TransferOptions.TEXTURE_WEIGHT.defaultValue();
        private boolean positionChannels = TransferOptions.POSITION_CHANNELS.defaultValue();
        private boolean greyContent = TransferOptions.GREY_CONTENT.defaultValue();
        private boolean balanceStyles = TransferOptions.BALANCE_STYLES.defaultValue();
        private double adversarialWeight = TransferOptions.ADVERSARIAL_WEIGHT.defaultValue();
        private double pairedWeight = TransferOptions.PAIRED_WEIGHT.defaultValue();
        private int residualBlocks = TransferOptions.RESIDUAL_BLOCKS.defaultValue();
        private boolean globalContext = TransferOptions.GLOBAL_CONTEXT.defaultValue();

        private Builder() {
        }

        private Builder(CinTransferOptions o) {
            width = o.width;
            styleWeight = o.styleWeight;
            contentWeight = o.contentWeight;
            epochs = o.epochs;
            batchSize = o.batchSize;
            learningRate = o.learningRate;
            seed = o.seed;
            upsample = o.upsample;
            residual = o.residual;
            features = o.features;
            featureEpochs = o.featureEpochs;
            schedule = o.schedule;
            styleTargets = o.styleTargets;
            colourMap = o.colourMap;
            histogramWeight = o.histogramWeight;
            classifierWeight = o.classifierWeight;
            histogramChannels = o.histogramChannels;
            textureWeight = o.textureWeight;
            positionChannels = o.positionChannels;
            greyContent = o.greyContent;
            balanceStyles = o.balanceStyles;
            adversarialWeight = o.adversarialWeight;
            pairedWeight = o.pairedWeight;
            residualBlocks = o.residualBlocks;
            globalContext = o.globalContext;
        }

        /** Channels of the network's first layer (default 16). */
        public Builder width(int width) {
            this.width = width;
            return this;
        }

        /**
         * Weight of the style loss (default {@value TransferOptions#CIN_RANDOM_STYLE_WEIGHT}, the automatic one
         * with random features).
         */
        public Builder styleWeight(double styleWeight) {
            this.styleWeight = styleWeight;
            return this;
        }

        /**
         * Weight of the content loss (default {@value TransferOptions#CIN_RANDOM_CONTENT_WEIGHT}, the automatic one
         * with random features).
         */
        public Builder contentWeight(double contentWeight) {
            this.contentWeight = contentWeight;
            return this;
        }

        /** Passes over the content images (default 10). */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Images per step (default 8). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Adam's learning rate (default 1e-3). */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Seed of the weights, the loss features and the random target styles (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Nearest upsampling + convolution in the decoder, not a transposed convolution (default false). */
        public Builder upsample(boolean upsample) {
            this.upsample = upsample;
            return this;
        }

        /** The network outputs a change of its input, starting as the identity (default false). */
        public Builder residual(boolean residual) {
            this.residual = residual;
            return this;
        }

        /** Where the loss features come from (default {@link Features#RANDOM}). */
        public Builder features(Features features) {
            this.features = features;
            return this;
        }

        /** Passes over the training images when the loss features are trained (default 5). */
        public Builder featureEpochs(int featureEpochs) {
            this.featureEpochs = featureEpochs;
            return this;
        }

        /** How the learning rate changes from epoch to epoch (default {@link LearningRateSchedule#CONSTANT}). */
        public Builder schedule(LearningRateSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /** What statistics a transfer to a style is pulled towards (default {@link StyleTargets#CLASS}). */
        public Builder styleTargets(StyleTargets styleTargets) {
            this.styleTargets = styleTargets;
            return this;
        }

        /** A per-style pointwise colour map beside the change, residual networks only (default false). */
        public Builder colourMap(boolean colourMap) {
            this.colourMap = colourMap;
            return this;
        }

        /** Weight of the colour-distribution loss (default 0: none). */
        public Builder histogramWeight(double histogramWeight) {
            this.histogramWeight = histogramWeight;
            return this;
        }

        /** Weight of the classifier loss, needs trained features (default 0: none). */
        public Builder classifierWeight(double classifierWeight) {
            this.classifierWeight = classifierWeight;
            return this;
        }

        /** The colour directions of the colour-distribution loss (default {@code RGBY}). */
        public Builder histogramChannels(StyleLosses.ColourChannels histogramChannels) {
            this.histogramChannels = histogramChannels;
            return this;
        }

        /** Weight of the texture-distribution loss (default 0: none). */
        public Builder textureWeight(double textureWeight) {
            this.textureWeight = textureWeight;
            return this;
        }

        /** The decoder also sees fixed stripes of the pixel coordinates (default false). */
        public Builder positionChannels(boolean positionChannels) {
            this.positionChannels = positionChannels;
            return this;
        }

        /** The content loss compares the grey versions of output and input (default false). */
        public Builder greyContent(boolean greyContent) {
            this.greyContent = greyContent;
            return this;
        }

        /** Each style's statistic and paired errors weighted so that every style counts alike (default false). */
        public Builder balanceStyles(boolean balanceStyles) {
            this.balanceStyles = balanceStyles;
            return this;
        }

        /** Weight of the adversarial loss, needs trained features (default 0: none). */
        public Builder adversarialWeight(double adversarialWeight) {
            this.adversarialWeight = adversarialWeight;
            return this;
        }

        /** Weight of the paired loss (default 0: none). */
        public Builder pairedWeight(double pairedWeight) {
            this.pairedWeight = pairedWeight;
            return this;
        }

        /** Residual blocks of the network (default {@code CinTransferNet.RESIDUAL_BLOCKS}). */
        public Builder residualBlocks(int residualBlocks) {
            this.residualBlocks = residualBlocks;
            return this;
        }

        /** The decoder's last features scaled and shifted per image by a small network (default false). */
        public Builder globalContext(boolean globalContext) {
            this.globalContext = globalContext;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException naming what is wrong (see the record's constructor)
         */
        public CinTransferOptions build() {
            return new CinTransferOptions(width, styleWeight, contentWeight, epochs, batchSize, learningRate, seed,
                    upsample, residual, features, featureEpochs, schedule, styleTargets, colourMap, histogramWeight,
                    classifierWeight, histogramChannels, textureWeight, positionChannels, greyContent, balanceStyles,
                    adversarialWeight, pairedWeight, residualBlocks, globalContext);
        }
    }
}
