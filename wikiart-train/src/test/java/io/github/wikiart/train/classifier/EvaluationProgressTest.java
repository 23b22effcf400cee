package io.github.wikiart.train.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.ClassifierArchitecture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

/** Evaluation reports the images done after every batch, ending at the total, and its numbers do not change. */
class EvaluationProgressTest {
    @TempDir
    Path dir;

    @Test
    void evaluationReportsEachBatch() throws Exception {
        Path root = dir.resolve("data");
        SyntheticStyles.builder().styles(2).trainPerStyle(2).testPerStyle(5).size(16).seed(1).build().write(root);
        WikiArtDataset data = WikiArtDataset.load(DataOptions.defaults(root).withImageSize(16), false, true);
        MultiLayerNetwork net = new MultiLayerNetwork(new ClassifierArchitecture("stylenet", 0.0, 4, 4, 8)
                .conf(2, 16, TensorLayout.NCHW, 3, new Adam(1e-3)));
        net.init();
        List<String> reports = new ArrayList<>();
        try (ImageBatchIterator test = ImageBatchIterator.builder(data.test().samples(), data.labelIndex())
                .imageSize(16).batchSize(4).shuffle(false).build()) {
            ClassificationReport plain = ClassifierEvaluator.evaluate(net, test, data.labelIndex());
            ClassificationReport reported = ClassifierEvaluator.evaluate(net, test, data.labelIndex(),
                    (step, done, total) -> reports.add(step + " " + done + "/" + total), test.numExamples());
            assertEquals(plain.accuracy(), reported.accuracy());
            assertEquals(plain.meanLoss(), reported.meanLoss());
        }
        assertEquals(List.of("evaluating 4/10", "evaluating 8/10", "evaluating 10/10"), reports);
    }
}
