package io.github.wikiart.examples;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.models.StatsClassifier;
import io.github.wikiart.models.layers.StatisticsFeatures;
import io.github.wikiart.models.layers.StatisticsFeatures.Group;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Which colour and texture statistics matter: computes every {@link StatisticsFeatures} group of
 * a dataset's images once, then trains the statistics classifier's head
 * ({@link StatsClassifier#headConf()}) on all groups and on all groups but one, and reports the
 * test accuracy of each. Same seed, same numbers.
 *
 * <pre>
 * mvn -B -q -Dmaven.test.skip=true package -pl examples -am
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *     io.github.wikiart.examples.StatsFeatureStudy DATA_DIR [IMAGE_SIZE] [EPOCHS]
 * </pre>
 */
public final class StatsFeatureStudy {
    private StatsFeatureStudy() {
    }

    /** Name of the study with every group. */
    public static final String ALL = "all groups";

    /**
     * Runs the study.
     *
     * @param dataDir a WikiArt-layout folder with train and test splits
     * @param imageSize image side
     * @param epochs epochs per head
     * @param seed seed of the weights and the batch order
     * @return test accuracy with all groups ({@link #ALL}) and without each group ("without GROUP")
     * @throws Exception on failure
     */
    public static Map<String, Double> run(Path dataDir, int imageSize, int epochs, long seed) throws Exception {
        WikiArtDataset data = WikiArtDataset.load(DataOptions.defaults(dataDir).withImageSize(imageSize).withSeed(seed),
                true, true);
        Set<Group> all = EnumSet.allOf(Group.class);
        DataSet train = features(data.train().samples(), data, imageSize, all);
        DataSet test = features(data.test().samples(), data, imageSize, all);
        int classes = data.labelIndex().size();
        Map<String, Double> accuracy = new LinkedHashMap<>();
        accuracy.put(ALL, accuracy(all, train, test, classes, epochs, seed));
        for (Group g : Group.values()) {
            EnumSet<Group> without = EnumSet.allOf(Group.class);
            without.remove(g);
            accuracy.put("without " + g, accuracy(without, train, test, classes, epochs, seed));
        }
        return accuracy;
    }

    private static DataSet features(List<Sample> samples, WikiArtDataset data, int side, Set<Group> groups) {
        List<INDArray> x = new ArrayList<>();
        List<INDArray> y = new ArrayList<>();
        try (ImageBatchIterator it = ImageBatchIterator.builder(samples, data.labelIndex()).imageSize(side)
                .resize(data.options().resize()).decoder(data.options().decoder()).batchSize(64).shuffle(false).build()) {
            while (it.hasNext()) {
                DataSet ds = it.next();
                x.add(Nd4j.createFromArray(StatisticsFeatures.compute(ds.getFeatures(), CNN2DFormat.NCHW, groups))
                        .castTo(DataType.FLOAT));
                y.add(ds.getLabels().dup());
            }
        }
        return new DataSet(Nd4j.vstack(x), Nd4j.vstack(y));
    }

    private static double accuracy(Set<Group> groups, DataSet train, DataSet test, int classes, int epochs, long seed) {
        int[] columns = columns(groups);
        INDArray trainX = train.getFeatures().getColumns(columns);
        INDArray testX = test.getFeatures().getColumns(columns);
        MultiLayerNetwork head = new MultiLayerNetwork(StatsClassifier.builder().numClasses(classes).groups(groups)
                .seed(seed).updater(new Adam(1e-3)).build().headConf());
        head.init();
        int n = (int) trainX.size(0);
        Random random = new Random(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        for (int e = 0; e < epochs; e++) {
            java.util.Collections.shuffle(order, random);
            for (int from = 0; from < n; from += 32) {
                int[] rows = order.subList(from, Math.min(n, from + 32)).stream().mapToInt(Integer::intValue).toArray();
                head.fit(trainX.getRows(rows), train.getLabels().getRows(rows));
            }
        }
        INDArray predicted = head.output(testX, false).argMax(1);
        return predicted.eq(test.getLabels().argMax(1)).castTo(DataType.DOUBLE).meanNumber().doubleValue();
    }

    /** The columns of the given groups within the features of every group. */
    private static int[] columns(Set<Group> groups) {
        List<Integer> cols = new ArrayList<>();
        int at = 0;
        for (Group g : Group.values()) {
            for (int i = 0; i < g.size(); i++) {
                if (groups.contains(g)) {
                    cols.add(at + i);
                }
            }
            at += g.size();
        }
        return cols.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * @param args dataset folder, optional image size (64) and epochs (10)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: StatsFeatureStudy DATA_DIR [IMAGE_SIZE] [EPOCHS]");
            System.exit(2);
        }
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        run(Path.of(args[0]), size, epochs, 1).forEach((k, v) -> System.out.printf("%-32s %.4f%n", k, v));
    }
}
