package io.github.wikiart.train.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.transfer.CinTransferNet;
import io.github.wikiart.models.transfer.FeatureStack;
import io.github.wikiart.models.transfer.GramHead;
import io.github.wikiart.models.transfer.StyleLosses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The style targets of the {@code cin} loss: a style's class means, or the input's own statistics
 * moved by the style's shift ({@code transfer.style_targets: shift}), the colour-distribution
 * term ({@code transfer.histogram_weight}) and the classifier term ({@code transfer.classifier_weight}).
 */
class StyleTargetsTest {
    private static final int SIDE = 16;
    private static final int STYLES = 3;

    @TempDir
    static Path dir;

    private static CinTransferOptions options(CinTransferOptions.StyleTargets targets, double histogramWeight) {
        return CinTransferOptions.builder().width(4).styleWeight(10).contentWeight(1).epochs(1).batchSize(2).seed(5)
                .residual(true).features(CinTransferOptions.Features.TRAINED).featureEpochs(1).styleTargets(targets)
                .histogramWeight(histogramWeight).build();
    }

    /** Random statistics tables for the pixels and a two-layer stack, plus the colour distributions. */
    private static List<INDArray> tables(FeatureStack stack, double scale, long seed) {
        Nd4j.getRandom().setSeed(seed);
        List<INDArray> t = new ArrayList<>();
        t.add(Nd4j.rand(DataType.FLOAT, STYLES, 9).muli(scale));
        for (int l = 0; l < stack.layers(); l++) {
            t.add(Nd4j.rand(DataType.FLOAT, STYLES, stack.channels(l) * stack.channels(l)).muli(scale));
        }
        t.add(Nd4j.rand(DataType.FLOAT, STYLES, 4L * CinTransferTrainer.CDF_THRESHOLDS).muli(scale));
        return t;
    }

    private static double loss(SameDiff sd, INDArray x, int style) {
        INDArray s = Nd4j.zeros(DataType.FLOAT, x.size(0), STYLES);
        for (int i = 0; i < x.size(0); i++) {
            s.putScalar(i, style, 1.0);
        }
        return sd.output(Map.of(CinTransferNet.INPUT, x, CinTransferNet.STYLE, s), "loss").get("loss").getDouble(0);
    }

    @Test
    void withShiftedTargetsAStyleThatChangesNothingCostsNothingAtTheIdentity() {
        FeatureStack stack = FeatureStack.random(3, DataType.FLOAT, new long[] {4, 8}, new int[] {1, 2});
        List<INDArray> targets = tables(stack, 1.0, 11);
        List<INDArray> shifts = tables(stack, 0.1, 12);
        for (INDArray shift : shifts) {
            shift.getRow(1).assign(0);
        }
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, SIDE, SIDE, 3);
        SameDiff shifted = CinTransferTrainer.trainingGraph(SIDE, STYLES,
                options(CinTransferOptions.StyleTargets.SHIFT, 10), new CinTransferTrainer.LossSetup(stack, true,
                        targets, shifts, 10, null, 0), 1);
        // The untrained residual network returns its input (squeezed by at most EPS = 0.001):
        // style 1's shift is zero, so its targets are the input's own statistics.
        assertEquals(0.0, loss(shifted, x, 1), 1e-4);
        assertTrue(loss(shifted, x, 0) > 100 * Math.max(loss(shifted, x, 1), 1e-6),
                "a style with a shift costs something at the identity");
        SameDiff classMeans = CinTransferTrainer.trainingGraph(SIDE, STYLES,
                options(CinTransferOptions.StyleTargets.CLASS, 10), new CinTransferTrainer.LossSetup(stack, true,
                        targets, null, 10, null, 0), 1);
        assertTrue(loss(classMeans, x, 1) > 0.1, "class-mean targets differ from a random image's statistics");
    }

    @Test
    void theColourDistributionTermIsItsWeightTimesTheCdfError() {
        FeatureStack stack = FeatureStack.random(3, DataType.FLOAT, new long[] {4, 8}, new int[] {1, 2});
        List<INDArray> targets = tables(stack, 1.0, 13);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, SIDE, SIDE, 3);
        SameDiff without = CinTransferTrainer.trainingGraph(SIDE, STYLES,
                options(CinTransferOptions.StyleTargets.CLASS, 0), new CinTransferTrainer.LossSetup(stack, true,
                        targets.subList(0, targets.size() - 1), null, 0, null, 0), 1);
        SameDiff with = CinTransferTrainer.trainingGraph(SIDE, STYLES,
                options(CinTransferOptions.StyleTargets.CLASS, 7), new CinTransferTrainer.LossSetup(stack, true,
                        targets, null, 7, null, 0), 1);
        INDArray out = without.output(Map.of(CinTransferNet.INPUT, x, CinTransferNet.STYLE,
                Nd4j.createFromArray(new float[][] {{0, 0, 1}, {0, 0, 1}})), CinTransferNet.OUTPUT)
                .get(CinTransferNet.OUTPUT);
        INDArray cdf = eagerCdf(out);
        INDArray wanted = targets.get(targets.size() - 1).getRow(2);
        double mse = cdf.subRowVector(wanted).mul(cdf.subRowVector(wanted)).meanNumber().doubleValue();
        assertEquals(loss(without, x, 2) + 7 * mse, loss(with, x, 2), 1e-4 * loss(with, x, 2));
    }

    @Test
    void theTextureDistributionTermIsItsWeightTimesItsErrorAfterTheColourTerm() {
        FeatureStack stack = FeatureStack.random(3, DataType.FLOAT, new long[] {4, 8}, new int[] {1, 2});
        List<INDArray> targets = new ArrayList<>(tables(stack, 1.0, 13));
        targets.add(Nd4j.rand(DataType.FLOAT, STYLES, StyleLosses.TEXTURE_STATISTICS));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, SIDE, SIDE, 3);
        SameDiff without = CinTransferTrainer.trainingGraph(SIDE, STYLES,
                options(CinTransferOptions.StyleTargets.CLASS, 7), new CinTransferTrainer.LossSetup(stack, true,
                        targets.subList(0, targets.size() - 1), null, 7, null, 0), 1);
        CinTransferTrainer.LossSetup both = new CinTransferTrainer.LossSetup(stack, true, targets, null, 7, null, 0,
                null, StyleLosses.ColourChannels.RGBY, 3);
        assertEquals(targets.size() - 2, both.styleLayerCount(), "the colour and the texture tables come last");
        SameDiff with = CinTransferTrainer.trainingGraph(SIDE, STYLES,
                CinTransferOptions.builder().width(4).styleWeight(10).contentWeight(1).epochs(1).batchSize(2).seed(5)
                        .residual(true).features(CinTransferOptions.Features.TRAINED).featureEpochs(1)
                        .histogramWeight(7).textureWeight(3).build(), both, 1);
        INDArray out = without.output(Map.of(CinTransferNet.INPUT, x, CinTransferNet.STYLE,
                Nd4j.createFromArray(new float[][] {{0, 1, 0}, {0, 1, 0}})), CinTransferNet.OUTPUT)
                .get(CinTransferNet.OUTPUT);
        SameDiff eager = SameDiff.create();
        INDArray texture = StyleLosses.textureCdf(eager, eager.constant(out), SIDE).eval();
        INDArray wanted = targets.get(targets.size() - 1).getRow(1);
        double mse = texture.subRowVector(wanted).mul(texture.subRowVector(wanted)).meanNumber().doubleValue();
        assertEquals(loss(without, x, 1) + 3 * mse, loss(with, x, 1), 1e-4 * loss(with, x, 1));
        assertEquals(3 * mse, with.output(Map.of(CinTransferNet.INPUT, x, CinTransferNet.STYLE,
                Nd4j.createFromArray(new float[][] {{0, 1, 0}, {0, 1, 0}})), CinTransferTrainer.TEXTURE_TERM)
                .get(CinTransferTrainer.TEXTURE_TERM).getDouble(0), 1e-5);
    }

    @Test
    void withGreyContentTheContentTermComparesTheFeaturesOfGreyImages() {
        FeatureStack stack = FeatureStack.random(3, DataType.FLOAT, new long[] {4, 8}, new int[] {1, 2});
        List<INDArray> targets = tables(stack, 1.0, 13);
        CinTransferOptions grey = CinTransferOptions.builder().width(4).styleWeight(10).contentWeight(2).epochs(1)
                .batchSize(2).seed(5).residual(true).features(CinTransferOptions.Features.TRAINED).featureEpochs(1)
                .greyContent(true).build();
        SameDiff sd = CinTransferTrainer.trainingGraph(SIDE, STYLES, grey, new CinTransferTrainer.LossSetup(stack, true,
                targets.subList(0, targets.size() - 1), null, 0, null, 0), 1);
        INDArray outW = sd.getVariable("out_W").getArr();
        outW.assign(Nd4j.rand(DataType.FLOAT, outW.shape()).subi(0.5));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, SIDE, SIDE, 3);
        Map<String, INDArray> in = Map.of(CinTransferNet.INPUT, x, CinTransferNet.STYLE,
                Nd4j.createFromArray(new float[][] {{1, 0, 0}, {0, 1, 0}}));
        Map<String, INDArray> got = sd.output(in, CinTransferNet.OUTPUT, CinTransferTrainer.CONTENT_TERM);
        SameDiff eager = SameDiff.create();
        FeatureStack.Bound phi = stack.addTo(eager, "phi", false);
        SDVariable fo = phi.apply(eager, StyleLosses.grey(eager, eager.constant(got.get(CinTransferNet.OUTPUT)), SIDE))
                .get(1);
        SDVariable fi = phi.apply(eager, StyleLosses.grey(eager, eager.constant(x), SIDE)).get(1);
        double expected = 2 * StyleLosses.mse(fo.eval(), fi.eval()) / (fi.eval().mul(fi.eval()).meanNumber().doubleValue()
                + 1e-8);
        assertTrue(expected > 0, "the perturbed network changes the picture");
        assertEquals(expected, got.get(CinTransferTrainer.CONTENT_TERM).getDouble(0), 1e-4 * expected);
        // Each channel of the grey version is the pixel's luminance.
        INDArray g = StyleLosses.grey(eager, eager.constant(x), SIDE).eval();
        double y = 0.299 * x.getDouble(1, 2, 3, 0) + 0.587 * x.getDouble(1, 2, 3, 1) + 0.114 * x.getDouble(1, 2, 3, 2);
        for (int c = 0; c < 3; c++) {
            assertEquals(y, g.getDouble(1, 2, 3, c), 1e-6);
        }
    }

    @Test
    void balancedStylesWeighEachStylesErrorsByTheInverseOfItsDistance() {
        // Mean error 5/3: weights 5/3, 5/12, and the limit for a style at no distance at all.
        List<INDArray> w = CinTransferTrainer.balance(List.of(Nd4j.createFromArray(1.0, 4.0, 0.0)));
        assertEquals(5.0 / 3, w.get(0).getDouble(0), 1e-6);
        assertEquals(5.0 / 12, w.get(0).getDouble(1), 1e-6);
        assertEquals(CinTransferTrainer.BALANCE_LIMIT, w.get(0).getDouble(2), 1e-6);

        FeatureStack stack = FeatureStack.random(3, DataType.FLOAT, new long[] {4, 8}, new int[] {1, 2});
        List<INDArray> targets = tables(stack, 1.0, 13);
        CinTransferTrainer.LossSetup plain = new CinTransferTrainer.LossSetup(stack, true, targets, null, 7, null, 0);
        List<INDArray> weights = new ArrayList<>();
        for (int l = 0; l < targets.size(); l++) {
            weights.add(Nd4j.createFromArray(2f, 0.5f, 1f));
        }
        SameDiff equal = CinTransferTrainer.trainingGraph(SIDE, STYLES, options(CinTransferOptions.StyleTargets.CLASS, 7),
                plain, 1);
        SameDiff balanced = CinTransferTrainer.trainingGraph(SIDE, STYLES,
                options(CinTransferOptions.StyleTargets.CLASS, 7), plain.withBalance(weights), 1);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, SIDE, SIDE, 3);
        for (int style = 0; style < 2; style++) {
            float[] row = new float[STYLES];
            row[style] = 1;
            Map<String, INDArray> in = Map.of(CinTransferNet.INPUT, x, CinTransferNet.STYLE,
                    Nd4j.createFromArray(new float[][] {row, row}));
            double factor = style == 0 ? 2 : 0.5;
            for (String term : new String[] {CinTransferTrainer.STYLE_TERM, CinTransferTrainer.HISTOGRAM_TERM}) {
                double want = factor * equal.output(in, term).get(term).getDouble(0);
                assertEquals(want, balanced.output(in, term).get(term).getDouble(0), 1e-5 * want, term + ", style " + style);
            }
        }
        // A batch of both styles: the mean of the samples' weighted errors (each sample alone gives its own).
        String h = CinTransferTrainer.HISTOGRAM_TERM;
        double[] alone = new double[2];
        for (int i = 0; i < 2; i++) {
            float[] row = new float[STYLES];
            row[i] = 1;
            alone[i] = equal.output(Map.of(CinTransferNet.INPUT, x.get(org.nd4j.linalg.indexing.NDArrayIndex
                    .interval(i, i + 1)), CinTransferNet.STYLE, Nd4j.createFromArray(new float[][] {row})), h).get(h)
                    .getDouble(0);
        }
        double mixed = balanced.output(Map.of(CinTransferNet.INPUT, x, CinTransferNet.STYLE,
                Nd4j.createFromArray(new float[][] {{1, 0, 0}, {0, 1, 0}})), h).get(h).getDouble(0);
        assertEquals((2 * alone[0] + 0.5 * alone[1]) / 2, mixed, 1e-5 * mixed);
        assertThrows(IllegalArgumentException.class, () -> CinTransferOptions.builder().width(4).styleWeight(10)
                .contentWeight(1).epochs(1).batchSize(2).seed(5).residual(true)
                .features(CinTransferOptions.Features.TRAINED).featureEpochs(1)
                .styleTargets(CinTransferOptions.StyleTargets.CLASS).balanceStyles(true).build());
    }

    @Test
    void theClassifierTermIsItsWeightTimesTheHeadsCrossEntropyOfTheTargetStyle() {
        FeatureStack stack = FeatureStack.random(3, DataType.FLOAT, new long[] {4, 8}, new int[] {1, 2});
        List<INDArray> targets = tables(stack, 1.0, 15).subList(0, 3);
        GramHead head = randomHead(16, 16 + 64, true);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, SIDE, SIDE, 3);
        SameDiff without = CinTransferTrainer.trainingGraph(SIDE, STYLES,
                options(CinTransferOptions.StyleTargets.CLASS, 0), new CinTransferTrainer.LossSetup(stack, true,
                        targets, null, 0, head, 0), 1);
        SameDiff with = CinTransferTrainer.trainingGraph(SIDE, STYLES,
                options(CinTransferOptions.StyleTargets.CLASS, 0), new CinTransferTrainer.LossSetup(stack, true,
                        targets, null, 0, head, 3), 1);
        INDArray logits = with.output(Map.of(CinTransferNet.INPUT, x, CinTransferNet.STYLE,
                Nd4j.createFromArray(new float[][] {{0, 1, 0}, {0, 1, 0}})), CinTransferTrainer.CLASSIFIER_LOGITS)
                .get(CinTransferTrainer.CLASSIFIER_LOGITS);
        double crossEntropy = 0;
        for (int i = 0; i < 2; i++) {
            double max = logits.getRow(i).maxNumber().doubleValue();
            double sum = 0;
            for (int k = 0; k < STYLES; k++) {
                sum += Math.exp(logits.getDouble(i, k) - max);
            }
            crossEntropy += (max + Math.log(sum) - logits.getDouble(i, 1)) / 2;
        }
        assertTrue(crossEntropy > 0.01, "the random head does not already know style 1: " + crossEntropy);
        assertEquals(loss(without, x, 1) + 3 * crossEntropy, loss(with, x, 1), 1e-4 * loss(with, x, 1));
    }

    @Test
    void theClassifierTermsGradientScalesWithItsWeight() {
        FeatureStack stack = FeatureStack.random(3, DataType.FLOAT, new long[] {4, 8}, new int[] {1, 2});
        List<INDArray> targets = tables(stack, 1.0, 15).subList(0, 3);
        GramHead head = randomHead(16, 16 + 64, true);
        Map<String, INDArray> in = fixedBatch(17);
        INDArray[] g = new INDArray[3];
        double[] weights = {0, 1, 3};
        for (int i = 0; i < 3; i++) {
            SameDiff sd = CinTransferTrainer.trainingGraph(SIDE, STYLES, options(CinTransferOptions.StyleTargets.CLASS,
                    0), new CinTransferTrainer.LossSetup(stack, true, targets, null, 0, head, weights[i]), 1);
            // The residual network's output layer starts at zero, so only its weights get a gradient.
            g[i] = sd.calculateGradients(in, "out_W").get("out_W");
        }
        INDArray once = g[1].sub(g[0]);
        assertTrue(once.amaxNumber().doubleValue() > 1e-4, "the term's gradient " + once.amaxNumber());
        // SameDiff's own loss op gave weight 3 the gradient of weight 1 (see StyleLosses.crossEntropy).
        assertEquals(0.0, g[2].sub(g[0]).sub(once.mul(3)).amaxNumber().doubleValue(),
                3e-4 * once.amaxNumber().doubleValue() + 1e-6);
    }

    @Test
    void theClassifierLossMovesTransfersTowardsTheirTargetStyle() {
        FeatureStack stack = FeatureStack.random(3, DataType.FLOAT, new long[] {8, 16}, new int[] {1, 2});
        List<INDArray> targets = tables(stack, 0.05, 25).subList(0, 3);
        GramHead head = randomHead(26, 64 + 256, false);
        // Only the classifier term (style weight 0, a small content weight keeping the picture).
        CinTransferOptions o = CinTransferOptions.builder().width(4).styleWeight(0).contentWeight(0.1).epochs(1)
                .batchSize(6).learningRate(5e-3).seed(5).residual(true).features(CinTransferOptions.Features.TRAINED)
                .featureEpochs(1).colourMap(true).classifierWeight(1).build();
        SameDiff sd = CinTransferTrainer.trainingGraph(SIDE, STYLES, o,
                new CinTransferTrainer.LossSetup(stack, true, targets, null, 0, head, 1), 10);
        Map<String, INDArray> in = fixedBatch(27);
        INDArray s = in.get(CinTransferNet.STYLE);
        int before = recognised(sd, in, s);
        double termBefore = sd.output(in, CinTransferTrainer.CLASSIFIER_TERM).get(CinTransferTrainer.CLASSIFIER_TERM)
                .getDouble(0);
        for (int i = 0; i < 60; i++) {
            sd.fit(new org.nd4j.linalg.dataset.DataSet(in.get(CinTransferNet.INPUT), s));
        }
        double termAfter = sd.output(in, CinTransferTrainer.CLASSIFIER_TERM).get(CinTransferTrainer.CLASSIFIER_TERM)
                .getDouble(0);
        assertTrue(termAfter < 0.5 * termBefore, "cross-entropy " + termBefore + " -> " + termAfter);
        assertTrue(before < 6, "the untrained network's outputs are not all recognised already: " + before);
        assertEquals(6, recognised(sd, in, s), "after training the head finds every target style");
    }

    /** A random classifier of {@code features} Gram values: weights N(0, 0.3^2), biases N(0, 1) or zero. */
    private static GramHead randomHead(long seed, long features, boolean bias) {
        Nd4j.getRandom().setSeed(seed);
        INDArray weights = Nd4j.randn(DataType.FLOAT, features, STYLES).muli(0.3);
        return new GramHead(weights, bias ? Nd4j.randn(DataType.FLOAT, STYLES) : Nd4j.zeros(DataType.FLOAT, STYLES));
    }

    /** Six random images, image {@code i} moved to style {@code i mod STYLES}. */
    private static Map<String, INDArray> fixedBatch(long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, SIDE, SIDE, 3);
        INDArray s = Nd4j.zeros(DataType.FLOAT, 6, STYLES);
        for (int i = 0; i < 6; i++) {
            s.putScalar(i, i % STYLES, 1.0);
        }
        return Map.of(CinTransferNet.INPUT, x, CinTransferNet.STYLE, s);
    }

    /** How many of the batch's outputs the head assigns to their target style. */
    private static int recognised(SameDiff sd, Map<String, INDArray> in, INDArray targets) {
        INDArray logits = sd.output(in, CinTransferTrainer.CLASSIFIER_LOGITS).get(CinTransferTrainer.CLASSIFIER_LOGITS);
        return logits.argMax(1).eq(targets.argMax(1)).castTo(DataType.INT).sumNumber().intValue();
    }

    @Test
    void theQuantilesAreEstimatedFromASeededSampleOfEachStyle() {
        List<Sample> images = new ArrayList<>();
        for (String style : List.of("a", "b", "c")) {
            for (int i = 0; i < (style.equals("c") ? 1 : 5); i++) {
                images.add(new Sample(Path.of(style + i + ".png"), style));
            }
        }
        List<Sample> sample = CinTransferTrainer.perStyleSample(images, 2, 9);
        assertEquals(5, sample.size(), "two of a, two of b, the only c");
        for (String style : List.of("a", "b")) {
            assertEquals(2, sample.stream().filter(x -> x.label().equals(style)).distinct().count(), style);
        }
        assertEquals(sample, CinTransferTrainer.perStyleSample(images, 2, 9), "same seed, same images");
        assertEquals(11, CinTransferTrainer.perStyleSample(images, 10, 9).size(), "all 11 when every style has fewer");
    }

    @Test
    void aClassifierLossWithoutAClassifierIsRefused() {
        FeatureStack stack = FeatureStack.random(3, DataType.FLOAT, new long[] {4}, new int[] {1});
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CinTransferTrainer.LossSetup(stack, true, List.of(), null, 0, null, 1));
        assertEquals("a classifier loss needs the classifier trained with the features", e.getMessage());
        IllegalArgumentException options = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> CinTransferOptions.builder().width(4).styleWeight(10)
                        .contentWeight(1).epochs(1).batchSize(2).seed(5).residual(true)
                        .features(CinTransferOptions.Features.RANDOM).featureEpochs(1).classifierWeight(1).build());
        assertEquals("a classifier loss needs trained features (transfer.features: trained)", options.getMessage());
    }

    @Test
    void everyOptionTogetherDescendsOnAFixedBatch() {
        FeatureStack stack = FeatureStack.random(3, DataType.FLOAT, new long[] {8, 16}, new int[] {1, 2});
        List<INDArray> targets = tables(stack, 0.05, 21);
        List<INDArray> shifts = tables(stack, 0.02, 22);
        CinTransferOptions o = CinTransferOptions.builder().width(4).styleWeight(10).contentWeight(1).epochs(1)
                .batchSize(6).learningRate(5e-3).seed(5).residual(true).features(CinTransferOptions.Features.TRAINED)
                .featureEpochs(1).styleTargets(CinTransferOptions.StyleTargets.SHIFT).colourMap(true)
                .histogramWeight(100).build();
        SameDiff sd = CinTransferTrainer.trainingGraph(SIDE, STYLES, o,
                new CinTransferTrainer.LossSetup(stack, true, targets, shifts, 100, null, 0), 10);
        Map<String, INDArray> in = fixedBatch(23);
        double before = sd.output(in, "loss").get("loss").getDouble(0);
        for (int i = 0; i < 60; i++) {
            sd.fit(new org.nd4j.linalg.dataset.DataSet(in.get(CinTransferNet.INPUT), in.get(CinTransferNet.STYLE)));
        }
        double after = sd.output(in, "loss").get("loss").getDouble(0);
        assertTrue(after < 0.8 * before, "loss " + before + " -> " + after);
    }

    /** The soft CDF written out per pixel, as documented in StyleLosses.colourCdf. */
    private static INDArray eagerCdf(INDArray images) {
        int n = (int) images.size(0);
        int t = CinTransferTrainer.CDF_THRESHOLDS;
        INDArray out = Nd4j.zeros(DataType.FLOAT, n, 4L * t);
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < SIDE; y++) {
                for (int xx = 0; xx < SIDE; xx++) {
                    double r = images.getDouble(i, y, xx, 0);
                    double g = images.getDouble(i, y, xx, 1);
                    double b = images.getDouble(i, y, xx, 2);
                    double[] v = {r, g, b, 0.299 * r + 0.587 * g + 0.114 * b};
                    for (int c = 0; c < 4; c++) {
                        for (int j = 0; j < t; j++) {
                            double z = ((j + 0.5) / t - v[c]) / io.github.wikiart.models.transfer.StyleLosses.CDF_TEMPERATURE;
                            out.putScalar(new long[] {i, (long) c * t + j},
                                    out.getDouble(i, (long) c * t + j) + 1 / (1 + Math.exp(-z)) / (SIDE * SIDE));
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void aStyleWhoseImagesAreTheContentImagesHasNoShift() throws Exception {
        Path root = dir.resolve("data");
        SyntheticStyles.builder().styles(STYLES).trainPerStyle(4).testPerStyle(1).size(SIDE).seed(3).build()
                .write(root);
        DataOptions data = DataOptions.defaults(root).withImageSize(SIDE).withSeed(2);
        WikiArtDataset set = WikiArtDataset.load(data, true, true);
        String first = set.labelIndex().name(0);
        List<Sample> content = set.train().samples().stream().filter(s -> s.label().equals(first)).toList();
        CinTransferOptions o = CinTransferOptions.builder().width(4).styleWeight(10).contentWeight(1).epochs(1)
                .batchSize(2).seed(5).residual(true).featureEpochs(1)
                .styleTargets(CinTransferOptions.StyleTargets.SHIFT).histogramWeight(5).textureWeight(5).build();
        CinTransferTrainer.LossSetup setup = CinTransferTrainer.lossSetup(set.train().samples(), content,
                set.labelIndex(), data, o, null);
        assertEquals(setup.targets().size(), setup.shifts().size());
        assertEquals(5, setup.targets().size(), "three random layers, the colour and the texture distributions");
        assertEquals(StyleLosses.TEXTURE_STATISTICS, setup.targets().get(4).size(1));
        for (int l = 0; l < setup.shifts().size(); l++) {
            INDArray shift = setup.shifts().get(l);
            double size = setup.targets().get(l).getRow(0).norm2Number().doubleValue();
            assertEquals(0.0, shift.getRow(0).norm2Number().doubleValue(), 1e-5 * size, "layer " + l);
            assertTrue(shift.getRow(1).norm2Number().doubleValue() > 1e-3 * size, "layer " + l);
        }

        CinTransferOptions q = o.toBuilder().styleTargets(CinTransferOptions.StyleTargets.QUANTILE)
                .histogramChannels(StyleLosses.ColourChannels.OPPONENT).build();
        CinTransferTrainer.LossSetup quantiles = CinTransferTrainer.lossSetup(set.train().samples(), content,
                set.labelIndex(), data, q, null);
        assertEquals(5, quantiles.quantiles().size(), "one map per statistic table");
        for (int l = 0; l < 3; l++) {
            assertEquals(setup.targets().get(l).size(1), quantiles.quantiles().get(l).statistics(), "table " + l);
        }
        assertEquals(7L * CinTransferTrainer.CDF_THRESHOLDS, quantiles.quantiles().get(3).statistics(),
                "the colour distributions along seven directions");
        assertEquals(StyleLosses.TEXTURE_STATISTICS, quantiles.quantiles().get(4).statistics(), "the texture");
        // The untrained residual network returns its input: the style whose images are the content
        // images asks for (almost) nothing, the others for a change.
        SameDiff sd = CinTransferTrainer.trainingGraph(SIDE, STYLES, q, quantiles, 1);
        assertTrue(sd.hasVariable(CinTransferTrainer.TEXTURE_TERM) && sd.hasVariable(CinTransferTrainer.HISTOGRAM_TERM));
        INDArray x = CinTransferTrainer.probeBatch(content, data, STYLES).get(CinTransferNet.INPUT);
        double same = loss(sd, x, 0);
        for (int style = 1; style < STYLES; style++) {
            assertTrue(loss(sd, x, style) > 3 * same, "style " + style + ": " + loss(sd, x, style) + " against " + same);
        }
    }
}
