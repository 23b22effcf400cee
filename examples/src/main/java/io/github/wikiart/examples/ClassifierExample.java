package io.github.wikiart.examples;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.Sampling;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.ClassifierArchitecture;
import io.github.wikiart.reports.JobListener;
import io.github.wikiart.reports.RunLocation;
import io.github.wikiart.reports.classifier.ClassifierTraining;
import io.github.wikiart.train.classifier.ClassifierOptions;
import io.github.wikiart.train.classifier.EpochResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains both style classifiers through the library API, without the CLI: generate data (or use a
 * WikiArt folder), train StyleNet and the original model with one library call each; each run
 * folder gets its metrics, checkpoints and plots (training curves, confusion matrix, class counts).
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
     * Both trained runs.
     *
     * @param styleNet the default model's run
     * @param seed the original model's run
     */
    public record Result(ClassifierTraining.Result styleNet, ClassifierTraining.Result seed) {
    }

    /**
     * Runs the example.
     *
     * @param dataDir a WikiArt-layout folder; generated when it does not exist
     * @param outDir where the run folders go
     * @param imageSize image side
     * @param epochs epochs per model
     * @return both runs
     * @throws Exception on failure
     */
    public static Result run(Path dataDir, Path outDir, int imageSize, int epochs) throws Exception {
        if (!Files.isDirectory(dataDir)) {
            SyntheticStyles.builder().styles(4).trainPerStyle(40).testPerStyle(10).size(imageSize).seed(3).build()
                    .write(dataDir);
        }
        DataOptions data = DataOptions.defaults(dataDir).withImageSize(imageSize)
                .withSampling(Sampling.parse("mean"), Sampling.NONE).withSeed(3);
        JobListener log = new JobListener() {
            @Override
            public void onEpochEnd(Object result, Object model, boolean best) {
                if (result instanceof EpochResult r) {
                    LOG.info("epoch {}: loss {}, test accuracy {}", r.epoch(), r.trainLoss(), r.test().accuracy());
                }
            }
        };
        ClassifierOptions styleNet = ClassifierOptions.defaults().withEpochs(epochs).withBatchSize(16);
        ClassifierTraining.Result a = ClassifierTraining.train(data, styleNet, RunLocation.under(outDir), log);
        ClassifierOptions seed = styleNet.withArchitecture(new ClassifierArchitecture("seed", 0.2, 1, 1, 300));
        ClassifierTraining.Result b = ClassifierTraining.train(data, seed, RunLocation.under(outDir), log);
        return new Result(a, b);
    }

    /**
     * @param args optional dataset folder and output folder
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path data = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("wikiart-example").resolve("data");
        Path out = args.length > 1 ? Path.of(args[1]) : data.resolveSibling("runs");
        Result r = run(data, out, 64, 6);
        System.out.printf("StyleNet test accuracy %.3f, original model %.3f; plots: %s%n", r.styleNet().testAccuracy(),
                r.seed().testAccuracy(), r.styleNet().plots());
    }
}
