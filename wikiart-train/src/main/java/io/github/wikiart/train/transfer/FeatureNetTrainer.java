package io.github.wikiart.train.transfer;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.DecodedImageCache;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.transfer.FeatureStack;
import io.github.wikiart.models.transfer.GramHead;
import io.github.wikiart.models.transfer.SdLayers;
import io.github.wikiart.models.transfer.StyleLosses;
import io.github.wikiart.data.Seeds;
import io.github.wikiart.train.loop.EpochStats;
import io.github.wikiart.train.loop.LoopListener;
import io.github.wikiart.train.loop.LoopResult;
import io.github.wikiart.train.loop.Step;
import io.github.wikiart.train.loop.TrainingLoop;
import io.github.wikiart.train.loop.TrainingStoppedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Trains the transfer's loss features ({@link FeatureStack}) to tell the training styles apart:
 * the stack's Gram matrices (one per layer, {@code F F^T / hw}) are concatenated and fed to a
 * linear softmax classifier, and stack and classifier are trained together with Adam. The Gram
 * statistics that the style loss later compares are then the ones that separate the styles
 * (texture scale, flat regions, block edges, colour), not those of arbitrary random filters. The
 * classifier head is kept beside the convolutions ({@link Trained#head()}): the transfer's
 * optional classifier loss asks it to recognise the target style in a transfer.
 *
 * <p>This network is trained on the transfer's own training split and is never a judge of the
 * transfer: evaluation uses separately trained classifiers.
 */
public final class FeatureNetTrainer {
    /** Channels of the trained stack. */
    public static final long[] CHANNELS = {32, 64, 64, 128};
    /** Strides of the trained stack: activations at 1, 1/2, 1/4 and 1/8 of the image side. */
    public static final int[] STRIDES = {1, 2, 2, 2};
    private static final String PREFIX = "phi";
    private static final String INPUT = "input";
    private static final String LABEL = "label";
    private static final String HEAD_WEIGHTS = "head_W";
    private static final String HEAD_BIAS = "head_b";
    /** The name of this training phase (in progress events and resume checkpoints). */
    public static final String PHASE = "the loss features";

    private FeatureNetTrainer() {
    }

    /**
     * Trains a stack, without resume checkpoints.
     *
     * @param train training images with their styles
     * @param labels the styles
     * @param data image preparation
     * @param epochs passes over the training images
     * @param batchSize images per step
     * @param seed seed of the initial weights and the shuffling
     * @param progress progress events (epochs numbered from 1), or null
     * @return the trained stack and its training accuracy
     * @throws TrainingStoppedException when the loss became NaN or infinite
     */
    public static Trained train(List<Sample> train, LabelIndex labels, DataOptions data, int epochs,
                                int batchSize, long seed, LoopListener<? super EpochStats, ? super SameDiff> progress) {
        try {
            return train(train, labels, data, epochs, batchSize, seed, progress,
                    TransferControl.none().phase(PHASE, EpochStats.CODEC));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Trains a stack with the {@link TrainingLoop} (phase {@value #PHASE}). The loss is measured at
     * the first and last batch of an epoch and every 10th ({@link SparseLoss}); the batches between
     * report the latest measurement.
     *
     * @param train training images with their styles
     * @param labels the styles
     * @param data image preparation
     * @param epochs passes over the training images
     * @param batchSize images per step
     * @param seed seed of the initial weights and the shuffling
     * @param progress progress events (epochs numbered from 1), or null
     * @param phase resume checkpoints, stop signal and, when resuming this phase, where to continue
     * @return the trained stack and its training accuracy
     * @throws TrainingStoppedException when the loss became NaN or infinite
     * @throws io.github.wikiart.train.loop.TrainingInterruptedException when the stop signal was
     *     requested (after a checkpoint was written)
     */
    public static Trained train(List<Sample> train, LabelIndex labels, DataOptions data, int epochs, int batchSize,
                                long seed, LoopListener<? super EpochStats, ? super SameDiff> progress,
                                TransferControl.Phase<EpochStats> phase) {
        int side = data.imageSize();
        SameDiff sd = phase.resumed() ? phase.graph() : graph(side, labels.size(), seed);
        try (ImageBatchIterator it = ImageBatchIterator.builder(train, labels).imageSize(side).resize(data.resize())
                .decoder(data.decoder()).layout(TensorLayout.NHWC).batchSize(batchSize).seed(seed)
                .cache(new DecodedImageCache(512L << 20)).build()) {
            SparseLoss loss = new SparseLoss(phase.number(SparseLoss.KEY, Double.NaN));
            Step step = ds -> {
                sd.fit(ds);
                return loss.measure(it, () -> sd.output(Map.of(INPUT, ds.getFeatures(), LABEL, ds.getLabels()),
                        "loss").get("loss").getDouble(0));
            };
            TrainingLoop.Builder<EpochStats, SameDiff> loop = TrainingLoop.<EpochStats, SameDiff>builder()
                    .epochs(epochs).phase(PHASE).best(EpochStats::meanLoss, TrainingLoop.Goal.MINIMISE);
            if (progress != null) {
                loop.listener(progress);
            }
            phase.loop(Seeds.derive(seed, "features/steps"), loss, Map.of()).applyTo(loop);
            LoopResult<EpochStats> result = loop.build().run(sd, it, step, stats -> stats);
            if (result.stop().isPresent()) {
                throw TransferCheckpoints.stopped(PHASE, result.stop().get(), null, "");
            }
            it.startEpoch(epochs);
            long right = 0;
            long seen = 0;
            while (it.hasNext()) {
                DataSet ds = it.next();
                INDArray out = sd.output(Map.of(INPUT, ds.getFeatures()), "logits").get("logits");
                INDArray predicted = out.argMax(1);
                INDArray truth = ds.getLabels().argMax(1);
                right += predicted.eq(truth).castTo(DataType.INT).sumNumber().longValue();
                seen += out.size(0);
            }
            return new Trained(FeatureStack.fromGraph(sd, PREFIX, STRIDES),
                    new GramHead(sd.getVariable(HEAD_WEIGHTS).getArr().dup(), sd.getVariable(HEAD_BIAS).getArr().dup()),
                    seen == 0 ? Double.NaN : (double) right / seen);
        }
    }

    /** The stack with a linear softmax head on its concatenated Gram matrices, with Adam. */
    private static SameDiff graph(int side, int styles, long seed) {
        FeatureStack init = FeatureStack.random(seed, DataType.FLOAT, CHANNELS, STRIDES);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, side, side, 3);
        SDVariable y = sd.placeHolder(LABEL, DataType.FLOAT, -1, styles);
        long features = GramHead.features(init);
        SDVariable w = sd.var(HEAD_WEIGHTS, SdLayers.he(features, DataType.FLOAT, features, styles).muli(0.1));
        SDVariable b = sd.var(HEAD_BIAS, Nd4j.zeros(DataType.FLOAT, styles));
        SDVariable logits = GramHead.classify(sd, init.addTo(sd, PREFIX, true), init, x, side, w, b);
        sd.identity("logits", logits);
        sd.loss().softmaxCrossEntropy("loss", y, logits, null);
        sd.setLossVariables("loss");
        sd.setTrainingConfig(new TrainingConfig.Builder().updater(new Adam(1e-3)).dataSetFeatureMapping(INPUT)
                .dataSetLabelMapping(LABEL).build());
        return sd;
    }

    /**
     * A trained stack.
     *
     * @param stack the convolutions
     * @param head the linear classifier of the stack's Gram matrices trained with it
     * @param trainAccuracy the accuracy of its classifier head on the training images after training
     *     (how well its Gram statistics separate the styles)
     */
    public record Trained(FeatureStack stack, GramHead head, double trainAccuracy) {
    }
}
