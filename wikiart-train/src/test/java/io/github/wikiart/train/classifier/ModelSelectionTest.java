package io.github.wikiart.train.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.ClassifierArchitecture;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.LearningRateSchedule;
import io.github.wikiart.train.RunFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation split, not the test split, chooses the best epoch and drives early stopping; the
 * summary holds the test numbers of the selected and of the last epoch.
 */
class ModelSelectionTest {
    @TempDir
    Path dir;

    @Test
    void theBestEpochFollowsValidationEvenWhenTestDisagrees() throws Exception {
        Path root = dir.resolve("data");
        SyntheticStyles.builder().styles(3).trainPerStyle(16).testPerStyle(6).size(16).seed(3).build().write(root);
        DataOptions data = DataOptions.defaults(root).withImageSize(16).withSeed(2).withValidationFraction(0);
        WikiArtDataset dataset = WikiArtDataset.load(data, true, true);
        LabelIndex labels = dataset.labelIndex();
        // A "validation" split whose labels are rotated: the better the network gets on the test
        // split, the worse it scores here, so the two choose different epochs.
        List<Sample> rotated = new ArrayList<>();
        for (Sample s : dataset.test().samples()) {
            rotated.add(new Sample(s.path(), labels.names().get((labels.indexOf(s.label()) + 1) % labels.size())));
        }
        MultiLayerNetwork net = new MultiLayerNetwork(new ClassifierArchitecture("stylenet", 0.0, 4, 4, 16)
                .conf(labels.size(), 16, TensorLayout.NCHW, 9, new org.nd4j.linalg.learning.config.Adam(4e-3)));
        net.init();
        ClassifierTrainingResult result;
        try (ImageBatchIterator train = iterator(dataset.train().samples(), labels, true);
             ImageBatchIterator validation = iterator(rotated, labels, false);
             ImageBatchIterator test = iterator(dataset.test().samples(), labels, false)) {
            result = ClassifierTrainer.builder().epochs(6).build().fit(net, train, validation, test, labels);
        }
        List<EpochResult> epochs = result.epochs();
        int byValidation = argmax(epochs, e -> e.validation().accuracy());
        int byTest = argmax(epochs, e -> e.test().accuracy());
        assertNotEquals(byTest, byValidation, "the rotated labels should make the two disagree: " + epochs);
        assertEquals(byValidation, result.bestEpoch());
    }

    @Test
    void earlyStoppingStopsOnValidationAndTheSummaryHoldsBothTestNumbers() throws Exception {
        Path root = dir.resolve("data");
        SyntheticStyles.builder().styles(3).trainPerStyle(20).testPerStyle(4).size(16).seed(4).build().write(root);
        DataOptions data = DataOptions.defaults(root).withImageSize(16).withSeed(3).withValidationFraction(0.2);
        // Generated styles are learnt within a few epochs, after which the validation accuracy
        // cannot rise any more: patience 2 ends the 30-epoch run early.
        ClassifierOptions options = new ClassifierOptions(new ClassifierArchitecture("stylenet", 0.0, 4, 4, 16), 30,
                8, 4e-3, LearningRateSchedule.CONSTANT, TensorLayout.NCHW, 0, 2, 0.0);
        ClassifierRun.Outcome run = ClassifierRun.train(data, options, RunFolder.at(dir.resolve("run")), List.of());
        List<EpochResult> epochs = run.training().epochs();
        assertTrue(epochs.size() < 30, "no early stop in " + epochs.size() + " epochs");
        int best = run.training().bestEpoch();
        // Stopped exactly 2 epochs after the last improvement.
        assertEquals(best + 2, epochs.size());
        assertTrue(run.training().stopReason().orElseThrow().startsWith("early stopping after epoch " + epochs.size()));
        Map<String, Object> summary = Json.read(run.run().file(RunFolder.SUMMARY));
        assertEquals("validation", summary.get("selected_by"));
        assertEquals(12, ((Number) summary.get("validation_images")).intValue());
        assertEquals(epochs.get(best - 1).test().accuracy(), ((Number) summary.get("best_test_accuracy")).doubleValue());
        assertEquals(epochs.get(epochs.size() - 1).test().accuracy(),
                ((Number) summary.get("test_accuracy")).doubleValue());
        assertEquals(epochs.get(best - 1).validation().accuracy(),
                ((Number) summary.get("best_validation_accuracy")).doubleValue());
    }

    private static int argmax(List<EpochResult> epochs, java.util.function.ToDoubleFunction<EpochResult> score) {
        return IntStream.range(0, epochs.size()).boxed()
                .max(Comparator.<Integer>comparingDouble(i -> score.applyAsDouble(epochs.get(i)))
                        .thenComparing(Comparator.<Integer>reverseOrder()))
                .orElseThrow() + 1;
    }

    private static ImageBatchIterator iterator(List<Sample> samples, LabelIndex labels, boolean shuffle) {
        return ImageBatchIterator.builder(samples, labels).imageSize(16).batchSize(8).shuffle(shuffle).seed(5).build();
    }
}
