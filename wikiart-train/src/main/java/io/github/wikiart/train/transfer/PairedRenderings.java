package io.github.wikiart.train.transfer;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.TensorLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The true renderings of content images in the training styles, for the paired loss
 * ({@code transfer.paired_weight}): a training image of style {@code s} whose file name is a content
 * image's file name is that content image rendered in {@code s}, as in {@code realstyles}, where
 * {@code train/<Style>/r001.jpg} is {@code content/train/r001.jpg} in that style. Content images are
 * identified by file name; a content image without a rendering in a style gets a zero mask there, so
 * the paired loss skips it.
 *
 * <p>Every rendering is decoded once, with the training's image preparation, and held in memory:
 * {@code pairs x side x side x 3} floats (realstyles at 64 px: 1908 pairs, 94 MB).
 */
public final class PairedRenderings {
    /** Name of the placeholder of each sample's true rendering, {@code [b, s, s, 3]}. */
    public static final String TARGET = "paired_target";
    /** Name of the placeholder of each sample's weight, {@code [b, 1, 1, 1]}: 1 with a rendering, else 0. */
    public static final String MASK = "paired_mask";

    private final Map<String, int[]> rowsByFile;
    private final INDArray images;
    private final int side;
    private final double[] untouchedErrors;

    private PairedRenderings(Map<String, int[]> rowsByFile, INDArray images, int side, double[] untouchedErrors) {
        this.rowsByFile = rowsByFile;
        this.images = images;
        this.side = side;
        this.untouchedErrors = untouchedErrors;
    }

    /**
     * Finds and decodes the renderings of the content images among the training images.
     *
     * @param train training images with their styles
     * @param content the content images
     * @param styles the styles, in the network's order
     * @param data image preparation
     * @return the renderings
     * @throws IllegalArgumentException when no training image has a content image's file name, or a
     *     rendering cannot be decoded (naming the file)
     */
    public static PairedRenderings of(List<Sample> train, List<Sample> content, LabelIndex styles, DataOptions data) {
        java.util.Set<String> contentFiles = new java.util.HashSet<>();
        for (Sample c : content) {
            contentFiles.add(fileName(c));
        }
        List<Sample> found = new ArrayList<>();
        Map<String, int[]> rows = new HashMap<>();
        for (Sample t : train) {
            String file = fileName(t);
            if (!contentFiles.contains(file) || !styles.contains(t.label())) {
                continue;
            }
            int[] perStyle = rows.computeIfAbsent(file, k -> filled(styles.size()));
            int style = styles.indexOf(t.label());
            if (perStyle[style] < 0) {
                perStyle[style] = found.size();
                found.add(t);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("the paired loss and paired style targets (transfer.paired_weight > 0, "
                    + "transfer.style_targets: paired) need true renderings: no training image has the "
                    + "file name of a content image (" + content.size() + " content images, e.g. "
                    + (content.isEmpty() ? "none" : content.get(0).path()) + "; expected <data.root>/train/<Style>/"
                    + "<content file name>)");
        }
        INDArray images = decode(found, styles, data);
        Map<String, Sample> byFile = new java.util.LinkedHashMap<>();
        for (Sample c : content) {
            byFile.putIfAbsent(fileName(c), c);
        }
        List<String> files = new ArrayList<>(byFile.keySet());
        List<Sample> sources = labelledByFile(new ArrayList<>(byFile.values()));
        INDArray pictures = decode(sources, LabelIndex.of(files), data);
        double[] sums = new double[styles.size()];
        double[] counts = new double[styles.size()];
        for (int i = 0; i < files.size(); i++) {
            int[] perStyle = rows.get(files.get(i));
            for (int k = 0; perStyle != null && k < perStyle.length; k++) {
                if (perStyle[k] >= 0) {
                    sums[k] += Nd4j.math().abs(pictures.get(NDArrayIndex.point(i))
                            .sub(images.get(NDArrayIndex.point(perStyle[k])))).meanNumber().doubleValue();
                    counts[k]++;
                }
            }
        }
        double[] untouched = new double[styles.size()];
        for (int k = 0; k < untouched.length; k++) {
            untouched[k] = counts[k] == 0 ? Double.NaN : sums[k] / counts[k];
        }
        return new PairedRenderings(rows, images, data.imageSize(), untouched);
    }

    /** Decodes images in their order, {@code [n, s, s, 3]}; a file that cannot be read is an error naming it. */
    private static INDArray decode(List<Sample> samples, LabelIndex labels, DataOptions data) {
        int side = data.imageSize();
        INDArray out = Nd4j.create(DataType.FLOAT, samples.size(), side, side, 3);
        int next = 0;
        try (ImageBatchIterator it = ImageBatchIterator.builder(samples, labels).imageSize(side).resize(data.resize())
                .decoder(data.decoder()).layout(TensorLayout.NHWC).batchSize(32).shuffle(false).failOnUnreadable(true)
                .build()) {
            while (it.hasNext()) {
                DataSet ds = it.next();
                long n = ds.getFeatures().size(0);
                out.get(NDArrayIndex.interval(next, next + n)).assign(ds.getFeatures());
                next += n;
            }
        }
        return out;
    }

    /** @return the number of (content image, style) pairs with a rendering */
    public int pairs() {
        return (int) images.size(0);
    }

    /**
     * Per style, the mean absolute difference of the content images from their true renderings:
     * the paired loss of a network that changes nothing, NaN for a style without renderings.
     *
     * @return {@code [styles]} errors
     */
    public double[] untouchedErrors() {
        return untouchedErrors.clone();
    }

    /**
     * The renderings of a batch and its mask.
     *
     * @param contentFiles each sample's content file name
     * @param styles each sample's target style
     * @return {@value #TARGET} {@code [b, s, s, 3]} (zeros where there is none) and {@value #MASK}
     *     {@code [b, 1, 1, 1]}
     */
    public Map<String, INDArray> batch(List<String> contentFiles, int[] styles) {
        int b = contentFiles.size();
        INDArray target = Nd4j.zeros(DataType.FLOAT, b, side, side, 3);
        INDArray mask = Nd4j.zeros(DataType.FLOAT, b, 1, 1, 1);
        for (int i = 0; i < b; i++) {
            int[] perStyle = rowsByFile.get(contentFiles.get(i));
            int row = perStyle == null ? -1 : perStyle[styles[i]];
            if (row >= 0) {
                target.get(NDArrayIndex.point(i)).assign(images.get(NDArrayIndex.point(row)));
                mask.putScalar(i, 0, 0, 0, 1.0);
            }
        }
        return Map.of(TARGET, target, MASK, mask);
    }

    /**
     * The content images with each one's file name as its label, so that a batch's labels say
     * which content images it holds ({@link #contentFiles}).
     *
     * @param content the content images
     * @return the same images, labelled by file name
     */
    static List<Sample> labelledByFile(List<Sample> content) {
        return content.stream().map(c -> new Sample(c.path(), fileName(c))).toList();
    }

    /**
     * @param labels a batch's one-hot labels from images {@link #labelledByFile}
     * @param files their label index
     * @return each sample's content file name
     */
    static List<String> contentFiles(INDArray labels, LabelIndex files) {
        int[] rows = labels.argMax(1).toIntVector();
        List<String> out = new ArrayList<>(rows.length);
        for (int r : rows) {
            out.add(files.name(r));
        }
        return out;
    }

    private static String fileName(Sample s) {
        return s.path().getFileName().toString();
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }
}
