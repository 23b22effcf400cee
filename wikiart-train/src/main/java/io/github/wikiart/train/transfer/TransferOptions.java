package io.github.wikiart.train.transfer;

import io.github.wikiart.config.ConfigKey;
import io.github.wikiart.config.ConfigValues;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.models.transfer.StyleLosses;
import io.github.wikiart.train.LearningRateSchedule;
import io.github.wikiart.train.TrainingKeys;
import io.github.wikiart.train.transfer.seed.SeedTransferOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How to train a style-transfer model: the {@code transfer} section of a configuration. Every
 * {@code transfer.*} key is declared here ({@link #KEYS}, with its default, range and meaning) and is
 * one component of the record; the two methods' own settings are derived from it:
 * {@link #cin(long)} for {@code cin} and {@link #seedMethod(long)} for {@code seed}. The keys
 * marked "cin:" or "seed:" matter to that method only.
 *
 * @param method {@code transfer.method}: {@code cin} (the working method, default) or {@code seed} (the original)
 * @param epochs {@code transfer.epochs}: passes over the training images (for {@code seed}: per step)
 * @param batchSize {@code transfer.batch_size}: images per step
 * @param learningRate {@code transfer.learning_rate}: Adam's learning rate
 * @param width {@code transfer.width}: channels of the first layer of the {@code cin} network
 * @param styleWeight {@code transfer.style_weight}: weight of the Gram-matrix style loss; NaN (auto) for
 *     the method's default ({@link #effectiveStyleWeight()})
 * @param contentWeight {@code transfer.content_weight}: weight of the content loss; NaN (auto) for the
 *     method's default ({@link #effectiveContentWeight()})
 * @param styleLayers {@code transfer.style_layers}: seed: the encoder layers (1..3) whose Gram matrices are compared
 * @param embedDim {@code transfer.embed_dim}: seed: size of the style embedding
 * @param autoencoderRun {@code transfer.autoencoder_run}: seed: a trained autoencoder run to start from,
 *     or null (empty in YAML) to train one
 * @param decoder {@code transfer.decoder}: cin: the decoder's upsampling
 * @param features {@code transfer.features}: cin: where the loss features come from
 * @param featureEpochs {@code transfer.feature_epochs}: cin with trained features: passes that train them
 * @param content {@code transfer.content}: cin: a folder of images to restyle in training, or null
 *     (empty in YAML) for the training images
 * @param lrSchedule {@code transfer.lr_schedule}: cin: the learning-rate schedule's shape after the warm-up
 * @param warmupEpochs {@code transfer.warmup_epochs}: cin: epochs of linear warm-up, fewer than {@code epochs}
 * @param residual {@code transfer.residual}: cin: the network outputs a change of its input, starting as the identity
 * @param styleTargets {@code transfer.style_targets}: cin: the style's mean statistics ({@code class}) or the
 *     input's own moved by the style's mean change ({@code shift})
 * @param colourMap {@code transfer.colour_map}: cin with a residual network: a per-style pointwise colour map
 * @param histogramWeight {@code transfer.histogram_weight}: cin: weight of the colour-distribution loss (0: none)
 * @param classifierWeight {@code transfer.classifier_weight}: cin with trained features: weight of the
 *     classifier loss (0: none)
 * @param histogramChannels {@code transfer.histogram_channels}: cin: the colour directions of the
 *     colour-distribution loss
 * @param textureWeight {@code transfer.texture_weight}: cin: weight of the texture-distribution loss (0: none)
 * @param positionChannels {@code transfer.position_channels}: cin: the decoder also sees fixed stripes of the
 *     pixel coordinates
 * @param greyContent {@code transfer.grey_content}: cin: the content loss compares grey versions of output and input
 * @param balanceStyles {@code transfer.balance_styles}: cin with shift or quantile targets: every style's
 *     statistic errors count alike
 * @param adversarialWeight {@code transfer.adversarial_weight}: cin with trained features: weight of the
 *     adversarial loss (0: none)
 * @param pairedWeight {@code transfer.paired_weight}: cin: weight of the paired loss, the mean absolute
 *     difference of each output from the true rendering of its input in its target style, where the
 *     training images hold one (0: none)
 * @param residualBlocks {@code transfer.residual_blocks}: cin: residual blocks of the network (2; Johnson
 *     et al. use 5)
 * @param globalContext {@code transfer.global_context}: cin: the decoder's last features are scaled and
 *     shifted per image by a small network of the input's colour statistics and the style
 * @param earlyStoppingPatience {@code transfer.early_stopping_patience}: epochs of a phase without an
 *     improvement of its score (cin: the probe loss; seed: the epoch's loss) before it stops, 0 = never
 * @param minDelta {@code transfer.min_delta}: the smallest fall of that loss that counts
 */
public record TransferOptions(String method, int epochs, int batchSize, double learningRate, int width,
                              double styleWeight, double contentWeight, List<Integer> styleLayers, int embedDim,
                              Path autoencoderRun, ConvAutoencoder.Upsampler decoder,
                              CinTransferOptions.Features features, int featureEpochs, Path content,
                              LearningRateSchedule.Shape lrSchedule, int warmupEpochs, boolean residual,
                              CinTransferOptions.StyleTargets styleTargets, boolean colourMap,
                              double histogramWeight, double classifierWeight,
                              StyleLosses.ColourChannels histogramChannels, double textureWeight,
                              boolean positionChannels, boolean greyContent, boolean balanceStyles,
                              double adversarialWeight, double pairedWeight, int residualBlocks,
                              boolean globalContext, int earlyStoppingPatience, double minDelta) {
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

    /** {@code transfer.method}. */
    public static final ConfigKey<String> METHOD = ConfigKey.custom("transfer.method", ConfigKey.Type.ENUM, "cin",
            "cin or seed", s -> method(s.text()), v -> v,
            "cin: one network conditioned on the style by conditional instance normalisation (works); "
                    + "seed: the original style-embedding method")
            .requiring(METHODS::contains);
    /** {@code transfer.epochs}. */
    public static final ConfigKey<Integer> EPOCHS = TrainingKeys.epochs("transfer", 10);
    /** {@code transfer.batch_size}. */
    public static final ConfigKey<Integer> BATCH_SIZE = TrainingKeys.batchSize("transfer", 8);
    /** {@code transfer.learning_rate}. */
    public static final ConfigKey<Double> LEARNING_RATE = TrainingKeys.learningRate("transfer", 1e-3);
    /** {@code transfer.width}. */
    public static final ConfigKey<Integer> WIDTH = TrainingKeys.width("transfer", 16);
    /** {@code transfer.style_weight}. */
    public static final ConfigKey<Double> STYLE_WEIGHT = weight("transfer.style_weight",
            "weight of the Gram-matrix style loss; auto = the method's default (cin " + CIN_STYLE_WEIGHT
                    + ", relative errors; seed 1e6 as the original)");
    /** {@code transfer.content_weight}. */
    public static final ConfigKey<Double> CONTENT_WEIGHT = weight("transfer.content_weight",
            "weight of the content loss; auto = the method's default (cin " + CIN_CONTENT_WEIGHT
                    + ", relative errors; seed 1 as the original)");
    /** {@code transfer.style_layers}. */
    public static final ConfigKey<List<Integer>> STYLE_LAYERS = ConfigKey.custom("transfer.style_layers",
            ConfigKey.Type.STRING, List.of(1, 2, 3), "comma-separated layers from 1..3, e.g. 1,2,3",
            s -> layers(s.text()), TransferOptions::joined,
            "seed: encoder layers whose Gram matrices are matched (the original's style_layers)")
            .requiring(l -> !l.isEmpty() && l.stream().allMatch(i -> i != null && i >= 1 && i <= 3));
    /** {@code transfer.embed_dim}. */
    public static final ConfigKey<Integer> EMBED_DIM = ConfigKey.ofInt("transfer.embed_dim", 300, 1, 65_536,
            "seed: size of the style embedding (the original's embed_dim)");
    /** {@code transfer.autoencoder_run}. */
    public static final ConfigKey<String> AUTOENCODER_RUN = ConfigKey.custom("transfer.autoencoder_run",
            ConfigKey.Type.STRING, "", "a run folder, or empty", s -> s.isNull() ? "" : s.text(), v -> v,
            "seed: a trained autoencoder run to start from; empty = train one first");
    /** {@code transfer.decoder}. */
    public static final ConfigKey<ConvAutoencoder.Upsampler> DECODER = TrainingKeys.decoder("transfer");
    /** {@code transfer.features}. */
    public static final ConfigKey<CinTransferOptions.Features> FEATURES = ConfigKey.custom("transfer.features",
            ConfigKey.Type.ENUM, CinTransferOptions.Features.RANDOM, "trained or random", s -> features(s.text()),
            CinTransferOptions.Features::key,
            "cin: fixed random filters (random), or loss features trained on the training images to tell the styles "
                    + "apart, plus the pixels' colour statistics, with relative losses (trained; see docs/transfer.md)");
    /** {@code transfer.feature_epochs}. */
    public static final ConfigKey<Integer> FEATURE_EPOCHS = ConfigKey.ofInt("transfer.feature_epochs", 5, 1, 1000,
            "cin with trained features: passes over the training images that train the loss features");
    /** {@code transfer.content}. */
    public static final ConfigKey<String> CONTENT = ConfigKey.custom("transfer.content", ConfigKey.Type.STRING, "",
            "a folder of images, or empty", s -> s.isNull() ? "" : s.text(), v -> v,
            "cin: the images the network learns to restyle (a flat folder or style folders, e.g. photographs); "
                    + "empty = the training images");
    /** {@code transfer.lr_schedule}. */
    public static final ConfigKey<LearningRateSchedule.Shape> LR_SCHEDULE = TrainingKeys.lrSchedule("transfer",
            LearningRateSchedule.Shape.CONSTANT);
    /** {@code transfer.warmup_epochs}. */
    public static final ConfigKey<Integer> WARMUP_EPOCHS = TrainingKeys.warmupEpochs("transfer", 0);
    /** {@code transfer.residual}. */
    public static final ConfigKey<Boolean> RESIDUAL = ConfigKey.ofBoolean("transfer.residual", false,
            "cin: the network outputs a change of its input and starts as the identity (keeps the picture), "
                    + "instead of an image");
    /** {@code transfer.style_targets}. */
    public static final ConfigKey<CinTransferOptions.StyleTargets> STYLE_TARGETS = ConfigKey.custom(
            "transfer.style_targets", ConfigKey.Type.ENUM, CinTransferOptions.StyleTargets.CLASS,
            "class, shift, quantile or paired",
            s -> styleTargets(s.text()), CinTransferOptions.StyleTargets::key,
            "cin: what the style loss pulls a transfer towards: the style's mean statistics (class), or the input's "
                    + "own statistics moved by the style's mean change from the content images (shift), or mapped from "
                    + "their distribution over the content images to the style's, quantile by quantile (quantile), or the "
                    + "statistics of the input's own true rendering in the style, found as for transfer.paired_weight "
                    + "(paired; see docs/transfer.md)");
    /** {@code transfer.colour_map}. */
    public static final ConfigKey<Boolean> COLOUR_MAP = ConfigKey.ofBoolean("transfer.colour_map", false,
            "cin with transfer.residual: true: add a per-style pointwise colour map (a small network of each "
                    + "pixel's colour) to the change");

    /** {@code transfer.histogram_weight}. */
    public static final ConfigKey<Double> HISTOGRAM_WEIGHT = ConfigKey.ofDouble("transfer.histogram_weight", 0.0,
            0.0, 1e12, "cin: weight of the colour-distribution loss: the soft cumulative histograms of R, G, B and "
                    + "luminance against the style's (0: none; see docs/transfer.md)");

    /** {@code transfer.classifier_weight}. */
    public static final ConfigKey<Double> CLASSIFIER_WEIGHT = ConfigKey.ofDouble("transfer.classifier_weight", 0.0,
            0.0, 1e12, "cin with transfer.features: trained: weight of the classifier loss, the cross-entropy of the "
                    + "target style under the linear classifier of Gram matrices trained with the loss features "
                    + "(0: none; see docs/transfer.md)");

    /** {@code transfer.histogram_channels}. */
    public static final ConfigKey<StyleLosses.ColourChannels> HISTOGRAM_CHANNELS = ConfigKey.custom(
            "transfer.histogram_channels", ConfigKey.Type.ENUM, StyleLosses.ColourChannels.RGBY, "rgby or opponent",
            s -> histogramChannels(s.text()), StyleLosses.ColourChannels::key,
            "cin: the colour directions whose distributions the colour-distribution loss compares: R, G, B and "
                    + "luminance (rgby), or those and the three opponent differences R-G, G-B, B-R, which also "
                    + "describe how the channels go together (opponent)");

    /** {@code transfer.texture_weight}. */
    public static final ConfigKey<Double> TEXTURE_WEIGHT = ConfigKey.ofDouble("transfer.texture_weight", 0.0,
            0.0, 1e12, "cin: weight of the texture-distribution loss: the soft cumulative histograms of the "
                    + "luminance differences between pixels 1, 2 and 4 px apart, across and down, against the style's "
                    + "(0: none; see docs/transfer.md)");

    /** {@code transfer.position_channels}. */
    public static final ConfigKey<Boolean> POSITION_CHANNELS = ConfigKey.ofBoolean("transfer.position_channels", false,
            "cin: the decoder also sees fixed stripes of the pixel coordinates (cosines and sines at periods 2, 3, 4, "
                    + "6 and 8 px), so that it can draw textures aligned to a grid, such as halftone screens and "
                    + "tiles (see docs/transfer.md)");

    /** {@code transfer.grey_content}. */
    public static final ConfigKey<Boolean> GREY_CONTENT = ConfigKey.ofBoolean("transfer.grey_content", false,
            "cin: the content loss compares the loss features of the grey (luminance) versions of output and input, "
                    + "so that a change of colour alone costs nothing (see docs/transfer.md)");

    /** {@code transfer.balance_styles}. */
    public static final ConfigKey<Boolean> BALANCE_STYLES = ConfigKey.ofBoolean("transfer.balance_styles", false,
            "cin with transfer.style_targets: shift, quantile or paired, or with transfer.paired_weight: weight each style's "
                    + "statistic and paired errors so that every style counts alike, a style close to the photographs as "
                    + "much as a far one (see docs/transfer.md)");

    /** {@code transfer.adversarial_weight}. */
    public static final ConfigKey<Double> ADVERSARIAL_WEIGHT = ConfigKey.ofDouble("transfer.adversarial_weight", 0.0,
            0.0, 1e12, "cin with transfer.features: trained: weight of the adversarial loss, the cross-entropy of the "
                    + "target style under a critic that keeps learning, step by step, to tell the transfer's outputs "
                    + "from the training images of every style (0: none; see docs/transfer.md)");

    /** {@code transfer.paired_weight}. */
    public static final ConfigKey<Double> PAIRED_WEIGHT = ConfigKey.ofDouble("transfer.paired_weight", 0.0,
            0.0, 1e12, "cin: weight of the paired loss, the mean absolute difference of each output from the true "
                    + "rendering of its input in its target style: the training image of that style with the content "
                    + "image's file name, as data.root/train/<Style>/<file> pairs with transfer.content/<file> in "
                    + "realstyles (0: none; needs such pairs; see docs/transfer.md)");

    /** {@code transfer.residual_blocks}. */
    public static final ConfigKey<Integer> RESIDUAL_BLOCKS = ConfigKey.ofInt("transfer.residual_blocks",
            io.github.wikiart.models.transfer.CinTransferNet.RESIDUAL_BLOCKS, 1, 16,
            "cin: residual blocks of the network at half resolution, each two 3x3 convolutions with conditional "
                    + "instance normalisation (Johnson et al. use 5; see docs/transfer.md)");

    /** {@code transfer.global_context}. */
    public static final ConfigKey<Boolean> GLOBAL_CONTEXT = ConfigKey.ofBoolean("transfer.global_context", false,
            "cin: the decoder's last features are scaled and shifted per image by a small network of the input's "
                    + "colour statistics (each channel's mean, standard deviation, minimum and maximum) and the style, "
                    + "so that the change can depend on the whole picture, as a contrast stretch or a palette does "
                    + "(see docs/transfer.md)");

    /** {@code transfer.early_stopping_patience}. */
    public static final ConfigKey<Integer> EARLY_STOPPING_PATIENCE = TrainingKeys.earlyStoppingPatience("transfer");
    /** {@code transfer.min_delta}. */
    public static final ConfigKey<Double> MIN_DELTA = TrainingKeys.minDelta("transfer");

    /** The keys of the {@code transfer} section, in order. */
    public static final List<ConfigKey<?>> KEYS = List.of(METHOD, EPOCHS, BATCH_SIZE, LEARNING_RATE, WIDTH,
            STYLE_WEIGHT, CONTENT_WEIGHT, STYLE_LAYERS, EMBED_DIM, AUTOENCODER_RUN, DECODER, FEATURES, FEATURE_EPOCHS,
            CONTENT, LR_SCHEDULE, WARMUP_EPOCHS, RESIDUAL, STYLE_TARGETS, COLOUR_MAP, HISTOGRAM_WEIGHT,
            CLASSIFIER_WEIGHT, HISTOGRAM_CHANNELS, TEXTURE_WEIGHT, POSITION_CHANNELS,
            GREY_CONTENT, BALANCE_STYLES, ADVERSARIAL_WEIGHT, PAIRED_WEIGHT, RESIDUAL_BLOCKS, GLOBAL_CONTEXT,
            EARLY_STOPPING_PATIENCE, MIN_DELTA);

    /**
     * Validates every field, naming the key, the value and what was expected; an empty path
     * becomes null.
     */
    public TransferOptions {
        METHOD.check(method);
        EPOCHS.check(epochs);
        BATCH_SIZE.check(batchSize);
        LEARNING_RATE.check(learningRate);
        WIDTH.check(width);
        STYLE_WEIGHT.check(styleWeight);
        CONTENT_WEIGHT.check(contentWeight);
        styleLayers = STYLE_LAYERS.check(styleLayers == null ? null : List.copyOf(styleLayers));
        EMBED_DIM.check(embedDim);
        autoencoderRun = emptyToNull(autoencoderRun);
        DECODER.check(decoder);
        FEATURES.check(features);
        FEATURE_EPOCHS.check(featureEpochs);
        content = emptyToNull(content);
        LR_SCHEDULE.check(lrSchedule);
        TrainingKeys.checkWarmup(WARMUP_EPOCHS, warmupEpochs, EPOCHS, epochs);
        STYLE_TARGETS.check(styleTargets);
        HISTOGRAM_WEIGHT.check(histogramWeight);
        CLASSIFIER_WEIGHT.check(classifierWeight);
        HISTOGRAM_CHANNELS.check(histogramChannels);
        TEXTURE_WEIGHT.check(textureWeight);
        ADVERSARIAL_WEIGHT.check(adversarialWeight);
        PAIRED_WEIGHT.check(pairedWeight);
        RESIDUAL_BLOCKS.check(residualBlocks);
        EARLY_STOPPING_PATIENCE.check(earlyStoppingPatience);
        MIN_DELTA.check(minDelta);
        if (colourMap && !residual && method.equals(CinTransfer.METHOD)) {
            throw new io.github.wikiart.config.ConfigException(COLOUR_MAP.name() + ": true needs " + RESIDUAL.name()
                    + ": true (the colour map is added to a residual network's change)");
        }
        if (balanceStyles && styleTargets == CinTransferOptions.StyleTargets.CLASS && pairedWeight == 0
                && method.equals(CinTransfer.METHOD)) {
            throw new io.github.wikiart.config.ConfigException(BALANCE_STYLES.name() + ": true needs "
                    + STYLE_TARGETS.name() + ": shift, quantile or paired, or " + PAIRED_WEIGHT.name() + " > 0 (the balance "
                    + "compares each style's targets with the content images' own statistics)");
        }
        if (classifierWeight > 0 && features != CinTransferOptions.Features.TRAINED
                && method.equals(CinTransfer.METHOD)) {
            throw new io.github.wikiart.config.ConfigException(CLASSIFIER_WEIGHT.name() + ": " + classifierWeight
                    + " needs " + FEATURES.name() + ": trained (the classifier is trained with the loss features)");
        }
        if (adversarialWeight > 0 && features != CinTransferOptions.Features.TRAINED
                && method.equals(CinTransfer.METHOD)) {
            throw new io.github.wikiart.config.ConfigException(ADVERSARIAL_WEIGHT.name() + ": " + adversarialWeight
                    + " needs " + FEATURES.name() + ": trained (the critic starts as the classifier trained with the "
                    + "loss features)");
        }
    }

    /** @return every key at its default: cin, 10 epochs, batch 8, Adam 0.001, width 16, automatic weights, random features */
    public static TransferOptions defaults() {
        return builder().build();
    }

    /** @return a builder at every key's default ({@link #defaults()}) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads the section from resolved values.
     *
     * @param v values of a schema holding {@link #KEYS}
     * @return the options
     */
    public static TransferOptions from(ConfigValues v) {
        return builder()
                .method(v.get(METHOD))
                .epochs(v.get(EPOCHS))
                .batchSize(v.get(BATCH_SIZE))
                .learningRate(v.get(LEARNING_RATE))
                .width(v.get(WIDTH))
                .styleWeight(v.get(STYLE_WEIGHT))
                .contentWeight(v.get(CONTENT_WEIGHT))
                .styleLayers(v.get(STYLE_LAYERS))
                .embedDim(v.get(EMBED_DIM))
                .autoencoderRun(path(v.get(AUTOENCODER_RUN)))
                .decoder(v.get(DECODER))
                .features(v.get(FEATURES))
                .featureEpochs(v.get(FEATURE_EPOCHS))
                .content(path(v.get(CONTENT)))
                .lrSchedule(v.get(LR_SCHEDULE))
                .warmupEpochs(v.get(WARMUP_EPOCHS))
                .residual(v.get(RESIDUAL))
                .styleTargets(v.get(STYLE_TARGETS))
                .colourMap(v.get(COLOUR_MAP))
                .histogramWeight(v.get(HISTOGRAM_WEIGHT))
                .classifierWeight(v.get(CLASSIFIER_WEIGHT))
                .histogramChannels(v.get(HISTOGRAM_CHANNELS))
                .textureWeight(v.get(TEXTURE_WEIGHT))
                .positionChannels(v.get(POSITION_CHANNELS))
                .greyContent(v.get(GREY_CONTENT))
                .balanceStyles(v.get(BALANCE_STYLES))
                .adversarialWeight(v.get(ADVERSARIAL_WEIGHT))
                .pairedWeight(v.get(PAIRED_WEIGHT))
                .residualBlocks(v.get(RESIDUAL_BLOCKS))
                .globalContext(v.get(GLOBAL_CONTEXT))
                .earlyStoppingPatience(v.get(EARLY_STOPPING_PATIENCE))
                .minDelta(v.get(MIN_DELTA))
                .build();
    }

    /**
     * Writes this section's keys.
     *
     * @param b the builder to fill
     */
    public void writeTo(ConfigValues.Builder b) {
        b.set(METHOD, method).set(EPOCHS, epochs).set(BATCH_SIZE, batchSize).set(LEARNING_RATE, learningRate)
                .set(WIDTH, width).set(STYLE_WEIGHT, styleWeight).set(CONTENT_WEIGHT, contentWeight)
                .set(STYLE_LAYERS, styleLayers).set(EMBED_DIM, embedDim).set(AUTOENCODER_RUN, text(autoencoderRun))
                .set(DECODER, decoder).set(FEATURES, features).set(FEATURE_EPOCHS, featureEpochs)
                .set(CONTENT, text(content)).set(LR_SCHEDULE, lrSchedule).set(WARMUP_EPOCHS, warmupEpochs)
                .set(RESIDUAL, residual).set(STYLE_TARGETS, styleTargets).set(COLOUR_MAP, colourMap)
                .set(HISTOGRAM_WEIGHT, histogramWeight).set(CLASSIFIER_WEIGHT, classifierWeight)
                .set(HISTOGRAM_CHANNELS, histogramChannels).set(TEXTURE_WEIGHT, textureWeight)
                .set(POSITION_CHANNELS, positionChannels).set(GREY_CONTENT, greyContent)
                .set(BALANCE_STYLES, balanceStyles).set(ADVERSARIAL_WEIGHT, adversarialWeight)
                .set(PAIRED_WEIGHT, pairedWeight).set(RESIDUAL_BLOCKS, residualBlocks)
                .set(GLOBAL_CONTEXT, globalContext)
                .set(EARLY_STOPPING_PATIENCE, earlyStoppingPatience)
                .set(MIN_DELTA, minDelta);
    }

    /**
     * The same options with another number of epochs.
     *
     * @param newEpochs passes over the training images
     * @return the options
     */
    public TransferOptions withEpochs(int newEpochs) {
        return toBuilder().epochs(newEpochs).build();
    }

    /** @return cin: whether the decoder upsamples by nearest neighbours + convolution ({@code decoder: upsample}) */
    public boolean upsample() {
        return decoder == ConvAutoencoder.Upsampler.UPSAMPLE;
    }

    /** @return cin: how the learning rate changes from epoch to epoch ({@code lrSchedule}, {@code warmupEpochs}) */
    public LearningRateSchedule schedule() {
        return new LearningRateSchedule(lrSchedule, warmupEpochs);
    }

    /**
     * The {@code cin} method's settings.
     *
     * @param seed the run's seed (weights, loss features, random target styles)
     * @return width, effective weights, epochs, batch, learning rate, decoder, residual, features and schedule
     */
    public CinTransferOptions cin(long seed) {
        return CinTransferOptions.builder().width(width).styleWeight(effectiveStyleWeight())
                .contentWeight(effectiveContentWeight()).epochs(epochs).batchSize(batchSize).learningRate(learningRate)
                .seed(seed).upsample(upsample()).residual(residual).features(features).featureEpochs(featureEpochs)
                .schedule(schedule()).styleTargets(styleTargets).colourMap(colourMap).histogramWeight(histogramWeight)
                .classifierWeight(classifierWeight).histogramChannels(histogramChannels).textureWeight(textureWeight)
                .positionChannels(positionChannels).greyContent(greyContent).balanceStyles(balanceStyles)
                .adversarialWeight(adversarialWeight).pairedWeight(pairedWeight).residualBlocks(residualBlocks)
                .globalContext(globalContext).build();
    }

    /**
     * The {@code seed} method's settings: both of its steps run {@code epochs} epochs.
     *
     * @param seed the run's seed (embedder weights, shuffling, random target styles)
     * @return embedding size, effective weights, style layers, epochs, batch and learning rate
     */
    public SeedTransferOptions seedMethod(long seed) {
        return new SeedTransferOptions(embedDim, effectiveStyleWeight(), effectiveContentWeight(), styleLayers,
                epochs, epochs, batchSize, learningRate, seed);
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

    private static Path emptyToNull(Path p) {
        return p == null || p.toString().isEmpty() ? null : p;
    }

    private static Path path(String text) {
        return text.isEmpty() ? null : Path.of(text);
    }

    private static String text(Path p) {
        return p == null ? "" : p.toString();
    }

    private static ConfigKey<Double> weight(String name, String doc) {
        return ConfigKey.custom(name, ConfigKey.Type.DOUBLE, Double.NaN, "auto or a number >= 0",
                s -> weight(s.text()), v -> v.isNaN() ? "auto" : v, doc)
                .requiring(v -> v.isNaN() || (v >= 0 && !v.isInfinite()));
    }

    private static String method(String text) {
        String v = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!METHODS.contains(v)) {
            throw new IllegalArgumentException("expected cin or seed, got '" + text + "'");
        }
        return v;
    }

    private static CinTransferOptions.Features features(String text) {
        return choice(text, CinTransferOptions.Features.values(), CinTransferOptions.Features::key, "trained or random");
    }

    private static StyleLosses.ColourChannels histogramChannels(String text) {
        return choice(text, StyleLosses.ColourChannels.values(), StyleLosses.ColourChannels::key, "rgby or opponent");
    }

    private static CinTransferOptions.StyleTargets styleTargets(String text) {
        return choice(text, CinTransferOptions.StyleTargets.values(), CinTransferOptions.StyleTargets::key,
                "class, shift, quantile or paired");
    }

    /** The value whose key is the text (trimmed, any case), or an error naming what was expected. */
    private static <T> T choice(String text, T[] values, java.util.function.Function<T, String> key,
                                String expected) {
        String v = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (T t : values) {
            if (key.apply(t).equals(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException("expected " + expected + ", got '" + text + "'");
    }

    private static Double weight(String text) {
        String v = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (v.equals("auto")) {
            return Double.NaN;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected auto or a number >= 0, got '" + text + "'");
        }
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("expected auto or a number >= 0, got '" + text + "'");
        }
        return d;
    }

    private static List<Integer> layers(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim().replace("[", "").replace("]", "");
            if (p.isEmpty()) {
                continue;
            }
            int l;
            try {
                l = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected layer numbers 1..3, got '" + text + "'");
            }
            if (l < 1 || l > 3) {
                throw new IllegalArgumentException("layer " + l + " is not in 1..3");
            }
            out.add(l);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("expected at least one layer in 1..3, got '" + text + "'");
        }
        return List.copyOf(out);
    }

    private static Object joined(List<Integer> layers) {
        StringBuilder sb = new StringBuilder();
        for (int l : layers) {
            sb.append(sb.length() == 0 ? "" : ",").append(l);
        }
        return sb.toString();
    }

    /**
     * Builds {@link TransferOptions}: one setter per component (per {@code transfer} key), named like it;
     * {@link #build()} validates. Starts at the keys' defaults ({@link TransferOptions#defaults()}).
     */
    public static final class Builder {
        private String method = METHOD.defaultValue();
        private int epochs = EPOCHS.defaultValue();
        private int batchSize = BATCH_SIZE.defaultValue();
        private double learningRate = LEARNING_RATE.defaultValue();
        private int width = WIDTH.defaultValue();
        private double styleWeight = STYLE_WEIGHT.defaultValue();
        private double contentWeight = CONTENT_WEIGHT.defaultValue();
        private List<Integer> styleLayers = STYLE_LAYERS.defaultValue();
        private int embedDim = EMBED_DIM.defaultValue();
        private Path autoencoderRun = path(AUTOENCODER_RUN.defaultValue());
        private ConvAutoencoder.Upsampler decoder = DECODER.defaultValue();
        private CinTransferOptions.Features features = FEATURES.defaultValue();
        private int featureEpochs = FEATURE_EPOCHS.defaultValue();
        private Path content = path(CONTENT.defaultValue());
        private LearningRateSchedule.Shape lrSchedule = LR_SCHEDULE.defaultValue();
        private int warmupEpochs = WARMUP_EPOCHS.defaultValue();
        private boolean residual = RESIDUAL.defaultValue();
        private CinTransferOptions.StyleTargets styleTargets = STYLE_TARGETS.defaultValue();
        private boolean colourMap = COLOUR_MAP.defaultValue();
        private double histogramWeight = HISTOGRAM_WEIGHT.defaultValue();
        private double classifierWeight = CLASSIFIER_WEIGHT.defaultValue();
        private StyleLosses.ColourChannels histogramChannels = HISTOGRAM_CHANNELS.defaultValue();
        private double textureWeight = TEXTURE_WEIGHT.defaultValue();
        private boolean positionChannels = POSITION_CHANNELS.defaultValue();
        private boolean greyContent = GREY_CONTENT.defaultValue();
        private boolean balanceStyles = BALANCE_STYLES.defaultValue();
        private double adversarialWeight = ADVERSARIAL_WEIGHT.defaultValue();
        private double pairedWeight = PAIRED_WEIGHT.defaultValue();
        private int residualBlocks = RESIDUAL_BLOCKS.defaultValue();
        private boolean globalContext = GLOBAL_CONTEXT.defaultValue();
        private int earlyStoppingPatience = EARLY_STOPPING_PATIENCE.defaultValue();
        private double minDelta = MIN_DELTA.defaultValue();

        private Builder() {
        }

        private Builder(TransferOptions o) {
            method = o.method;
            epochs = o.epochs;
            batchSize = o.batchSize;
            learningRate = o.learningRate;
            width = o.width;
            styleWeight = o.styleWeight;
            contentWeight = o.contentWeight;
            styleLayers = o.styleLayers;
            embedDim = o.embedDim;
            autoencoderRun = o.autoencoderRun;
            decoder = o.decoder;
            features = o.features;
            featureEpochs = o.featureEpochs;
            content = o.content;
            lrSchedule = o.lrSchedule;
            warmupEpochs = o.warmupEpochs;
            residual = o.residual;
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
            earlyStoppingPatience = o.earlyStoppingPatience;
            minDelta = o.minDelta;
        }

        /** {@code transfer.method}: {@code cin} or {@code seed}. */
        public Builder method(String method) {
            this.method = method;
            return this;
        }

        /** {@code transfer.epochs}: passes over the training images. */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** {@code transfer.batch_size}: images per step. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** {@code transfer.learning_rate}: Adam's learning rate. */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** {@code transfer.width}: channels of the first layer of the {@code cin} network. */
        public Builder width(int width) {
            this.width = width;
            return this;
        }

        /** {@code transfer.style_weight}: weight of the style loss, NaN for the method's default. */
        public Builder styleWeight(double styleWeight) {
            this.styleWeight = styleWeight;
            return this;
        }

        /** {@code transfer.content_weight}: weight of the content loss, NaN for the method's default. */
        public Builder contentWeight(double contentWeight) {
            this.contentWeight = contentWeight;
            return this;
        }

        /** {@code transfer.style_layers}: seed: encoder layers of the style loss. */
        public Builder styleLayers(List<Integer> styleLayers) {
            this.styleLayers = styleLayers;
            return this;
        }

        /** {@code transfer.embed_dim}: seed: size of the style embedding. */
        public Builder embedDim(int embedDim) {
            this.embedDim = embedDim;
            return this;
        }

        /** {@code transfer.autoencoder_run}: seed: a trained autoencoder run, or null to train one. */
        public Builder autoencoderRun(Path autoencoderRun) {
            this.autoencoderRun = autoencoderRun;
            return this;
        }

        /** {@code transfer.decoder}: cin: the decoder's upsampling. */
        public Builder decoder(ConvAutoencoder.Upsampler decoder) {
            this.decoder = decoder;
            return this;
        }

        /** {@code transfer.features}: cin: where the loss features come from. */
        public Builder features(CinTransferOptions.Features features) {
            this.features = features;
            return this;
        }

        /** {@code transfer.feature_epochs}: cin with trained features: passes that train them. */
        public Builder featureEpochs(int featureEpochs) {
            this.featureEpochs = featureEpochs;
            return this;
        }

        /** {@code transfer.content}: cin: a folder of images to restyle, or null for the training images. */
        public Builder content(Path content) {
            this.content = content;
            return this;
        }

        /** {@code transfer.lr_schedule}: cin: the learning-rate schedule's shape. */
        public Builder lrSchedule(LearningRateSchedule.Shape lrSchedule) {
            this.lrSchedule = lrSchedule;
            return this;
        }

        /** {@code transfer.warmup_epochs}: cin: epochs of linear warm-up. */
        public Builder warmupEpochs(int warmupEpochs) {
            this.warmupEpochs = warmupEpochs;
            return this;
        }

        /** {@code transfer.residual}: cin: the network outputs a change of its input. */
        public Builder residual(boolean residual) {
            this.residual = residual;
            return this;
        }

        /** {@code transfer.style_targets}: cin: what the style loss pulls towards. */
        public Builder styleTargets(CinTransferOptions.StyleTargets styleTargets) {
            this.styleTargets = styleTargets;
            return this;
        }

        /** {@code transfer.colour_map}: cin: a per-style pointwise colour map. */
        public Builder colourMap(boolean colourMap) {
            this.colourMap = colourMap;
            return this;
        }

        /** {@code transfer.histogram_weight}: cin: weight of the colour-distribution loss. */
        public Builder histogramWeight(double histogramWeight) {
            this.histogramWeight = histogramWeight;
            return this;
        }

        /** {@code transfer.classifier_weight}: cin: weight of the classifier loss. */
        public Builder classifierWeight(double classifierWeight) {
            this.classifierWeight = classifierWeight;
            return this;
        }

        /** {@code transfer.histogram_channels}: cin: the colour-distribution loss's directions. */
        public Builder histogramChannels(StyleLosses.ColourChannels histogramChannels) {
            this.histogramChannels = histogramChannels;
            return this;
        }

        /** {@code transfer.texture_weight}: cin: weight of the texture-distribution loss. */
        public Builder textureWeight(double textureWeight) {
            this.textureWeight = textureWeight;
            return this;
        }

        /** {@code transfer.position_channels}: cin: the decoder also sees stripes of the pixel coordinates. */
        public Builder positionChannels(boolean positionChannels) {
            this.positionChannels = positionChannels;
            return this;
        }

        /** {@code transfer.grey_content}: cin: the content loss compares grey versions. */
        public Builder greyContent(boolean greyContent) {
            this.greyContent = greyContent;
            return this;
        }

        /** {@code transfer.balance_styles}: cin: every style's errors count alike. */
        public Builder balanceStyles(boolean balanceStyles) {
            this.balanceStyles = balanceStyles;
            return this;
        }

        /** {@code transfer.adversarial_weight}: cin: weight of the adversarial loss. */
        public Builder adversarialWeight(double adversarialWeight) {
            this.adversarialWeight = adversarialWeight;
            return this;
        }

        /** {@code transfer.paired_weight}: cin: weight of the paired loss. */
        public Builder pairedWeight(double pairedWeight) {
            this.pairedWeight = pairedWeight;
            return this;
        }

        /** {@code transfer.residual_blocks}: cin: residual blocks of the network. */
        public Builder residualBlocks(int residualBlocks) {
            this.residualBlocks = residualBlocks;
            return this;
        }

        /** {@code transfer.global_context}: cin: the decoder's last features modulated per image. */
        public Builder globalContext(boolean globalContext) {
            this.globalContext = globalContext;
            return this;
        }

        /** {@code transfer.early_stopping_patience}: epochs without improvement before a phase stops, 0 = never. */
        public Builder earlyStoppingPatience(int earlyStoppingPatience) {
            this.earlyStoppingPatience = earlyStoppingPatience;
            return this;
        }

        /** {@code transfer.min_delta}: the smallest fall of the loss that counts. */
        public Builder minDelta(double minDelta) {
            this.minDelta = minDelta;
            return this;
        }

        /** cin: sets {@link #decoder(ConvAutoencoder.Upsampler)} to nearest upsampling + convolution or transposed. */
        public Builder upsample(boolean upsample) {
            return decoder(upsample ? ConvAutoencoder.Upsampler.UPSAMPLE : ConvAutoencoder.Upsampler.TRANSPOSED);
        }

        /** cin: sets {@link #lrSchedule(LearningRateSchedule.Shape)} and {@link #warmupEpochs(int)} from a schedule. */
        public Builder schedule(LearningRateSchedule schedule) {
            return lrSchedule(schedule.shape()).warmupEpochs(schedule.warmupEpochs());
        }

        /**
         * @return the options
         * @throws io.github.wikiart.config.ConfigException naming the key, the value and what was expected
         */
        public TransferOptions build() {
            return new TransferOptions(method, epochs, batchSize, learningRate, width, styleWeight, contentWeight,
                    styleLayers, embedDim, autoencoderRun, decoder, features, featureEpochs, content, lrSchedule,
                    warmupEpochs, residual, styleTargets, colourMap, histogramWeight, classifierWeight,
                    histogramChannels, textureWeight, positionChannels, greyContent, balanceStyles, adversarialWeight,
                    pairedWeight, residualBlocks, globalContext, earlyStoppingPatience, minDelta);
        }
    }
}
