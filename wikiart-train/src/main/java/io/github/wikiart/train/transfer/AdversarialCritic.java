package io.github.wikiart.train.transfer;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.DecodedImageCache;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.transfer.FeatureStack;
import io.github.wikiart.models.transfer.GramHead;
import io.github.wikiart.models.transfer.StyleLosses;
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
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The critic of the transfer's adversarial loss ({@code transfer.adversarial_weight}): a classifier
 * of the styles with one more class, "made by the transfer", that keeps learning while the transfer
 * network trains (the discriminator of unpaired image translation, here with the auxiliary style
 * classes of Odena et al. 2017 folded into one softmax, as in Salimans et al. 2016).
 *
 * <p>It starts as a copy of the trained loss features and their Gram classifier
 * ({@link FeatureNetTrainer}) with a zero column for the extra class. After every step of the
 * transfer network, {@link #learn} fits it once on a batch of training images labelled with their
 * styles and the transfer's latest outputs labelled "made", and {@link #copyTo} writes its weights
 * into the constants of the transfer's training graph, where {@link #addTerm} asks it to class each
 * output as its target style. So the transfer is asked for whatever tells a style's images apart
 * from its outputs at the moment, not for statistics chosen by hand; a fixed classifier
 * ({@code transfer.classifier_weight}) can be satisfied by changes no other judge sees.
 *
 * <p>Its Adam state is not saved: a resumed training restarts the critic from the weights its last
 * copy left in the transfer graph, with a fresh Adam state and its own batches from the start, so a
 * resumed run with the adversarial loss is not bit-identical to an uninterrupted one.
 */
final class AdversarialCritic implements AutoCloseable {
    /** Name prefix of the critic's convolutions, in its own graph and in the transfer graph. */
    static final String PREFIX = "critic";
    /** Name prefix of the critic's head weights ({@code critic_head_W}, {@code critic_head_b}). */
    static final String HEAD = "critic_head";
    /**
     * Adam's learning rate of the critic: the rate that trained the loss features. A transfer sees
     * few steps (about 800 in 30 epochs of 212 photographs), so the critic must learn quickly.
     */
    static final double LEARNING_RATE = 1e-3;
    private static final String INPUT = "critic_input";
    private static final String LABEL = "critic_label";
    private static final String LOSS = "critic_loss";
    private static final String LOGITS = "critic_logits";

    private final SameDiff sd;
    private final ImageBatchIterator real;
    private final int styles;
    private final int[] strides;
    private int realEpoch;
    private long judged;
    private long madeCaught;
    private long realRight;
    private long steps;

    private AdversarialCritic(SameDiff sd, ImageBatchIterator real, int styles, int[] strides) {
        this.sd = sd;
        this.real = real;
        this.styles = styles;
        this.strides = strides;
    }

    /**
     * The critic's starting weights: the trained stack and its head with a zero column (and bias)
     * for the class "made by the transfer".
     *
     * @param head the Gram classifier of the trained loss features, {@code styles} classes
     * @return the head with {@code styles + 1} classes
     */
    static GramHead withMadeClass(GramHead head) {
        INDArray w = Nd4j.concat(1, head.weights(), Nd4j.zeros(head.weights().dataType(), head.weights().size(0), 1));
        INDArray b = Nd4j.concat(0, head.bias().reshape(-1), Nd4j.zeros(head.bias().dataType(), 1));
        return new GramHead(w, b);
    }

    /**
     * A critic that starts from these weights and learns from these training images.
     *
     * @param stack its convolutions
     * @param head its head, one class per style plus "made" (last)
     * @param train the training images (real images of every style)
     * @param labels the styles
     * @param data image preparation
     * @param batchSize training images per step
     * @param seed seed of the order of the training images
     * @return the critic; close it to release its image reader
     */
    static AdversarialCritic start(FeatureStack stack, GramHead head, List<Sample> train, LabelIndex labels,
                                   DataOptions data, int batchSize, long seed) {
        if (head.styles() != labels.size() + 1) {
            throw new IllegalArgumentException("the critic classes " + labels.size() + " styles and one for the "
                    + "transfer's outputs, its head has " + head.styles() + " classes");
        }
        int side = data.imageSize();
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, side, side, 3);
        SDVariable y = sd.placeHolder(LABEL, DataType.FLOAT, -1, labels.size() + 1);
        SDVariable logits = GramHead.classify(sd, stack.addTo(sd, PREFIX, true), stack, x, side,
                sd.var(HEAD + "_W", head.weights().dup()), sd.var(HEAD + "_b", head.bias().dup()));
        sd.identity(LOGITS, logits);
        sd.loss().softmaxCrossEntropy(LOSS, y, logits, null);
        sd.setLossVariables(LOSS);
        sd.setTrainingConfig(new TrainingConfig.Builder().updater(new Adam(LEARNING_RATE))
                .dataSetFeatureMapping(INPUT).dataSetLabelMapping(LABEL).build());
        ImageBatchIterator real = ImageBatchIterator.builder(train, labels).imageSize(side).resize(data.resize())
                .decoder(data.decoder()).layout(TensorLayout.NHWC).batchSize(batchSize).seed(seed)
                .cache(new DecodedImageCache(256L << 20)).build();
        return new AdversarialCritic(sd, real, labels.size(), stack.strides());
    }

    /**
     * A critic that continues from the weights of the critic term in a transfer graph (a resumed
     * training), with a fresh Adam state.
     *
     * @param transferGraph a training graph with the adversarial term
     * @return the critic, see {@link #start}
     */
    static AdversarialCritic resume(SameDiff transferGraph, List<Sample> train, LabelIndex labels, DataOptions data,
                                    int batchSize, long seed) {
        FeatureStack stack = FeatureStack.fromGraph(transferGraph, PREFIX, FeatureNetTrainer.STRIDES);
        GramHead head = new GramHead(transferGraph.getVariable(HEAD + "_W").getArr().dup(),
                transferGraph.getVariable(HEAD + "_b").getArr().dup());
        return start(stack, head, train, labels, data, batchSize, seed);
    }

    /** @return whether a transfer graph has the adversarial term */
    static boolean in(SameDiff transferGraph) {
        return transferGraph.hasVariable(HEAD + "_W");
    }

    /**
     * Adds the adversarial term to a transfer graph: the cross-entropy of each output's target style
     * among the critic's classes (the styles and "made"), with the critic's weights as constants.
     *
     * @param sd the transfer graph
     * @param stack the critic's convolutions
     * @param head the critic's head, {@code styles + 1} classes
     * @param images the transfer's outputs, {@code [b, side, side, 3]}
     * @param side their side
     * @param styles the one-hot target styles, {@code [b, styles]}
     * @return the mean cross-entropy (unweighted)
     */
    static SDVariable addTerm(SameDiff sd, FeatureStack stack, GramHead head, SDVariable images, long side,
                              SDVariable styles) {
        DataType type = images.dataType();
        // Copies: addTo binds the arrays themselves, and copyTo overwrites them in place, which must
        // not reach the loss features the critic started from.
        FeatureStack own = new FeatureStack(stack.weights().stream().map(w -> w.castTo(type).dup()).toList(),
                stack.biases().stream().map(b -> b.castTo(type).dup()).toList(), stack.strides());
        SDVariable logits = GramHead.classify(sd, own.addTo(sd, PREFIX, false), own, images, side,
                sd.constant(HEAD + "_W", head.weights().castTo(type).dup()),
                sd.constant(HEAD + "_b", head.bias().castTo(type).dup()));
        long k = head.styles() - 1;
        INDArray pad = Nd4j.concat(1, Nd4j.eye(k).castTo(type), Nd4j.zeros(type, k, 1));
        SDVariable wanted = styles.mmul(sd.constant("critic_targets", pad));
        return StyleLosses.crossEntropy(sd, wanted, logits);
    }

    /**
     * One step of the critic: a batch of training images with their styles and {@code made} with
     * the class "made", fitted together.
     *
     * @param made the transfer's latest outputs, {@code [b, side, side, 3]}
     */
    void learn(INDArray made) {
        if (!real.hasNext()) {
            real.startEpoch(++realEpoch);
        }
        DataSet batch = real.next();
        INDArray realX = batch.getFeatures();
        INDArray realY = Nd4j.concat(1, batch.getLabels(), Nd4j.zeros(DataType.FLOAT, realX.size(0), 1));
        INDArray madeY = Nd4j.zeros(DataType.FLOAT, made.size(0), styles + 1);
        madeY.get(NDArrayIndex.all(), NDArrayIndex.point(styles)).assign(1);
        INDArray x = Nd4j.concat(0, realX, made.castTo(DataType.FLOAT));
        INDArray y = Nd4j.concat(0, realY, madeY);
        if (steps++ % SCORED_EVERY == 0) {
            score(x, y, realX.size(0));
        }
        sd.fit(new DataSet(x, y));
    }

    /** The critic's predictions are counted before every this many steps ({@link #drainScores}). */
    static final int SCORED_EVERY = 10;

    private void score(INDArray x, INDArray y, long realCount) {
        INDArray predicted = sd.output(Map.of(INPUT, x), LOGITS).get(LOGITS).argMax(1);
        INDArray truth = y.argMax(1);
        for (int i = 0; i < x.size(0); i++) {
            boolean right = predicted.getInt(i) == truth.getInt(i);
            if (i >= realCount) {
                madeCaught += right ? 1 : 0;
                judged++;
            } else {
                realRight += right ? 1 : 0;
            }
        }
    }

    /**
     * What the critic got right before every {@value #SCORED_EVERY}th of its steps since the last call, and resets the
     * counts: the share of the transfer's outputs it classed "made" and the share of the training
     * images it classed as their style (per output, as the batches are equal).
     *
     * @return {@code {made caught, real right}}, NaN before any step
     */
    double[] drainScores() {
        double[] out = judged == 0 ? new double[] {Double.NaN, Double.NaN}
                : new double[] {(double) madeCaught / judged, (double) realRight / judged};
        judged = 0;
        madeCaught = 0;
        realRight = 0;
        return out;
    }

    /**
     * Writes the critic's current weights into the constants of the adversarial term of a
     * transfer graph ({@link #addTerm}).
     *
     * @param transferGraph the transfer's training graph
     */
    void copyTo(SameDiff transferGraph) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < strides.length; i++) {
            names.add(PREFIX + i + "_W");
            names.add(PREFIX + i + "_b");
        }
        names.add(HEAD + "_W");
        names.add(HEAD + "_b");
        for (String name : names) {
            transferGraph.getVariable(name).getArr().assign(sd.getVariable(name).getArr());
        }
    }

    /**
     * The critic's logits of a batch (for tests and diagnostics).
     *
     * @param images {@code [b, side, side, 3]}
     * @return {@code [b, styles + 1]}
     */
    INDArray logits(INDArray images) {
        return sd.output(Map.of(INPUT, images), LOGITS).get(LOGITS);
    }

    @Override
    public void close() {
        real.close();
    }
}
