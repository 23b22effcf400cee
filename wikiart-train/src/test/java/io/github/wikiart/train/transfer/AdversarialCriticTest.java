package io.github.wikiart.train.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.transfer.CinTransferNet;
import io.github.wikiart.models.transfer.FeatureStack;
import io.github.wikiart.models.transfer.GramHead;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The critic of the adversarial loss ({@code transfer.adversarial_weight}) and its term in the transfer graph. */
class AdversarialCriticTest {
    private static final int SIDE = 16;
    private static final int STYLES = 2;

    @TempDir
    static Path dir;
    static WikiArtDataset data;
    static DataOptions options;

    @BeforeAll
    static void writeData() throws Exception {
        Path root = dir.resolve("data");
        SyntheticStyles.builder().styles(STYLES).trainPerStyle(8).testPerStyle(2).size(SIDE).seed(4).build()
                .write(root);
        options = DataOptions.defaults(root).withImageSize(SIDE).withSeed(2);
        data = WikiArtDataset.load(options, true, true);
    }

    private static FeatureStack stack() {
        return FeatureStack.random(3, DataType.FLOAT, FeatureNetTrainer.CHANNELS, FeatureNetTrainer.STRIDES);
    }

    /** A random head of the stack's Gram values for the styles (weights N(0, 0.01^2), biases N(0, 1)). */
    private static GramHead head(long seed) {
        Nd4j.getRandom().setSeed(seed);
        long features = GramHead.features(stack());
        return new GramHead(Nd4j.randn(DataType.FLOAT, features, STYLES).muli(0.01), Nd4j.randn(DataType.FLOAT, STYLES));
    }

    private static CinTransferOptions transferOptions(double adversarialWeight) {
        return CinTransferOptions.builder().width(4).styleWeight(10).contentWeight(1).epochs(1).batchSize(4).seed(5)
                .residual(true).features(CinTransferOptions.Features.TRAINED).featureEpochs(1)
                .adversarialWeight(adversarialWeight).build();
    }

    /** A transfer graph whose loss holds the adversarial term at this weight (and the pixel and stack Gram terms). */
    private static SameDiff transferGraph(GramHead head, double weight) {
        FeatureStack stack = stack();
        Nd4j.getRandom().setSeed(16);
        List<INDArray> targets = new java.util.ArrayList<>();
        targets.add(Nd4j.rand(DataType.FLOAT, STYLES, 9));
        for (int l = 0; l < stack.layers(); l++) {
            targets.add(Nd4j.rand(DataType.FLOAT, STYLES, stack.channels(l) * stack.channels(l)));
        }
        return CinTransferTrainer.trainingGraph(SIDE, STYLES, transferOptions(weight),
                new CinTransferTrainer.LossSetup(stack, true, targets, null, 0, head, 0).withAdversarial(weight), 1);
    }

    /** The mean cross-entropy of each row's style (among the logits' columns), computed here. */
    private static double crossEntropy(INDArray logits, int[] styles) {
        double sum = 0;
        for (int i = 0; i < styles.length; i++) {
            double max = logits.getRow(i).maxNumber().doubleValue();
            double z = 0;
            for (int k = 0; k < logits.size(1); k++) {
                z += Math.exp(logits.getDouble(i, k) - max);
            }
            sum += max + Math.log(z) - logits.getDouble(i, styles[i]);
        }
        return sum / styles.length;
    }

    private static Map<String, INDArray> batch(long seed, int[] styles) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, styles.length, SIDE, SIDE, 3);
        INDArray s = Nd4j.zeros(DataType.FLOAT, styles.length, STYLES);
        for (int i = 0; i < styles.length; i++) {
            s.putScalar(i, styles[i], 1.0);
        }
        return Map.of(CinTransferNet.INPUT, x, CinTransferNet.STYLE, s);
    }

    @Test
    void theMadeClassIsAZeroColumnAfterTheStyles() {
        GramHead head = head(5);
        GramHead critic = AdversarialCritic.withMadeClass(head);
        assertArrayEquals(new long[] {head.weights().size(0), STYLES + 1}, critic.weights().shape());
        assertEquals(head.weights(), critic.weights().get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, STYLES)));
        assertEquals(0.0, critic.weights().getColumn(STYLES).norm1Number().doubleValue(), 0.0);
        assertEquals(head.bias().getDouble(1), critic.bias().getDouble(1), 0.0);
        assertEquals(0.0, critic.bias().getDouble(STYLES), 0.0);
    }

    @Test
    void theTermIsItsWeightTimesTheCriticsCrossEntropyOfTheTargetStyleBeforeAndAfterTheCriticLearns() {
        GramHead head = head(6);
        SameDiff with = transferGraph(head, 3);
        SameDiff without = transferGraph(head, 0);
        assertTrue(AdversarialCritic.in(with));
        assertFalse(AdversarialCritic.in(without));
        int[] styles = {0, 1, 1};
        Map<String, INDArray> in = batch(7, styles);
        try (AdversarialCritic critic = AdversarialCritic.start(stack(), AdversarialCritic.withMadeClass(head),
                data.train().samples(), data.labelIndex(), options, 3, 8)) {
            for (int round = 0; round < 2; round++) {
                INDArray out = with.output(in, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT);
                double expected = 3 * crossEntropy(critic.logits(out), styles);
                double term = with.output(in, CinTransferTrainer.ADVERSARIAL_TERM)
                        .get(CinTransferTrainer.ADVERSARIAL_TERM).getDouble(0);
                assertEquals(expected, term, 1e-4 * expected, "round " + round);
                double rest = without.output(in, "loss").get("loss").getDouble(0);
                assertEquals(rest + expected, with.output(in, "loss").get("loss").getDouble(0), 1e-4 * (rest + expected));
                // The critic learns from these outputs; the graph's constants follow it, and the loss
                // features it started from (the rest of the loss) stay as they were.
                for (int i = 0; i < 5; i++) {
                    critic.learn(out);
                }
                critic.copyTo(with);
            }
        }
    }

    @Test
    void theTermsGradientScalesWithItsWeight() {
        GramHead head = head(18);
        Map<String, INDArray> in = batch(19, new int[] {0, 1});
        // The residual network's output layer starts at zero, so only its weights get a gradient.
        INDArray g0 = transferGraph(head, 0).calculateGradients(in, "out_W").get("out_W");
        INDArray g1 = transferGraph(head, 1).calculateGradients(in, "out_W").get("out_W");
        INDArray g3 = transferGraph(head, 3).calculateGradients(in, "out_W").get("out_W");
        INDArray once = g1.sub(g0);
        assertTrue(once.amaxNumber().doubleValue() > 1e-4, "the term's gradient " + once.amaxNumber());
        double off = g3.sub(g0).sub(once.mul(3)).amaxNumber().doubleValue();
        assertEquals(0.0, off, 1e-4 * once.amaxNumber().doubleValue() * 3 + 1e-6, "weight 3 against 3 x weight 1");
    }

    @Test
    void theCriticLearnsToTellTheTransfersOutputsFromTheTrainingImages() {
        GramHead head = AdversarialCritic.withMadeClass(head(9));
        // "Outputs" that look like no style: uniform noise.
        Nd4j.getRandom().setSeed(17);
        INDArray made = Nd4j.rand(DataType.FLOAT, 4, SIDE, SIDE, 3);
        try (AdversarialCritic critic = AdversarialCritic.start(stack(), head, data.train().samples(),
                data.labelIndex(), options, 4, 10)) {
            double before = crossEntropy(critic.logits(made), new int[] {STYLES, STYLES, STYLES, STYLES});
            for (int i = 0; i < 4 * AdversarialCritic.SCORED_EVERY; i++) {
                critic.learn(made);
            }
            double after = crossEntropy(critic.logits(made), new int[] {STYLES, STYLES, STYLES, STYLES});
            assertTrue(after < 0.5 * before, "cross-entropy of 'made' on the outputs " + before + " -> " + after);
            double[] scores = critic.drainScores();
            // Scored before steps 1, 11, 21 and 31: at least the last ones catch every noise image.
            assertTrue(scores[0] >= 0.5 && scores[0] <= 1, "made caught " + scores[0]);
            assertTrue(Double.isNaN(critic.drainScores()[0]), "the counts restart after draining");
        }
    }

    @Test
    void aResumedCriticStartsFromTheWeightsInTheTransferGraph() {
        GramHead head = head(11);
        SameDiff graph = transferGraph(head, 1);
        INDArray images = batch(12, new int[] {0, 1}).get(CinTransferNet.INPUT);
        try (AdversarialCritic critic = AdversarialCritic.start(stack(), AdversarialCritic.withMadeClass(head),
                data.train().samples(), data.labelIndex(), options, 2, 13)) {
            for (int i = 0; i < 3; i++) {
                critic.learn(images);
            }
            critic.copyTo(graph);
            try (AdversarialCritic resumed = AdversarialCritic.resume(graph, data.train().samples(),
                    data.labelIndex(), options, 2, 13)) {
                assertEquals(critic.logits(images), resumed.logits(images));
            }
        }
    }

    @Test
    void aCriticWithTheWrongNumberOfClassesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdversarialCritic.start(
                stack(), head(14), data.train().samples(), data.labelIndex(), options, 2, 1));
        assertTrue(e.getMessage().contains("2 styles and one for the transfer's outputs, its head has 2 classes"),
                e.getMessage());
    }

    @Test
    void anAdversarialLossNeedsTrainedFeatures() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> transferOptions(1).toBuilder().features(CinTransferOptions.Features.RANDOM).build());
        assertTrue(e.getMessage().contains("transfer.features: trained"), e.getMessage());
    }

    private static CinTransfer train(double adversarialWeight, List<Double> losses, Path runDir) {
        return CinTransferTrainer.train(data.train().samples(), data.train().samples(), data.labelIndex(), options,
                transferOptions(adversarialWeight).toBuilder().epochs(2).learningRate(1e-2).build(), runDir,
                new io.github.wikiart.train.loop.LoopListener<Object, Object>() {
                    private String phase = "";

                    @Override
                    public void onPhase(String name, int epochs) {
                        phase = name;
                    }

                    @Override
                    public void onBatch(int epoch, int batch, int batches, long images, double loss, double ips) {
                        if (phase.equals(CinTransferTrainer.PHASE)) {
                            losses.add(loss);
                        }
                    }
                });
    }

    @Test
    void theAdversarialWeightChangesTheTrainedNetworkAndItsModelRoundTrips() throws Exception {
        List<Double> losses = new java.util.ArrayList<>();
        CinTransfer model = train(1, losses, dir.resolve("adversarial-run"));
        // Weight 3 against weight 1: the same graph, so only the term's weight can make them differ.
        CinTransfer stronger = train(3, new java.util.ArrayList<>(), dir.resolve("stronger-run"));
        CinTransfer plain = train(0, new java.util.ArrayList<>(), dir.resolve("plain-run"));
        // 16 training images, batch 4, 2 epochs.
        assertEquals(8, losses.size());
        assertTrue(losses.stream().allMatch(Double::isFinite), losses.toString());
        Path saved = dir.resolve("adversarial.zip");
        model.saveModel(saved);
        TransferModel loaded = TransferModels.load(saved);
        INDArray x = batch(15, new int[] {0, 1}).get(CinTransferNet.INPUT);
        INDArray out = model.transfer(x, new int[] {1, 0});
        assertEquals(out, loaded.transfer(x, new int[] {1, 0}));
        double change = out.sub(stronger.transfer(x, new int[] {1, 0})).amaxNumber().doubleValue();
        assertTrue(change > 1e-4, "weight 3 against 1 changed the trained network by " + change);
        // metrics.csv: the critic's shares after each epoch (scored once per epoch: 4 steps, every
        // 10th scored, so only epoch 1 has a score), empty fields without a critic.
        List<String> rows = java.nio.file.Files.readAllLines(dir.resolve("adversarial-run").resolve("metrics.csv"));
        assertEquals(TransferEpoch.HEADER, rows.get(0));
        String[] first = rows.get(1).split(",", -1);
        double caught = Double.parseDouble(first[5]);
        double right = Double.parseDouble(first[6]);
        assertTrue(caught >= 0 && caught <= 1 && right >= 0 && right <= 1, rows.get(1));
        assertTrue(rows.get(2).endsWith(",,"), rows.get(2));
        String plainRow = java.nio.file.Files.readAllLines(dir.resolve("plain-run").resolve("metrics.csv")).get(1);
        assertTrue(plainRow.endsWith(",,"), plainRow);
    }
}
