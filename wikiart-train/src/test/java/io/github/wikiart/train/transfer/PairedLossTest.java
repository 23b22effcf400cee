package io.github.wikiart.train.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.transfer.CinTransferNet;
import io.github.wikiart.models.transfer.FeatureStack;
import io.github.wikiart.models.transfer.StyleLosses;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The paired loss ({@code transfer.paired_weight}): finding the true renderings of content images
 * among the training images, its term in the transfer graph, and a training that learns from it.
 * The data: smooth random pictures, rendered in two styles that are pointwise maps of colour
 * ({@code Invert}: {@code 1 - x}; {@code Dark}: {@code x / 2}).
 */
class PairedLossTest {
    private static final int SIDE = 16;
    private static final int PICTURES = 8;

    @TempDir
    static Path dir;
    static List<Sample> content;
    static List<Sample> train;
    static LabelIndex styles;
    static DataOptions data;

    @BeforeAll
    static void writePictures() throws Exception {
        Random random = new Random(3);
        content = new ArrayList<>();
        train = new ArrayList<>();
        styles = LabelIndex.of(List.of("Dark", "Invert"));
        for (int i = 0; i < PICTURES; i++) {
            BufferedImage picture = smooth(random);
            String file = "p" + i + ".png";
            content.add(new Sample(write(picture, dir.resolve("content").resolve(file)), "content"));
            train.add(new Sample(write(map(picture, v -> v / 2), dir.resolve("train/Dark").resolve(file)), "Dark"));
            train.add(new Sample(write(map(picture, v -> 255 - v), dir.resolve("train/Invert").resolve(file)),
                    "Invert"));
        }
        // A content image without renderings, and a training image that renders no content image.
        content.add(new Sample(write(smooth(random), dir.resolve("content/lonely.png")), "content"));
        train.add(new Sample(write(smooth(random), dir.resolve("train/Invert/other.png")), "Invert"));
        data = DataOptions.defaults(dir).withImageSize(SIDE).withSeed(2);
    }

    /** A picture of a few colour blobs: smooth, so that a small network can reproduce it. */
    private static BufferedImage smooth(Random random) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        double[][] blobs = new double[3][5];
        for (double[] b : blobs) {
            for (int k = 0; k < b.length; k++) {
                b[k] = random.nextDouble();
            }
        }
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    double[] b = blobs[c];
                    double dx = x / (double) SIDE - b[0];
                    double dy = y / (double) SIDE - b[1];
                    double v = 0.15 + 0.7 * b[2] * Math.exp(-(dx * dx + dy * dy) / (0.05 + 0.2 * b[3]));
                    rgb = (rgb << 8) | (int) Math.round(255 * Math.min(1, v));
                }
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private static BufferedImage map(BufferedImage image, java.util.function.IntUnaryOperator f) {
        BufferedImage out = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int rgb = image.getRGB(x, y);
                int r = f.applyAsInt((rgb >> 16) & 255);
                int g = f.applyAsInt((rgb >> 8) & 255);
                int b = f.applyAsInt(rgb & 255);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static Path write(BufferedImage image, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static INDArray read(Path file) throws Exception {
        return ModelInput.of(data, TensorLayout.NHWC).toTensor(ImageIO.read(file.toFile()));
    }

    @Test
    void everyRenderingIsFoundByFileNameAndServedWithItsMask() throws Exception {
        PairedRenderings pairs = PairedRenderings.of(train, content, styles, data);
        assertEquals(2 * PICTURES, pairs.pairs());
        Map<String, INDArray> batch = pairs.batch(List.of("p3.png", "p3.png", "lonely.png", "p0.png"),
                new int[] {styles.indexOf("Invert"), styles.indexOf("Dark"), 1, 0});
        INDArray target = batch.get(PairedRenderings.TARGET);
        INDArray mask = batch.get(PairedRenderings.MASK);
        assertEquals(List.of(4L, (long) SIDE, (long) SIDE, 3L), List.of(target.size(0), target.size(1), target.size(2),
                target.size(3)));
        assertEquals(read(dir.resolve("train/Invert/p3.png")).get(NDArrayIndex.point(0)),
                target.get(NDArrayIndex.point(0)));
        assertEquals(read(dir.resolve("train/Dark/p3.png")).get(NDArrayIndex.point(0)),
                target.get(NDArrayIndex.point(1)));
        assertEquals(read(dir.resolve("train/Dark/p0.png")).get(NDArrayIndex.point(0)),
                target.get(NDArrayIndex.point(3)));
        assertEquals(0.0, target.get(NDArrayIndex.point(2)).amaxNumber().doubleValue(), 0.0);
        assertEquals(List.of(1.0, 1.0, 0.0, 1.0), List.of(mask.getDouble(0), mask.getDouble(1), mask.getDouble(2),
                mask.getDouble(3)));
    }

    @Test
    void theUntouchedErrorIsTheMeanDistanceOfThePicturesFromTheirRenderings() throws Exception {
        double[] errors = PairedRenderings.of(train, content, styles, data).untouchedErrors();
        for (String style : styles.names()) {
            double sum = 0;
            for (int i = 0; i < PICTURES; i++) {
                String file = "p" + i + ".png";
                sum += Nd4j.math().abs(read(dir.resolve("content").resolve(file))
                        .sub(read(dir.resolve("train").resolve(style).resolve(file)))).meanNumber().doubleValue();
            }
            assertEquals(sum / PICTURES, errors[styles.indexOf(style)], 1e-6, style);
        }
        assertTrue(errors[styles.indexOf("Invert")] > errors[styles.indexOf("Dark")], "1 - x is further than x / 2");
    }

    @Test
    void contentWithoutAnyRenderingIsRefusedNamingAContentImage() {
        List<Sample> lonely = content.subList(PICTURES, PICTURES + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairedRenderings.of(train, lonely, styles, data));
        assertTrue(e.getMessage().contains("no training image has the file name of a content image"), e.getMessage());
        assertTrue(e.getMessage().contains(lonely.get(0).path().toString()), e.getMessage());
    }

    private static CinTransferOptions options(double pairedWeight, int epochs, double styleWeight) {
        return CinTransferOptions.builder().width(8).styleWeight(styleWeight).contentWeight(1).epochs(epochs)
                .batchSize(4).learningRate(0.01).seed(5).residual(true).featureEpochs(1).colourMap(true)
                .pairedWeight(pairedWeight).residualBlocks(2).build();
    }

    private static FeatureStack randomStack() {
        return FeatureStack.random(3, DataType.FLOAT, FeatureStack.RANDOM_CHANNELS, FeatureStack.RANDOM_STRIDES);
    }

    /** Random class targets for the stack's Gram matrices, two styles (any values: only shapes matter). */
    private static List<INDArray> randomGramTargets(FeatureStack stack, long seed) {
        Nd4j.getRandom().setSeed(seed);
        List<INDArray> targets = new ArrayList<>();
        for (int l = 0; l < stack.layers(); l++) {
            targets.add(Nd4j.rand(DataType.FLOAT, 2, stack.channels(l) * stack.channels(l)));
        }
        return targets;
    }

    @Test
    void theTermIsItsWeightTimesTheMaskedMeanAbsoluteDifference() throws Exception {
        FeatureStack stack = randomStack();
        List<INDArray> targets = randomGramTargets(stack, 4);
        CinTransferTrainer.LossSetup setup = new CinTransferTrainer.LossSetup(stack, false, targets, null, 0, null, 0);
        SameDiff with = CinTransferTrainer.trainingGraph(SIDE, 2, options(3, 1, 1), setup.withPaired(3, null), 1);
        SameDiff balanced = CinTransferTrainer.trainingGraph(SIDE, 2, options(3, 1, 1),
                setup.withPaired(3, Nd4j.createFromArray(0.5f, 4f)), 1);
        // Some weight in the output layer, so that the output is not the input.
        Nd4j.getRandom().setSeed(5);
        INDArray outW = Nd4j.randn(DataType.FLOAT, with.getVariable("out_W").getArr().shape()).muli(0.1);
        with.getVariable("out_W").getArr().assign(outW);
        balanced.getVariable("out_W").getArr().assign(outW);
        INDArray x = read(content.get(0).path());
        x = Nd4j.concat(0, x, read(content.get(1).path()));
        INDArray s = Nd4j.createFromArray(new float[][] {{0, 1}, {1, 0}});
        PairedRenderings pairs = PairedRenderings.of(train, content, styles, data);
        Map<String, INDArray> in = new java.util.HashMap<>(pairs.batch(List.of("p0.png", "lonely.png"),
                new int[] {1, 0}));
        in.get(PairedRenderings.MASK).putScalar(1, 0, 0, 0, 1.0);
        // The lonely picture's "rendering" is zeros: its error is its mean (masked in, as if it had one).
        in.put(CinTransferNet.INPUT, x);
        in.put(CinTransferNet.STYLE, s);
        INDArray out = with.output(in, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT);
        double[] sums = new double[2];
        for (int i = 0; i < 2; i++) {
            sums[i] = Nd4j.math().abs(out.get(NDArrayIndex.point(i)).sub(in.get(PairedRenderings.TARGET)
                    .get(NDArrayIndex.point(i)))).sumNumber().doubleValue();
        }
        double values = 2.0 * SIDE * SIDE * 3;
        double expected = 3 * (sums[0] + sums[1]) / values;
        double term = with.output(in, CinTransferTrainer.PAIRED_TERM).get(CinTransferTrainer.PAIRED_TERM)
                .getDouble(0);
        assertTrue(expected > 0.01, "the term is not trivially zero: " + expected);
        assertEquals(expected, term, 1e-5 * expected);
        // Balanced: sample 0 (style 1) counts 4 times, sample 1 (style 0) half.
        double weighted = 3 * (4 * sums[0] + 0.5 * sums[1]) / values;
        assertEquals(weighted, balanced.output(in, CinTransferTrainer.PAIRED_TERM).get(CinTransferTrainer.PAIRED_TERM)
                .getDouble(0), 1e-5 * weighted);
        // A sample without a rendering adds nothing.
        in.get(PairedRenderings.MASK).putScalar(1, 0, 0, 0, 0.0);
        assertEquals(3 * sums[0] / values, with.output(in, CinTransferTrainer.PAIRED_TERM)
                .get(CinTransferTrainer.PAIRED_TERM).getDouble(0), 1e-5 * expected);
    }

    @Test
    void pairedTargetsAreTheStatisticsOfEachInputsOwnRendering() throws Exception {
        FeatureStack stack = randomStack();
        List<INDArray> targets = randomGramTargets(stack, 6);
        targets.add(Nd4j.rand(DataType.FLOAT, 2, StyleLosses.TEXTURE_STATISTICS));
        double textureWeight = 5;
        CinTransferTrainer.LossSetup setup = new CinTransferTrainer.LossSetup(stack, false, targets, null, 0, null, 0,
                null, StyleLosses.ColourChannels.RGBY, textureWeight).withPairedTargets()
                .withPaired(0, Nd4j.createFromArray(0.5f, 4f));
        SameDiff sd = CinTransferTrainer.trainingGraph(SIDE, 2, options(0, 1, 1), setup, 1);
        Nd4j.getRandom().setSeed(5);
        sd.getVariable("out_W").getArr().assign(Nd4j.randn(DataType.FLOAT,
                sd.getVariable("out_W").getArr().shape()).muli(0.1));
        PairedRenderings pairs = PairedRenderings.of(train, content, styles, data);
        Map<String, INDArray> in = new java.util.HashMap<>(pairs.batch(List.of("p0.png", "p1.png", "lonely.png"),
                new int[] {1, 0, 0}));
        in.put(CinTransferNet.INPUT, Nd4j.concat(0, read(content.get(0).path()), read(content.get(1).path()),
                read(content.get(PICTURES).path())));
        in.put(CinTransferNet.STYLE, Nd4j.createFromArray(new float[][] {{0, 1}, {1, 0}, {1, 0}}));
        INDArray out = sd.output(in, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT);
        // The texture term: each sample's mean squared CDF error against its own rendering's, times
        // its style's balance (Invert 4, Dark 0.5) and its mask (the lonely picture has none).
        SameDiff cdf = SameDiff.create();
        SDVariable images = cdf.placeHolder("images", DataType.FLOAT, -1, SIDE, SIDE, 3);
        StyleLosses.textureCdf(cdf, images, SIDE).rename("cdf");
        INDArray cdfOut = cdf.output(Map.of("images", out), "cdf").get("cdf");
        INDArray cdfTruth = cdf.output(Map.of("images", in.get(PairedRenderings.TARGET)), "cdf").get("cdf");
        INDArray d = cdfOut.sub(cdfTruth);
        INDArray perSample = d.mul(d).mean(1);
        double expected = textureWeight * (4 * perSample.getDouble(0) + 0.5 * perSample.getDouble(1)) / 3;
        double term = sd.output(in, CinTransferTrainer.TEXTURE_TERM).get(CinTransferTrainer.TEXTURE_TERM).getDouble(0);
        assertTrue(expected > 1e-4, "the term is not trivially zero: " + expected);
        assertEquals(expected, term, 1e-4 * expected);
        assertTrue(sd.output(in, CinTransferTrainer.STYLE_TERM).get(CinTransferTrainer.STYLE_TERM).getDouble(0) > 0);
        // An output equal to its rendering meets every paired target: both terms vanish, whatever
        // the styles' mean statistics (random here) are.
        in.put(PairedRenderings.TARGET, out);
        in.get(PairedRenderings.MASK).assign(1);
        assertEquals(0.0, sd.output(in, CinTransferTrainer.TEXTURE_TERM).get(CinTransferTrainer.TEXTURE_TERM)
                .getDouble(0), 1e-9);
        assertEquals(0.0, sd.output(in, CinTransferTrainer.STYLE_TERM).get(CinTransferTrainer.STYLE_TERM)
                .getDouble(0), 1e-9);
    }

    @Test
    void aTrainingOnThePairedLossAloneLearnsBothRenderings() throws Exception {
        CinTransfer model = CinTransferTrainer.train(train, content, styles, data, options(1, 25, 0), null, null);
        INDArray x = Nd4j.concat(0, read(content.get(0).path()), read(content.get(1).path()));
        for (String style : styles.names()) {
            INDArray truth = Nd4j.concat(0, read(dir.resolve("train").resolve(style).resolve("p0.png")),
                    read(dir.resolve("train").resolve(style).resolve("p1.png")));
            double before = Nd4j.math().abs(x.sub(truth)).meanNumber().doubleValue();
            int k = styles.indexOf(style);
            INDArray out = model.transfer(x, new int[] {k, k});
            double after = Nd4j.math().abs(out.sub(truth)).meanNumber().doubleValue();
            assertTrue(after < 0.3 * before, style + ": mean absolute error " + before + " untouched, " + after
                    + " transferred");
        }
    }
}
