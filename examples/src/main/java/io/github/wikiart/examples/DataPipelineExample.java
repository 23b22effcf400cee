package io.github.wikiart.examples;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.PreparedSplit;
import io.github.wikiart.data.Sampling;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data layer as a user calls it: generate a synthetic style dataset (or point at a real
 * WikiArt folder), load it with resampling, and iterate over DL4J batches.
 *
 * <pre>
 * mvn -q -pl examples -am package -Dmaven.test.skip=true
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *     io.github.wikiart.examples.DataPipelineExample [DATA_DIR]
 * </pre>
 */
public final class DataPipelineExample {
    private static final Logger LOG = LoggerFactory.getLogger(DataPipelineExample.class);

    /**
     * What the example saw.
     *
     * @param labels the label index
     * @param trainSamples training samples after resampling
     * @param batches batches in one training epoch
     * @param firstBatchShape shape of the first feature batch
     */
    public record Result(List<String> labels, int trainSamples, int batches, long[] firstBatchShape) {
    }

    private DataPipelineExample() {
    }

    /**
     * Runs the example.
     *
     * @param dataDir a WikiArt-layout folder; generated when it does not exist
     * @param imageSize image side
     * @return what it saw
     * @throws Exception on failure
     */
    public static Result runExample(Path dataDir, int imageSize) throws Exception {
        if (!Files.isDirectory(dataDir)) {
            SyntheticStyles.builder().styles(4).trainPerStyle(30).testPerStyle(10).size(imageSize).seed(7).build()
                    .write(dataDir);
        }
        DataOptions options = DataOptions.defaults(dataDir).withImageSize(imageSize)
                .withSampling(Sampling.parse("mean"), Sampling.NONE).withSeed(7);
        WikiArtDataset data = WikiArtDataset.load(options, true, true);
        PreparedSplit train = data.train();
        train.resampled().changes().forEach(change -> LOG.info("resampled {}", change));
        int batches = 0;
        long[] shape = null;
        try (ImageBatchIterator it = ImageBatchIterator.builder(train.samples(), data.labelIndex())
                .imageSize(imageSize).batchSize(16).layout(TensorLayout.NCHW).seed(7).build()) {
            while (it.hasNext()) {
                DataSet batch = it.next();
                if (shape == null) {
                    shape = batch.getFeatures().shape();
                }
                batches++;
            }
        }
        return new Result(data.labelIndex().names(), train.samples().size(), batches, shape);
    }

    /**
     * @param args optional dataset folder (default: a generated one under the temp folder)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("wikiart-example").resolve("data");
        Result r = runExample(dir, 64);
        System.out.printf("styles %s, %d training samples, %d batches, first batch %s%n", r.labels(), r.trainSamples(),
                r.batches(), java.util.Arrays.toString(r.firstBatchShape()));
    }
}
