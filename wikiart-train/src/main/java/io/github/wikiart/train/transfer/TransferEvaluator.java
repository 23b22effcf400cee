package io.github.wikiart.train.transfer;

import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.LayoutSimilarity;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.train.TrainedClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Measures a transfer model: every content image is moved to every style, and
 * <ul>
 *   <li>{@code hit_rate}: the fraction of outputs whose top-1 style, by an independent judge
 *       classifier, is the target style (per-style rates too);</li>
 *   <li>{@code style_spread}: the mean absolute pixel difference, on 0..255, between the outputs of
 *       one image under two different target styles (0 means the target changes nothing);</li>
 *   <li>{@code content_retention}: the mean Pearson correlation between the 8x8 block-averaged
 *       luminance of each output and of its input. It compares coarse layout and ignores colour
 *       and texture, which a style change should alter. For reference on generated data: two
 *       renderings of the same content in different real styles correlate at about 0.8, unrelated
 *       images at about 0.0.</li>
 * </ul>
 */
public final class TransferEvaluator {
    private static final int BLOCKS = 8;

    private TransferEvaluator() {
    }

    /**
     * Evaluates.
     *
     * @param model the transfer model
     * @param judge a classifier trained on the same styles, never used to train the model
     * @param content the content images
     * @param contentLabels a label index covering their folders (any; only pixels are used)
     * @return the numbers, ready for JSON
     */
    public static Map<String, Object> evaluate(TransferModel model, TrainedClassifier judge, List<Sample> content,
                                               LabelIndex contentLabels) {
        LabelIndex styles = model.labels();
        int[] judgeIndexOf = new int[styles.size()];
        for (int k = 0; k < styles.size(); k++) {
            if (!judge.labels().contains(styles.name(k))) {
                throw new IllegalArgumentException("the judge does not know the style '" + styles.name(k)
                        + "'; judge styles: " + judge.labels().names());
            }
            judgeIndexOf[k] = judge.labels().indexOf(styles.name(k));
        }
        int side = model.imageSize();
        int[] hits = new int[styles.size()];
        int[] trials = new int[styles.size()];
        double spreadSum = 0;
        long spreadPairs = 0;
        double retentionSum = 0;
        long outputs = 0;
        try (ImageBatchIterator it = ImageBatchIterator.builder(content, contentLabels).imageSize(side)
                .layout(TensorLayout.NHWC).batchSize(8).shuffle(false).build()) {
            while (it.hasNext()) {
                INDArray x = it.next().getFeatures();
                int n = (int) x.size(0);
                double[][] inputBlocks = new double[n][];
                for (int i = 0; i < n; i++) {
                    inputBlocks[i] = blocks(x, i);
                }
                List<INDArray> perStyle = new ArrayList<>();
                for (int k = 0; k < styles.size(); k++) {
                    int[] t = new int[n];
                    java.util.Arrays.fill(t, k);
                    INDArray y = model.transfer(x, t);
                    perStyle.add(y);
                    INDArray probs = judge.network().output(judgeInput(y, judge), false);
                    INDArray top = probs.argMax(1);
                    for (int i = 0; i < n; i++) {
                        trials[k]++;
                        if (top.getInt(i) == judgeIndexOf[k]) {
                            hits[k]++;
                        }
                        retentionSum += LayoutSimilarity.correlation(inputBlocks[i], blocks(y, i));
                        outputs++;
                    }
                }
                for (int a = 0; a < perStyle.size(); a++) {
                    for (int b = a + 1; b < perStyle.size(); b++) {
                        INDArray d = perStyle.get(a).sub(perStyle.get(b));
                        spreadSum += sd255(d, n);
                        spreadPairs += n;
                    }
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        int totalHits = 0;
        int totalTrials = 0;
        Map<String, Object> perStyleRates = new LinkedHashMap<>();
        for (int k = 0; k < styles.size(); k++) {
            totalHits += hits[k];
            totalTrials += trials[k];
            perStyleRates.put(styles.name(k), trials[k] == 0 ? 0.0 : (double) hits[k] / trials[k]);
        }
        out.put("method", model.method());
        out.put("content_images", content.size());
        out.put("outputs", totalTrials);
        out.put("hit_rate", totalTrials == 0 ? 0.0 : (double) totalHits / totalTrials);
        out.put("chance", 1.0 / styles.size());
        out.put("per_style_hit_rate", perStyleRates);
        out.put("style_spread", spreadPairs == 0 ? 0.0 : spreadSum / spreadPairs);
        out.put("content_retention", outputs == 0 ? 0.0 : retentionSum / outputs);
        return out;
    }

    /** Sum over the n samples of each sample's mean absolute difference, in 0..255 units. */
    private static double sd255(INDArray diff, int n) {
        INDArray abs = org.nd4j.linalg.ops.transforms.Transforms.abs(diff, true);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += abs.get(NDArrayIndex.point(i)).meanNumber().doubleValue() * 255.0;
        }
        return sum;
    }

    private static INDArray judgeInput(INDArray nhwc, TrainedClassifier judge) {
        int side = judge.info().imageSize();
        INDArray x = nhwc;
        if (nhwc.size(1) != side) {
            throw new IllegalArgumentException("the judge expects " + side + " px images, the transfer model makes "
                    + nhwc.size(1) + " px; train both at the same data.image_size");
        }
        return judge.info().layout() == TensorLayout.NCHW ? x.permute(0, 3, 1, 2).dup('c') : x;
    }

    /** 8x8 block means of the luminance of image i of an NHWC batch (one copy to the heap). */
    static double[] blocks(INDArray batch, int i) {
        INDArray img = batch.get(NDArrayIndex.point(i)).dup('c');
        return LayoutSimilarity.blockLuminance(img.reshape(img.length()).toFloatVector(), (int) img.size(0), BLOCKS);
    }
}
