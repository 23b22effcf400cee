package io.github.wikiart.train.transfer;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.DecodedImageCache;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.Seeds;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.transfer.CinArchitecture;
import io.github.wikiart.models.transfer.CinTransferNet;
import io.github.wikiart.models.transfer.FeatureStack;
import io.github.wikiart.models.transfer.GramHead;
import io.github.wikiart.models.transfer.QuantileMap;
import io.github.wikiart.models.transfer.StyleLosses;
import io.github.wikiart.train.loop.EpochStats;
import io.github.wikiart.train.loop.LoopListener;
import io.github.wikiart.train.loop.LoopResult;
import io.github.wikiart.train.loop.Step;
import io.github.wikiart.train.loop.TrainingLoop;
import io.github.wikiart.train.loop.TrainingStoppedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the {@link CinTransferNet} on random target styles. The loss features are a
 * {@link FeatureStack}: fixed random filters (the default, the first version) or trained on the
 * training split to tell the styles apart. The style of a target is, per style layer, the mean Gram
 * matrix over the training images of that style; the style layers are the stack's layers and, with
 * trained features, the pixels themselves (their Gram matrix holds the colour statistics). With
 * random features the loss is
 * {@code styleWeight * sum_l MSE(Gram_l(output), target_l(style)) + contentWeight * MSE(F_1(output), F_1(input))};
 * with trained features every term is relative (see {@link #addLoss}), so the weights do not depend
 * on the scale of the features.
 */
public final class CinTransferTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(CinTransferTrainer.class);
    private static final String LOSS = "loss";
    private static final int CONTENT_LAYER = 1;

    private CinTransferTrainer() {
    }

    /**
     * Loss features and their style targets: everything the training graph needs besides the network.
     *
     * @param stack the loss features
     * @param pixelStatistics whether the pixels' Gram matrix is a style layer (before the stack's)
     * @param targets per style layer, the {@code [styles, c*c]} mean Gram matrices of the styles
     * @param shifts per style layer, the {@code [styles, c*c]} change of the mean Gram matrix from
     *     the content images to each style, when the targets are {@link CinTransferOptions.StyleTargets#SHIFT}
     *     (the input's own Gram matrix plus its style's shift); null for the class means themselves
     * @param histogramWeight weight of the colour-distribution loss; when positive, the entry of
     *     {@code targets} (and {@code shifts}, {@code quantiles}) after the style layers is the
     *     {@code [styles, channels.count() * CDF_THRESHOLDS]} table of {@link StyleLosses#colourCdf}
     *     distributions
     * @param head the classifier of the stack's Gram matrices trained with it, or null (random features)
     * @param classifierWeight weight of the classifier loss (0: none; positive needs a head)
     * @param quantiles per style layer (and the colour distributions), the map of the input's own
     *     statistic to its target when the targets are {@link CinTransferOptions.StyleTargets#QUANTILE};
     *     null otherwise
     * @param channels the colour directions of the colour distributions
     * @param textureWeight weight of the texture-distribution loss; when positive, the last entry of
     *     {@code targets} (and {@code shifts}, {@code quantiles}) is the table of
     *     {@link StyleLosses#textureCdf} distributions, after the colour distributions
     * @param balance per statistic table, the {@code [styles]} weight of each style's error
     *     ({@link #balance}), or null for equal weights
     * @param adversarialWeight weight of the adversarial loss ({@link AdversarialCritic}; 0: none;
     *     positive needs a head, whose copy with one more class starts the critic)
     * @param pairedWeight weight of the paired loss (0: none): the mean absolute difference of the
     *     output from the true rendering of its input in its target style, where the training images
     *     hold one ({@link PairedRenderings})
     * @param pairedBalance the {@code [styles]} weight of each style's paired error ({@link #balance}
     *     of the errors of untouched images), or null for equal weights
     * @param pairedTargets whether each statistic's target is that of the input's true rendering in
     *     its target style ({@link CinTransferOptions.StyleTargets#PAIRED}), weighted like the paired
     *     error; {@code targets} then only scale the relative errors
     */
    record LossSetup(FeatureStack stack, boolean pixelStatistics, List<INDArray> targets, List<INDArray> shifts,
                     double histogramWeight, GramHead head, double classifierWeight, List<QuantileMap> quantiles,
                     StyleLosses.ColourChannels channels, double textureWeight, List<INDArray> balance,
                     double adversarialWeight, double pairedWeight, INDArray pairedBalance,
                     boolean pairedTargets) {
        LossSetup(FeatureStack stack, boolean pixelStatistics, List<INDArray> targets, List<INDArray> shifts,
                  double histogramWeight, GramHead head, double classifierWeight) {
            this(stack, pixelStatistics, targets, shifts, histogramWeight, head, classifierWeight, null,
                    StyleLosses.ColourChannels.RGBY, 0, null, 0, 0, null, false);
        }

        LossSetup(FeatureStack stack, boolean pixelStatistics, List<INDArray> targets, List<INDArray> shifts,
                  double histogramWeight, GramHead head, double classifierWeight, List<QuantileMap> quantiles,
                  StyleLosses.ColourChannels channels, double textureWeight) {
            this(stack, pixelStatistics, targets, shifts, histogramWeight, head, classifierWeight, quantiles,
                    channels, textureWeight, null, 0, 0, null, false);
        }

        /** @return the same setup with the styles' errors weighted by {@code weights} (per table, {@code [styles]}) */
        LossSetup withBalance(List<INDArray> weights) {
            return new LossSetup(stack, pixelStatistics, targets, shifts, histogramWeight, head, classifierWeight,
                    quantiles, channels, textureWeight, weights, adversarialWeight, pairedWeight, pairedBalance,
                    pairedTargets);
        }

        /** @return the same setup with the adversarial loss at this weight */
        LossSetup withAdversarial(double weight) {
            return new LossSetup(stack, pixelStatistics, targets, shifts, histogramWeight, head, classifierWeight,
                    quantiles, channels, textureWeight, balance, weight, pairedWeight, pairedBalance, pairedTargets);
        }

        /**
         * @param weight the paired loss's weight
         * @param styleWeights the {@code [styles]} weight of each style's error, or null for equal weights
         * @return the same setup with the paired loss
         */
        LossSetup withPaired(double weight, INDArray styleWeights) {
            return new LossSetup(stack, pixelStatistics, targets, shifts, histogramWeight, head, classifierWeight,
                    quantiles, channels, textureWeight, balance, adversarialWeight, weight, styleWeights,
                    pairedTargets);
        }

        /** @return the same setup with the statistics of the true renderings as targets */
        LossSetup withPairedTargets() {
            return new LossSetup(stack, pixelStatistics, targets, null, histogramWeight, head, classifierWeight,
                    null, channels, textureWeight, null, adversarialWeight, pairedWeight, pairedBalance, true);
        }

        /** @return whether the graph takes the true renderings (the paired loss or paired targets) */
        boolean paired() {
            return pairedWeight > 0 || pairedTargets;
        }

        /** @return whether a target depends on the input's own statistics */
        boolean ownTargets() {
            return shifts != null || quantiles != null;
        }

        LossSetup {
            if (classifierWeight > 0 && head == null) {
                throw new IllegalArgumentException("a classifier loss needs the classifier trained with the features");
            }
            if (adversarialWeight > 0 && head == null) {
                throw new IllegalArgumentException("an adversarial loss needs the classifier trained with the features");
            }
        }

        boolean histogram() {
            return histogramWeight > 0;
        }

        /** @return the pixel distributions whose losses are on */
        Distributions distributions() {
            return new Distributions(histogram() ? channels : null, textureWeight > 0);
        }

        /** @return the number of style layers (the targets without the pixel distributions) */
        int styleLayerCount() {
            return targets.size() - distributions().count();
        }
    }

    /**
     * The pixel distributions compared after the style layers' Gram matrices, in this order: the
     * colour distributions ({@link StyleLosses#colourCdf}) and the texture distributions
     * ({@link StyleLosses#textureCdf}), each when its loss is on.
     *
     * @param colour the colour directions, or null without the colour-distribution loss
     * @param texture whether the texture-distribution loss is on
     */
    record Distributions(StyleLosses.ColourChannels colour, boolean texture) {
        static Distributions of(CinTransferOptions options) {
            return new Distributions(options.histogramWeight() > 0 ? options.histogramChannels() : null,
                    options.textureWeight() > 0);
        }

        int count() {
            return (colour != null ? 1 : 0) + (texture ? 1 : 0);
        }

        /** @return the distributions of the images, {@code [b, n]} each, in order */
        List<SDVariable> of(SameDiff sd, SDVariable images, long side) {
            List<SDVariable> out = new ArrayList<>();
            if (colour != null) {
                out.add(StyleLosses.colourCdf(sd, images, side, CDF_THRESHOLDS, colour));
            }
            if (texture) {
                out.add(StyleLosses.textureCdf(sd, images, side));
            }
            return out;
        }

        /** @return the values per image of each distribution, in order */
        List<Long> widths() {
            List<Long> out = new ArrayList<>();
            if (colour != null) {
                out.add((long) colour.count() * CDF_THRESHOLDS);
            }
            if (texture) {
                out.add((long) StyleLosses.TEXTURE_STATISTICS);
            }
            return out;
        }
    }

    /** Name of the weighted style term of the loss. */
    static final String STYLE_TERM = "style_loss";
    /** Name of the weighted content term of the loss. */
    static final String CONTENT_TERM = "content_loss";
    /** Name of the weighted colour-distribution term of the loss (present when its weight is positive). */
    static final String HISTOGRAM_TERM = "histogram_loss";
    /** Name of the weighted texture-distribution term of the loss (present when its weight is positive). */
    static final String TEXTURE_TERM = "texture_loss";
    /** Name of the weighted classifier term of the loss (present when its weight is positive). */
    static final String CLASSIFIER_TERM = "classifier_loss";
    /** Name of the weighted adversarial term of the loss (present when its weight is positive). */
    static final String ADVERSARIAL_TERM = "adversarial_loss";
    /** Name of the weighted paired term of the loss (present when its weight is positive). */
    static final String PAIRED_TERM = "paired_loss";
    /** Name of the classifier's logits of the output (present when the classifier loss is). */
    static final String CLASSIFIER_LOGITS = "classifier_logits";

    /** Intervals per statistic of the quantile maps ({@link CinTransferOptions.StyleTargets#QUANTILE}). */
    static final int QUANTILE_INTERVALS = 8;
    /** Images per style (and content images) whose statistics estimate the quantiles. */
    static final int QUANTILE_SAMPLE = 512;

    /** Thresholds per channel of the colour-distribution loss. */
    static final int CDF_THRESHOLDS = 16;

    /** The name of the transfer network's training phase (in progress events and resume checkpoints). */
    public static final String PHASE = "the transfer network";
    /** The phases of a training, in order (the loss features only when they are trained). */
    public static final List<String> PHASES = List.of(FeatureNetTrainer.PHASE, PHASE);

    /**
     * Trains without resume checkpoints; see {@link #train(List, List, LabelIndex, DataOptions,
     * CinTransferOptions, Path, LoopListener, TransferControl)}.
     *
     * @param train training images (their labels give the style targets)
     * @param content the images the network learns to restyle
     * @param labels the styles
     * @param data image preparation (side must be even)
     * @param options network and loss settings
     * @param runDir the run folder for metrics and checkpoints, or null for none
     * @param progress progress events, or null
     * @return the trained model
     * @throws TrainingStoppedException when the loss became NaN or infinite
     */
    public static CinTransfer train(List<Sample> train, List<Sample> content, LabelIndex labels, DataOptions data,
                                    CinTransferOptions options, Path runDir,
                                    LoopListener<Object, ? super SameDiff> progress) {
        try {
            return train(train, content, labels, data, options, runDir, progress, TransferControl.none());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Trains with the {@link TrainingLoop}: with trained features, first the loss features
     * ({@link FeatureNetTrainer}, phase {@value FeatureNetTrainer#PHASE}), then the transfer
     * network (phase {@value #PHASE}). After every epoch of the transfer network, when
     * {@code runDir} is given, {@code metrics.csv} gets a row and the graph is checkpointed
     * ({@link TransferCheckpoints}). The loop's NaN policy applies: a non-finite loss stops
     * training, the checkpoints of the last good epoch are kept, and a
     * {@link TrainingStoppedException} names the epoch and batch. The loss is measured every 10
     * batches ({@link SparseLoss}), so the mean training loss of an epoch is the mean of the latest
     * measurements. Each image's target style is drawn from {@code (seed, epoch, batch position)},
     * so a resumed run draws the same ones.
     *
     * <p>Resuming: a checkpoint of the loss features continues their training and then trains the
     * network; one of the transfer network loads its graph (which holds the loss features and the
     * style targets) and continues from its batch.
     *
     * @param train training images (their labels give the style targets)
     * @param content the images the network learns to restyle: a folder of photographs, or the
     *     training images themselves
     * @param labels the styles
     * @param data image preparation (side must be even)
     * @param options network and loss settings
     * @param runDir the run folder for metrics and checkpoints, or null for none
     * @param progress progress events, or null
     * @param control resume checkpoints, stop signal and where to continue
     * @return the trained model
     * @throws TrainingStoppedException when the loss became NaN or infinite
     * @throws io.github.wikiart.train.loop.TrainingInterruptedException when the stop signal was
     *     requested (after a checkpoint was written)
     * @throws IOException when the resume checkpoint cannot be read
     */
    public static CinTransfer train(List<Sample> train, List<Sample> content, LabelIndex labels, DataOptions data,
                                    CinTransferOptions options, Path runDir,
                                    LoopListener<Object, ? super SameDiff> progress, TransferControl control)
            throws IOException {
        int side = data.imageSize();
        control.savedPhaseIndex(PHASES);
        TransferControl.Phase<TransferEpoch> phase = control.phase(PHASE, TransferEpoch.CODEC);
        PairedRenderings pairs = options.paired() ? PairedRenderings.of(train, content, labels, data) : null;
        if (pairs != null) {
            LOG.info("paired loss: {} true renderings of the content images; untouched errors per style {}",
                    pairs.pairs(), java.util.Arrays.toString(pairs.untouchedErrors()));
        }
        LossSetup loss = phase.resumed() ? null : lossSetup(train, content, labels, data, options, progress, control);
        if (loss != null && pairs != null) {
            loss = loss.withPaired(options.pairedWeight(), options.balanceStyles()
                    ? balance(List.of(Nd4j.createFromArray(pairs.untouchedErrors()))).get(0) : null);
        }
        List<Sample> contentSamples = pairs != null ? PairedRenderings.labelledByFile(content) : content;
        LabelIndex contentLabels = LabelIndex.of(contentSamples.stream().map(Sample::label).distinct().toList());
        SameDiff sd;
        try (ImageBatchIterator it = ImageBatchIterator.builder(contentSamples, contentLabels).imageSize(side)
                .resize(data.resize()).decoder(data.decoder()).layout(TensorLayout.NHWC)
                .batchSize(options.batchSize()).seed(Seeds.derive(options.seed(), "transfer/shuffle"))
                .cache(new DecodedImageCache(512L << 20)).build()) {
            int batches = it.batchesPerEpoch();
            sd = phase.resumed() ? phase.graph() : trainingGraph(side, labels.size(), options, loss, batches);
            SameDiff graph = sd;
            AdversarialCritic critic = critic(graph, loss, train, labels, data, options);
            try {
                SparseLoss measured = new SparseLoss(phase.number(SparseLoss.KEY, Double.NaN));
                Step step = ds -> {
                    INDArray x = ds.getFeatures();
                    INDArray s = randomTargets(x.size(0), labels.size(), options.seed(), it);
                    Map<String, INDArray> placeholders = new java.util.HashMap<>(Map.of(CinTransferNet.INPUT, x,
                            CinTransferNet.STYLE, s));
                    if (pairs == null) {
                        graph.fit(new DataSet(x, s));
                    } else {
                        placeholders.putAll(pairs.batch(PairedRenderings.contentFiles(ds.getLabels(), contentLabels),
                                s.argMax(1).toIntVector()));
                        graph.fit(new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {x,
                                placeholders.get(PairedRenderings.TARGET), placeholders.get(PairedRenderings.MASK)},
                                new INDArray[] {s}));
                    }
                    if (critic != null) {
                        critic.learn(graph.output(placeholders, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT));
                        critic.copyTo(graph);
                    }
                    // SameDiff's fit never runs the loss ops (M2.1 skips them: their outputs are not
                    // needed for the gradients), so the loss costs a forward pass of its own.
                    return measured.measure(it, () -> graph.output(placeholders, LOSS).get(LOSS).getDouble(0));
                };
                Map<String, INDArray> probe = probeBatch(contentSamples, contentLabels, data, labels.size(), pairs);
                TrainingLoop.Builder<TransferEpoch, SameDiff> loop = TrainingLoop.<TransferEpoch, SameDiff>builder()
                        .epochs(options.epochs()).phase(PHASE)
                        .best(TransferEpoch::probeLoss, TrainingLoop.Goal.MINIMISE)
                        .listeners(TransferCheckpoints.listeners(runDir, TransferEpoch::metrics, TransferEpoch::entry));
                if (progress != null) {
                    loop.listener(progress);
                }
                phase.loop(Seeds.derive(options.seed(), "transfer/steps"), measured, Map.of()).applyTo(loop);
                LoopResult<TransferEpoch> result = loop.build().run(sd, it, step, stats -> {
                    double probeLoss = graph.output(probe, LOSS).get(LOSS).getDouble(0);
                    LOG.debug("transfer epoch {}: mean loss {}, probe loss {}", stats.epoch(), stats.meanLoss(), probeLoss);
                    if (critic == null) {
                        return new TransferEpoch(stats, probeLoss);
                    }
                    double[] scores = critic.drainScores();
                    LOG.debug("transfer epoch {}: the critic classed {} of the outputs as made and {} of the "
                            + "training images as their style", stats.epoch(), scores[0], scores[1]);
                    return new TransferEpoch(stats, probeLoss, scores[0], scores[1]);
                });
                if (result.stop().isPresent()) {
                    throw TransferCheckpoints.stopped(PHASE, result.stop().get(), runDir, "");
                }
            } finally {
                if (critic != null) {
                    critic.close();
                }
            }
        }
        return new CinTransfer(sd, labels, ModelInput.of(data, TensorLayout.NHWC));
    }

    /**
     * The critic of the adversarial loss, when the graph has one: new from the loss setup, or from
     * the graph's copy of its weights when resuming.
     */
    private static AdversarialCritic critic(SameDiff graph, LossSetup loss, List<Sample> train, LabelIndex labels,
                                            DataOptions data, CinTransferOptions options) {
        if (!AdversarialCritic.in(graph)) {
            return null;
        }
        long seed = Seeds.derive(options.seed(), "transfer/critic");
        if (loss == null) {
            return AdversarialCritic.resume(graph, train, labels, data, options.batchSize(), seed);
        }
        return AdversarialCritic.start(loss.stack(), AdversarialCritic.withMadeClass(loss.head()), train, labels,
                data, options.batchSize(), seed);
    }

    /** Probe images per style (at most: fewer when there are fewer content images). */
    static final int PROBE_PER_STYLE = 2;

    /**
     * The fixed batch whose loss is measured after every epoch: the first
     * {@value #PROBE_PER_STYLE} x styles content images in their listed order (fewer when there are
     * fewer), image {@code i} moved to style {@code i mod styles}.
     *
     * @return the placeholders of that batch
     */
    static Map<String, INDArray> probeBatch(List<Sample> content, LabelIndex contentLabels, DataOptions data,
                                            int styles, PairedRenderings pairs) {
        int n = Math.min(content.size(), PROBE_PER_STYLE * styles);
        DataSet batch;
        try (ImageBatchIterator it = ImageBatchIterator.builder(content.subList(0, n), contentLabels)
                .imageSize(data.imageSize()).resize(data.resize()).decoder(data.decoder()).layout(TensorLayout.NHWC)
                .batchSize(n).shuffle(false).build()) {
            batch = it.next();
        }
        INDArray images = batch.getFeatures();
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, images.size(0), styles);
        int[] targets = new int[(int) images.size(0)];
        for (int i = 0; i < images.size(0); i++) {
            targets[i] = i % styles;
            oneHot.putScalar(i, targets[i], 1.0);
        }
        Map<String, INDArray> out = new java.util.HashMap<>(Map.of(CinTransferNet.INPUT, images,
                CinTransferNet.STYLE, oneHot));
        if (pairs != null) {
            out.putAll(pairs.batch(PairedRenderings.contentFiles(batch.getLabels(), contentLabels), targets));
        }
        return out;
    }

    /**
     * The probe batch of a training on these content images: with it, the probe loss of any saved
     * checkpoint of a training without the paired loss can be recomputed ({@code graph.output(probe, "loss")}).
     *
     * @param content the content images, in training order
     * @param data image preparation
     * @param styles number of styles
     * @return the placeholders of the probe batch
     */
    public static Map<String, INDArray> probeBatch(List<Sample> content, DataOptions data, int styles) {
        return probeBatch(content, LabelIndex.of(content.stream().map(Sample::label).distinct().toList()), data,
                styles, null);
    }

    /**
     * The loss features (trained on the training images, or random) and the style targets; with
     * shifted targets also the mean statistics of the content images.
     */
    static LossSetup lossSetup(List<Sample> train, List<Sample> content, LabelIndex labels, DataOptions data,
                               CinTransferOptions options, LoopListener<Object, ? super SameDiff> progress) {
        try {
            return lossSetup(train, content, labels, data, options, progress, TransferControl.none());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LossSetup lossSetup(List<Sample> train, List<Sample> content, LabelIndex labels, DataOptions data,
                                       CinTransferOptions options, LoopListener<Object, ? super SameDiff> progress,
                                       TransferControl control) throws IOException {
        return targets(train, content, labels, data, options, progress, control)
                .withAdversarial(options.adversarialWeight());
    }

    /** The loss features and the style targets of {@link #lossSetup}, without the adversarial loss. */
    private static LossSetup targets(List<Sample> train, List<Sample> content, LabelIndex labels, DataOptions data,
                                     CinTransferOptions options, LoopListener<Object, ? super SameDiff> progress,
                                     TransferControl control) throws IOException {
        long phiSeed = Seeds.derive(options.seed(), "transfer/features");
        FeatureStack stack;
        GramHead head = null;
        boolean pixels;
        if (options.features() == CinTransferOptions.Features.TRAINED) {
            FeatureNetTrainer.Trained trained = FeatureNetTrainer.train(train, labels, data, options.featureEpochs(),
                    32, phiSeed, progress, control.phase(FeatureNetTrainer.PHASE, EpochStats.CODEC));
            LOG.info("loss features trained: training accuracy of their Gram statistics {}", trained.trainAccuracy());
            stack = trained.stack();
            head = trained.head();
            pixels = true;
        } else {
            stack = FeatureStack.random(phiSeed, DataType.FLOAT, FeatureStack.RANDOM_CHANNELS,
                    FeatureStack.RANDOM_STRIDES);
            pixels = false;
        }
        Distributions distributions = Distributions.of(options);
        List<INDArray> targets = Statistics.of(train, labels, data, stack, pixels, distributions, false).classMeans();
        if (options.styleTargets() == CinTransferOptions.StyleTargets.CLASS
                || options.styleTargets() == CinTransferOptions.StyleTargets.PAIRED) {
            LossSetup setup = new LossSetup(stack, pixels, targets, null, options.histogramWeight(), head,
                    options.classifierWeight(), null, options.histogramChannels(), options.textureWeight());
            return options.styleTargets() == CinTransferOptions.StyleTargets.PAIRED ? setup.withPairedTargets() : setup;
        }
        List<Sample> asOne = content.stream().map(c -> new Sample(c.path(), "content")).toList();
        LabelIndex contentLabel = LabelIndex.of(List.of("content"));
        if (options.styleTargets() == CinTransferOptions.StyleTargets.QUANTILE) {
            long sampleSeed = Seeds.derive(options.seed(), "transfer/quantiles");
            Statistics styled = Statistics.of(perStyleSample(train, QUANTILE_SAMPLE, sampleSeed), labels, data, stack,
                    pixels, distributions, true);
            Statistics own = Statistics.of(perStyleSample(asOne, QUANTILE_SAMPLE, sampleSeed), contentLabel, data,
                    stack, pixels, distributions, true);
            List<QuantileMap> maps = new ArrayList<>();
            for (int l = 0; l < targets.size(); l++) {
                maps.add(QuantileMap.fit(styled.perStyle(l), own.values().get(l), QUANTILE_INTERVALS));
            }
            LossSetup setup = new LossSetup(stack, pixels, targets, null, options.histogramWeight(), head,
                    options.classifierWeight(), maps, options.histogramChannels(), options.textureWeight());
            return options.balanceStyles() ? setup.withBalance(balance(quantileErrors(maps, own.values(),
                    labels.size()))) : setup;
        }
        List<INDArray> contentMeans = Statistics.of(asOne, contentLabel, data, stack, pixels, distributions, false)
                .classMeans();
        List<INDArray> shifts = new ArrayList<>();
        for (int l = 0; l < targets.size(); l++) {
            shifts.add(targets.get(l).subRowVector(contentMeans.get(l)));
        }
        LossSetup setup = new LossSetup(stack, pixels, targets, shifts, options.histogramWeight(), head,
                options.classifierWeight(), null, options.histogramChannels(), options.textureWeight());
        return options.balanceStyles() ? setup.withBalance(balance(shiftErrors(shifts))) : setup;
    }

    /**
     * Per table, the {@code [styles]} mean squared error of the content images' own statistics
     * against their quantile-mapped targets in each style.
     */
    private static List<INDArray> quantileErrors(List<QuantileMap> maps, List<INDArray> contentValues, int styles) {
        List<INDArray> errors = new ArrayList<>();
        for (int l = 0; l < maps.size(); l++) {
            INDArray values = contentValues.get(l);
            double[] perStyle = new double[styles];
            int[] targets = new int[(int) values.size(0)];
            for (int k = 0; k < styles; k++) {
                java.util.Arrays.fill(targets, k);
                INDArray d = maps.get(l).apply(values, targets).sub(values);
                perStyle[k] = d.mul(d).meanNumber().doubleValue();
            }
            errors.add(Nd4j.createFromArray(perStyle));
        }
        return errors;
    }

    /**
     * Per table, the {@code [styles]} mean squared shift: the error of an unchanged image against
     * its shifted target.
     */
    private static List<INDArray> shiftErrors(List<INDArray> shifts) {
        List<INDArray> errors = new ArrayList<>();
        for (INDArray shift : shifts) {
            errors.add(shift.mul(shift).mean(1).castTo(DataType.DOUBLE));
        }
        return errors;
    }

    /** The largest factor by which {@link #balance} raises or lowers a style's weight. */
    static final double BALANCE_LIMIT = 10;

    /**
     * Weights that make every style's error count alike: per statistic table, the mean over the
     * styles of the error an unchanged content image makes against the style's targets, over that
     * style's own error, kept within [1 / {@value #BALANCE_LIMIT}, {@value #BALANCE_LIMIT}]. A style
     * close to the photographs (a light filter) has small errors for every output, so with equal
     * weights its transfers are barely asked to change; balanced, each style asks for its change as
     * loudly as the others.
     *
     * @param errors per table, the {@code [styles]} mean squared error of the content images' own
     *     statistics against each style's targets
     * @return per table, the {@code [styles]} weights (float)
     */
    static List<INDArray> balance(List<INDArray> errors) {
        List<INDArray> out = new ArrayList<>();
        for (INDArray e : errors) {
            double mean = e.meanNumber().doubleValue();
            double[] w = new double[(int) e.length()];
            for (int k = 0; k < w.length; k++) {
                double ratio = mean / Math.max(e.getDouble(k), 1e-30);
                w[k] = Math.min(BALANCE_LIMIT, Math.max(1 / BALANCE_LIMIT, ratio));
            }
            out.add(Nd4j.createFromArray(w).castTo(DataType.FLOAT));
        }
        return out;
    }

    /**
     * The error of a statistic table: the mean squared error, or with sample weights the mean over
     * the batch of each sample's mean squared error times its weight.
     *
     * @param n values per sample
     * @param weights {@code [b, 1]}, or null for equal weights
     */
    private static SDVariable styleError(SameDiff sd, SDVariable a, SDVariable b, long n, SDVariable weights) {
        if (weights == null) {
            return StyleLosses.mse(sd, a, b);
        }
        SDVariable d = sd.reshape(a.sub(b), -1L, n);
        return d.mul(d).mul(weights).mean();
    }

    /**
     * The weight of each sample's error in statistic table {@code l}: with paired targets the
     * paired weights (mask times style balance), with balanced styles its style's weight, else
     * null (equal weights).
     *
     * @param paired {@code [b, 1]} with paired targets, else null
     */
    private static SDVariable weights(SameDiff sd, LossSetup loss, int l, SDVariable styles, SDVariable paired) {
        if (paired != null) {
            return paired;
        }
        if (loss.balance() == null) {
            return null;
        }
        return styles.mmul(sd.constant("style_balance_" + l,
                loss.balance().get(l).castTo(styles.dataType()).reshape(-1, 1)));
    }

    /**
     * The graph that training fits: the network, the loss features and the losses, with Adam.
     * Public for benchmarks, which time {@code sd.fit} on it.
     *
     * @param side image side
     * @param numStyles number of styles
     * @param options settings
     * @param stack the loss features
     * @param pixelStatistics whether the pixels' Gram matrix is a style layer (before the stack's)
     * @param targets per style layer, the {@code [styles, c*c]} target Gram matrices
     * @return the graph, ready for {@code fit(new DataSet(images, oneHotStyles))}
     */
    public static SameDiff trainingGraph(int side, int numStyles, CinTransferOptions options, FeatureStack stack,
                                         boolean pixelStatistics, List<INDArray> targets) {
        return trainingGraph(side, numStyles, options, new LossSetup(stack, pixelStatistics, targets, null, 0, null, 0),
                1);
    }

    static SameDiff trainingGraph(int side, int numStyles, CinTransferOptions options, LossSetup loss,
                                          int batchesPerEpoch) {
        SameDiff sd = CinTransferNet.build(side, side, new CinArchitecture(numStyles, options.width(), DataType.FLOAT,
                options.upsample(), options.residual(), options.colourMap(), options.positionChannels(),
                options.residualBlocks(), options.globalContext()),
                Seeds.derive(options.seed(), "transfer/init"));
        addLoss(sd, loss, side, options.styleWeight(), options.contentWeight(), options.greyContent());
        String[] features = loss.paired()
                ? new String[] {CinTransferNet.INPUT, PairedRenderings.TARGET, PairedRenderings.MASK}
                : new String[] {CinTransferNet.INPUT};
        sd.setTrainingConfig(new TrainingConfig.Builder()
                .updater(new Adam(learningRates(options, batchesPerEpoch)))
                .dataSetFeatureMapping(features).dataSetLabelMapping(CinTransferNet.STYLE).build());
        return sd;
    }

    /**
     * The schedule's rate of each epoch, as ND4J's per-iteration schedule (SameDiff counts
     * iterations across fits; it counts epochs only when fitting several at once).
     */
    static MapSchedule learningRates(CinTransferOptions options, int batchesPerEpoch) {
        Map<Integer, Double> rates = new java.util.HashMap<>();
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            rates.put((epoch - 1) * batchesPerEpoch,
                    options.schedule().rate(options.learningRate(), epoch, options.epochs()));
        }
        return new MapSchedule(ScheduleType.ITERATION, rates);
    }

    /** Per style layer: the activation, its side and its channels. */
    private record StyleLayer(SDVariable activation, long side, long channels) {
    }

    private static List<StyleLayer> styleLayers(SameDiff sd, FeatureStack.Bound bound, FeatureStack stack,
                                                boolean pixels, SDVariable images, int side) {
        List<StyleLayer> out = new ArrayList<>();
        if (pixels) {
            out.add(new StyleLayer(images.sub(0.5), side, 3));
        }
        List<SDVariable> acts = bound.apply(sd, images);
        for (int l = 0; l < acts.size(); l++) {
            out.add(new StyleLayer(acts.get(l), stack.sideAt(side, l), stack.channels(l)));
        }
        return out;
    }

    /**
     * Adds the style and content losses to a transfer graph. With trained features (pixel
     * statistics on) each term is relative: a layer's Gram error over the mean square of its
     * targets, averaged over layers, and the content error over the mean square of the content
     * features. With random features the losses are the first version's absolute ones: the sum over
     * layers of the Gram errors, and the content error. With {@code greyContent} the content error
     * compares the features of the grey versions of output and input ({@link StyleLosses#grey}), so
     * that a change of colour alone costs nothing.
     */
    static void addLoss(SameDiff sd, LossSetup loss, int side, double styleWeight, double contentWeight,
                        boolean greyContent) {
        DataType type = sd.getVariable(CinTransferNet.OUTPUT).dataType();
        boolean relative = loss.pixelStatistics();
        FeatureStack.Bound phi = loss.stack().addTo(sd, "phi", false);
        SDVariable out = sd.getVariable(CinTransferNet.OUTPUT);
        SDVariable in = sd.getVariable(CinTransferNet.INPUT);
        SDVariable styles = sd.getVariable(CinTransferNet.STYLE);
        List<StyleLayer> fOut = styleLayers(sd, phi, loss.stack(), loss.pixelStatistics(), out, side);
        List<StyleLayer> fIn = styleLayers(sd, phi, loss.stack(), loss.pixelStatistics(), in, side);
        SDVariable truth = null;
        SDVariable pairedWeights = null;
        if (loss.paired()) {
            truth = sd.placeHolder(PairedRenderings.TARGET, type, -1, side, side, 3);
            pairedWeights = sd.placeHolder(PairedRenderings.MASK, type, -1, 1, 1, 1);
            if (loss.pairedBalance() != null) {
                pairedWeights = pairedWeights.mul(sd.reshape(styles.mmul(sd.constant("paired_balance",
                        loss.pairedBalance().castTo(type).reshape(-1, 1))), -1L, 1L, 1L, 1L));
            }
        }
        List<StyleLayer> fTruth = loss.pairedTargets()
                ? styleLayers(sd, phi, loss.stack(), loss.pixelStatistics(), truth, side) : null;
        SDVariable sampleWeights = loss.pairedTargets() ? sd.reshape(pairedWeights, -1L, 1L) : null;
        List<SDVariable> grams = new ArrayList<>();
        List<SDVariable> wanted = new ArrayList<>();
        for (int l = 0; l < fOut.size(); l++) {
            StyleLayer layer = fOut.get(l);
            long c = layer.channels();
            grams.add(StyleLosses.gram(sd, layer.activation(), layer.side(), layer.side(), c));
            if (fTruth != null) {
                wanted.add(StyleLosses.gram(sd, fTruth.get(l).activation(), layer.side(), layer.side(), c));
                continue;
            }
            SDVariable own = loss.ownTargets()
                    ? StyleLosses.gram(sd, fIn.get(l).activation(), layer.side(), layer.side(), c) : null;
            wanted.add(sd.reshape(target(sd, loss, l, styles, own, type), -1L, c, c));
        }
        int contentLayer = loss.pixelStatistics() ? CONTENT_LAYER + 1 : CONTENT_LAYER;
        SDVariable featuresOut;
        SDVariable featuresIn;
        if (greyContent) {
            featuresOut = phi.apply(sd, StyleLosses.grey(sd, out, side), CONTENT_LAYER + 1).get(CONTENT_LAYER);
            featuresIn = phi.apply(sd, StyleLosses.grey(sd, in, side), CONTENT_LAYER + 1).get(CONTENT_LAYER);
        } else {
            featuresOut = fOut.get(contentLayer).activation();
            featuresIn = fIn.get(contentLayer).activation();
        }
        // The sum over layers of each layer's Gram error (StyleLosses.styleLoss op for op when no
        // sample is weighted), relative: each over its targets' mean square, averaged over layers.
        SDVariable style = null;
        for (int l = 0; l < grams.size(); l++) {
            long c = fOut.get(l).channels();
            SDVariable term = styleError(sd, grams.get(l), wanted.get(l), c * c,
                    weights(sd, loss, l, styles, sampleWeights));
            if (relative) {
                INDArray table = loss.targets().get(l);
                term = term.div(table.mul(table).meanNumber().doubleValue());
            }
            style = style == null ? term : style.add(term);
        }
        style = style.mul(relative ? styleWeight / grams.size() : styleWeight);
        SDVariable content = StyleLosses.mse(sd, featuresOut, featuresIn);
        content = relative ? content.div(featuresIn.mul(featuresIn).mean().add(1e-8)).mul(contentWeight)
                : content.mul(contentWeight);
        style.rename(STYLE_TERM);
        content.rename(CONTENT_TERM);
        SDVariable total = style.add(content);
        Distributions distributions = loss.distributions();
        List<SDVariable> dOut = distributions.of(sd, out, side);
        List<SDVariable> dIn = loss.ownTargets() ? distributions.of(sd, in, side) : null;
        List<SDVariable> dTruth = loss.pairedTargets() ? distributions.of(sd, truth, side) : null;
        List<Double> weights = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (loss.histogram()) {
            weights.add(loss.histogramWeight());
            names.add(HISTOGRAM_TERM);
        }
        if (distributions.texture()) {
            weights.add(loss.textureWeight());
            names.add(TEXTURE_TERM);
        }
        for (int i = 0; i < dOut.size(); i++) {
            SDVariable own = dIn == null ? null : dIn.get(i);
            int table = loss.styleLayerCount() + i;
            SDVariable wantedTable = dTruth != null ? dTruth.get(i) : target(sd, loss, table, styles, own, type);
            SDVariable term = styleError(sd, dOut.get(i), wantedTable, distributions.widths().get(i),
                    weights(sd, loss, table, styles, sampleWeights)).mul(weights.get(i));
            term.rename(names.get(i));
            total = total.add(term);
        }
        if (loss.classifierWeight() > 0) {
            int first = loss.pixelStatistics() ? 1 : 0;
            long[] channels = new long[loss.stack().layers()];
            for (int l = 0; l < channels.length; l++) {
                channels[l] = loss.stack().channels(l);
            }
            SDVariable logits = loss.head().logits(sd, "style_head", grams.subList(first, grams.size()), channels);
            logits.rename(CLASSIFIER_LOGITS);
            SDVariable classifier = StyleLosses.crossEntropy(sd, styles, logits).mul(loss.classifierWeight());
            classifier.rename(CLASSIFIER_TERM);
            total = total.add(classifier);
        }
        if (loss.adversarialWeight() > 0) {
            SDVariable adversarial = AdversarialCritic.addTerm(sd, loss.stack(),
                    AdversarialCritic.withMadeClass(loss.head()), out, side, styles).mul(loss.adversarialWeight());
            adversarial.rename(ADVERSARIAL_TERM);
            total = total.add(adversarial);
        }
        if (loss.pairedWeight() > 0) {
            SDVariable paired = sd.math().abs(out.sub(truth)).mul(pairedWeights).mean().mul(loss.pairedWeight());
            paired.rename(PAIRED_TERM);
            total = total.add(paired);
        }
        total.rename(LOSS);
        sd.setLossVariables(LOSS);
    }

    /**
     * The target of statistic {@code l} for each sample's style: the style's mean (class targets),
     * the input's own statistic plus the style's shift, or the input's own statistic through the
     * style's quantile map.
     *
     * @param own the input's own statistic, {@code [b, n]} or any shape with n values per sample; null for class targets
     * @return {@code [b, n]}
     */
    private static SDVariable target(SameDiff sd, LossSetup loss, int l, SDVariable styles, SDVariable own,
                                     DataType type) {
        if (loss.quantiles() != null) {
            QuantileMap map = loss.quantiles().get(l);
            return map.apply(sd, "style_quantiles_" + l, sd.reshape(own, -1L, map.statistics()), styles);
        }
        if (loss.shifts() == null) {
            return styles.mmul(sd.constant("style_target_" + l, loss.targets().get(l).castTo(type)));
        }
        long n = loss.shifts().get(l).size(1);
        return sd.reshape(own, -1L, n).add(styles.mmul(sd.constant("style_shift_" + l,
                loss.shifts().get(l).castTo(type))));
    }

    /**
     * The statistics of a set of images, per style: per style layer the flattened Gram matrix, then
     * the pixel distributions whose losses are on ({@link Distributions}). Class means come from running sums over every image; the statistics of
     * the images themselves are kept only when asked for (the quantile maps), as they take
     * {@code images x statistics} floats.
     *
     * @param sums per statistic table, the {@code [styles, n]} sums over each style's images (double)
     * @param counts images per style
     * @param values per statistic table, {@code [images, n]} in the images' order, or null when not kept
     * @param labels each kept image's style index, or null
     */
    record Statistics(List<INDArray> sums, double[] counts, List<INDArray> values, int[] labels) {
        static Statistics of(List<Sample> images, LabelIndex labels, DataOptions data, FeatureStack stack,
                             boolean pixels, Distributions distributions, boolean keepImages) {
            int side = data.imageSize();
            SameDiff sd = SameDiff.create();
            SDVariable x = sd.placeHolder(CinTransferNet.INPUT, DataType.FLOAT, -1, side, side, 3);
            List<StyleLayer> f = styleLayers(sd, stack.addTo(sd, "phi", false), stack, pixels, x, side);
            String[] names = new String[f.size() + distributions.count()];
            List<INDArray> sums = new ArrayList<>();
            for (int l = 0; l < f.size(); l++) {
                StyleLayer layer = f.get(l);
                long c = layer.channels();
                names[l] = "gram" + l;
                sd.reshape(names[l], StyleLosses.gram(sd, layer.activation(), layer.side(), layer.side(), c), -1L,
                        c * c);
                sums.add(Nd4j.zeros(DataType.DOUBLE, labels.size(), c * c));
            }
            List<SDVariable> pixelDistributions = distributions.of(sd, x, side);
            List<Long> widths = distributions.widths();
            for (int i = 0; i < pixelDistributions.size(); i++) {
                names[f.size() + i] = "distribution" + i;
                sd.identity(names[f.size() + i], pixelDistributions.get(i));
                sums.add(Nd4j.zeros(DataType.DOUBLE, labels.size(), widths.get(i)));
            }
            List<List<INDArray>> batches = new ArrayList<>();
            for (int l = 0; l < names.length; l++) {
                batches.add(new ArrayList<>());
            }
            double[] counts = new double[labels.size()];
            int[] ids = new int[images.size()];
            int at = 0;
            try (ImageBatchIterator it = ImageBatchIterator.builder(images, labels).imageSize(side)
                    .resize(data.resize()).decoder(data.decoder()).layout(TensorLayout.NHWC).batchSize(32)
                    .shuffle(false).build()) {
                while (it.hasNext()) {
                    DataSet ds = it.next();
                    Map<String, INDArray> out = sd.output(Map.of(CinTransferNet.INPUT, ds.getFeatures()), names);
                    INDArray onehotT = ds.getLabels().castTo(DataType.DOUBLE).transpose();
                    for (int l = 0; l < names.length; l++) {
                        sums.get(l).addi(onehotT.mmul(out.get(names[l]).castTo(DataType.DOUBLE)));
                        if (keepImages) {
                            batches.get(l).add(out.get(names[l]).castTo(DataType.FLOAT).dup('c'));
                        }
                    }
                    INDArray classes = ds.getLabels().argMax(1);
                    for (int r = 0; r < classes.length(); r++) {
                        ids[at++] = classes.getInt(r);
                        counts[classes.getInt(r)]++;
                    }
                }
            }
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] == 0) {
                    throw new IllegalArgumentException("style '" + labels.name(k) + "' has no training images");
                }
            }
            if (!keepImages) {
                return new Statistics(sums, counts, null, null);
            }
            List<INDArray> values = new ArrayList<>();
            for (List<INDArray> b : batches) {
                values.add(Nd4j.concat(0, b.toArray(new INDArray[0])));
            }
            return new Statistics(sums, counts, values, java.util.Arrays.copyOf(ids, at));
        }

        /** @return per statistic table, the {@code [styles, n]} means over each style's images */
        List<INDArray> classMeans() {
            INDArray divisor = Nd4j.createFromArray(counts).reshape(counts.length, 1);
            List<INDArray> means = new ArrayList<>();
            for (INDArray sum : sums) {
                means.add(sum.div(divisor).castTo(DataType.FLOAT));
            }
            return means;
        }

        /** @return per style, the kept statistics of its images in table {@code l}, {@code [m_s, n]} */
        List<INDArray> perStyle(int l) {
            if (values == null) {
                throw new IllegalStateException("the images' statistics were not kept");
            }
            List<INDArray> out = new ArrayList<>();
            for (int k = 0; k < counts.length; k++) {
                int style = k;
                int[] rows = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == style)
                        .toArray();
                out.add(values.get(l).getRows(rows));
            }
            return out;
        }
    }

    /**
     * At most {@code max} images of each style, a seeded random choice (all of a style's images
     * when it has no more): enough to estimate the quantiles of the statistics without holding
     * every image's statistics of a large dataset.
     */
    static List<Sample> perStyleSample(List<Sample> images, int max, long seed) {
        Map<String, List<Sample>> byStyle = new java.util.LinkedHashMap<>();
        for (Sample sample : images) {
            byStyle.computeIfAbsent(sample.label(), k -> new ArrayList<>()).add(sample);
        }
        List<Sample> out = new ArrayList<>();
        Random random = new Random(seed);
        for (List<Sample> style : byStyle.values()) {
            List<Sample> copy = new ArrayList<>(style);
            java.util.Collections.shuffle(copy, random);
            out.addAll(copy.subList(0, Math.min(max, copy.size())));
        }
        return out;
    }

    /**
     * One-hot rows of random target styles for the batch the iterator just returned, drawn from
     * {@code (seed, epoch, batch position)}: the same for a resumed run, with no generator state.
     */
    static INDArray randomTargets(long n, int styles, long seed, ImageBatchIterator it) {
        Random random = new Random(Seeds.derive(seed, "transfer/targets/" + it.epoch() + "/" + it.position()));
        INDArray m = Nd4j.zeros(DataType.FLOAT, n, styles);
        for (int i = 0; i < n; i++) {
            m.putScalar(i, random.nextInt(styles), 1.0);
        }
        return m;
    }
}
