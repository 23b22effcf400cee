package io.github.wikiart.examples;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.Sampling;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.ClassifierArchitecture;
import io.github.wikiart.train.ClassificationReport;
import io.github.wikiart.train.ClassifierOptions;
import io.github.wikiart.train.ClassifierRun;
import io.github.wikiart.train.EpochResult;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.loop.LoopListener;
import io.github.wikiart.viz.ConfusionMatrixPlot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains both style classifiers through the library API, without the CLI: generate data (or use a
 * WikiArt folder), train StyleNet and the original model, write a confusion-matrix plot.
 *
 * <pre>
 * mvn -B -q -Dmaven.test.skip=true package -pl examples -am
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *     io.github.wikiart.examples.ClassifierExample [DATA_DIR] [OUT_DIR]
 * </pre>
 */
public final class ClassifierExample {
    private static final Logger LOG = LoggerFactory.getLogger(ClassifierExample.class);

    private ClassifierExample() {
    }

    /**
     * Test accuracy of each model.
     *
     * @param styleNetAccuracy the default model's final test accuracy
     * @param seedAccuracy the original model's final test accuracy
     * @param styleNetRun the run folder of StyleNet
     */
    public record Result(double styleNetAccuracy, double seedAccuracy, Path styleNetRun) {
    }

    /**
     * Runs the example.
     *
     * @param dataDir a WikiArt-layout folder; generated when it does not exist
     * @param outDir where the run folders go
     * @param imageSize image side
     * @param epochs epochs per model
     * @return both accuracies
     * @throws Exception on failure
     */
    public static Result runExample(Path dataDir, Path outDir, int imageSize, int epochs) throws Exception {
        if (!Files.isDirectory(dataDir)) {
            SyntheticStyles.builder().styles(4).trainPerStyle(40).testPerStyle(10).size(imageSize).seed(3).build()
                    .write(dataDir);
        }
        DataOptions data = DataOptions.defaults(dataDir).withImageSize(imageSize)
                .withSampling(Sampling.parse("mean"), Sampling.NONE).withSeed(3);
        LoopListener<EpochResult, MultiLayerNetwork> log = new LoopListener<>() {
            @Override
            public void onEpochEnd(EpochResult r, MultiLayerNetwork net, boolean best) {
                LOG.info("epoch {}: loss {}, test accuracy {}", r.epoch(), r.trainLoss(), r.test().accuracy());
            }
        };
        ClassifierOptions styleNet = ClassifierOptions.defaults().withEpochs(epochs).withBatchSize(16);
        ClassifierRun.Outcome a = ClassifierRun.train(data, styleNet, RunFolder.create(outDir, "example-stylenet"),
                List.of(log));
        ClassifierOptions seed = styleNet.withArchitecture(new ClassifierArchitecture("seed", 0.2, 1, 1, 300));
        ClassifierRun.Outcome b = ClassifierRun.train(data, seed, RunFolder.create(outDir, "example-seed"), List.of(log));
        ClassificationReport report = a.training().finalReport();
        ConfusionMatrixPlot.write(report.confusion(), report.classes(), "StyleNet (example)",
                a.run().plots().resolve("confusion-matrix.png"));
        return new Result(report.accuracy(), b.training().finalReport().accuracy(), a.run().dir());
    }

    /**
     * @param args optional dataset folder and output folder
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path data = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("wikiart-example").resolve("data");
        Path out = args.length > 1 ? Path.of(args[1]) : data.resolveSibling("runs");
        Result r = runExample(data, out, 64, 6);
        System.out.printf("StyleNet test accuracy %.3f, original model %.3f; StyleNet run: %s%n", r.styleNetAccuracy(),
                r.seedAccuracy(), r.styleNetRun());
    }
}
