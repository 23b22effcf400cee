package io.github.wikiart.train.transfer;

import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.LayoutSimilarity;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.train.classifier.TrainedClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Measures a transfer model: every content image is moved to every style, and
 * <ul>
 *   <li>per judge (classifiers trained on the same styles, never used to train the model):
 *       {@code hit_rate}, the fraction of outputs whose top-1 style is the target style, overall
 *       and per style, and {@code per_style_judged_as}: for each target style, how many of its
 *       outputs the judge gave to each of its classes (nonzero counts, most first), which says
 *       what a transfer that misses its style is taken for;</li>
 *   <li>{@code style_spread}: the mean absolute pixel difference, on 0..255, between the outputs of
 *       one image under two different target styles (0 means the target changes nothing);</li>
 *   <li>{@code content_retention}: the mean Pearson correlation between the 8x8 block-averaged
 *       luminance of each output and of its input. It compares coarse layout and ignores colour
 *       and texture, which a style change should alter. For reference on generated data: two
 *       renderings of the same content in different real styles correlate at about 0.8, unrelated
 *       images at about 0.0.</li>
 * </ul>
 * When the content images come with their true renderings ({@code renderings/<Style>/<file name
 * of the content image>}, as in the {@code realstyles} data), it also reports, per style and
 * overall, the mean PSNR of the transfers to the true renderings beside the PSNR of the untouched
 * content images to them (the do-nothing baseline), the content retention of the true renderings
 * themselves (what a perfect transfer would score), and per judge its accuracy on the true
 * renderings and the hit rate relative to that accuracy (the best a transfer can be credited with
 * by that judge).
 */
public final class TransferEvaluator {
    private static final int BLOCKS = 8;
    /** PSNR of identical images (a mean squared error of 0 would be infinite). */
    static final double MAX_PSNR = 100.0;

    private TransferEvaluator() {
    }

    /**
     * Evaluates with one judge and no true renderings.
     *
     * @param model the transfer model
     * @param judge a classifier trained on the same styles, never used to train the model
     * @param content the content images
     * @param contentLabels a label index covering their folders (any; only pixels are used)
     * @return the numbers, ready for JSON
     */
    public static Map<String, Object> evaluate(TransferModel model, TrainedClassifier judge, List<Sample> content,
                                               LabelIndex contentLabels) {
        return evaluate(model, Map.of("judge", judge), content, contentLabels, null);
    }

    /**
     * Evaluates.
     *
     * @param model the transfer model
     * @param judges named classifiers trained on the same styles, never used to train the model; the
     *     first one's numbers are also reported at the top level ({@code hit_rate}, ...)
     * @param content the content images
     * @param contentLabels a label index covering their folders (any; only pixels are used)
     * @param renderings a folder with the true rendering of each content image in each style as
     *     {@code <Style>/<content file name>}, or null
     * @return the numbers, ready for JSON
     * @throws IllegalArgumentException when a judge does not know a style or expects another image size,
     *     or the renderings folder has no rendering of any content image
     */
    public static Map<String, Object> evaluate(TransferModel model, Map<String, TrainedClassifier> judges,
                                               List<Sample> content, LabelIndex contentLabels, Path renderings) {
        return evaluate(model, judges, content, contentLabels, renderings, io.github.wikiart.data.StepProgress.NONE);
    }

    /**
     * As {@link #evaluate(TransferModel, Map, List, LabelIndex, Path)}, reporting the transfers done
     * ({@code transferring and judging}, content images x styles).
     *
     * @param model the transfer model
     * @param judges classifier runs by name, the first reported at the top level
     * @param content the content images
     * @param contentLabels their label index
     * @param renderings true renderings as {@code <Style>/<content file name>}, or null
     * @param progress told after each style of each batch
     * @return the numbers, ready for JSON
     */
    public static Map<String, Object> evaluate(TransferModel model, Map<String, TrainedClassifier> judges,
                                               List<Sample> content, LabelIndex contentLabels, Path renderings,
                                               io.github.wikiart.data.StepProgress progress) {
        if (judges.isEmpty()) {
            throw new IllegalArgumentException("need at least one judge");
        }
        LabelIndex styles = model.labels();
        int side = model.imageSize();
        List<JudgeTally> tallies = new ArrayList<>();
        judges.forEach((name, judge) -> tallies.add(new JudgeTally(name, judge, styles, side)));
        Map<String, INDArray> truth = renderings == null ? Map.of()
                : loadRenderings(renderings, content, model.input(), styles, tallies);
        if (renderings != null && truth.isEmpty()) {
            throw new IllegalArgumentException("no true renderings found in " + renderings
                    + ": expected <Style>/<content file name>, e.g. " + renderings.resolve(styles.name(0))
                    .resolve(content.get(0).path().getFileName()));
        }
        double[] psnrTransfer = new double[styles.size()];
        double[] psnrContent = new double[styles.size()];
        double[] retentionTruth = new double[styles.size()];
        int[] pairs = new int[styles.size()];
        double spreadSum = 0;
        long spreadPairs = 0;
        double retentionSum = 0;
        long outputs = 0;
        int offset = 0;
        try (ImageBatchIterator it = model.input().batches(content, contentLabels).batchSize(8).shuffle(false)
                .failOnUnreadable(true).build()) {
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
                    Arrays.fill(t, k);
                    INDArray y = model.transfer(x, t);
                    perStyle.add(y);
                    for (JudgeTally tally : tallies) {
                        tally.judgeTransfers(y, k);
                    }
                    progress.onProgress("transferring and judging", outputs + n, (long) content.size() * styles.size());
                    for (int i = 0; i < n; i++) {
                        retentionSum += LayoutSimilarity.correlation(inputBlocks[i], blocks(y, i));
                        outputs++;
                        INDArray rendering = truth.get(key(styles.name(k), content.get(offset + i)));
                        if (rendering != null) {
                            psnrTransfer[k] += psnr(y.get(NDArrayIndex.point(i)), rendering);
                            psnrContent[k] += psnr(x.get(NDArrayIndex.point(i)), rendering);
                            retentionTruth[k] += LayoutSimilarity.correlation(inputBlocks[i], blocks(rendering));
                            pairs[k]++;
                        }
                    }
                }
                for (int a = 0; a < perStyle.size(); a++) {
                    for (int b = a + 1; b < perStyle.size(); b++) {
                        INDArray d = perStyle.get(a).sub(perStyle.get(b));
                        spreadSum += sd255(d, n);
                        spreadPairs += n;
                    }
                }
                offset += n;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", model.method());
        out.put("content_images", content.size());
        out.put("outputs", (int) outputs);
        out.put("chance", 1.0 / styles.size());
        Map<String, Object> first = tallies.get(0).report(renderings != null);
        out.put("hit_rate", first.get("hit_rate"));
        out.put("per_style_hit_rate", first.get("per_style_hit_rate"));
        out.put("style_spread", spreadPairs == 0 ? 0.0 : spreadSum / spreadPairs);
        out.put("content_retention", outputs == 0 ? 0.0 : retentionSum / outputs);
        List<Map<String, Object>> judgeReports = new ArrayList<>();
        for (JudgeTally tally : tallies) {
            judgeReports.add(tally.report(renderings != null));
        }
        out.put("judges", judgeReports);
        if (renderings != null) {
            out.put("renderings", renderingReport(renderings, styles, psnrTransfer, psnrContent, retentionTruth,
                    pairs));
        }
        return out;
    }

    private static Map<String, Object> renderingReport(Path renderings, LabelIndex styles, double[] psnrTransfer,
                                                       double[] psnrContent, double[] retentionTruth,
                                                       int[] pairs) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("folder", renderings.toString());
        double sumT = 0;
        double sumC = 0;
        double sumR = 0;
        int total = 0;
        Map<String, Object> perStyle = new LinkedHashMap<>();
        for (int k = 0; k < styles.size(); k++) {
            sumT += psnrTransfer[k];
            sumC += psnrContent[k];
            sumR += retentionTruth[k];
            total += pairs[k];
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("pairs", pairs[k]);
            s.put("psnr_transfer", pairs[k] == 0 ? Double.NaN : psnrTransfer[k] / pairs[k]);
            s.put("psnr_content", pairs[k] == 0 ? Double.NaN : psnrContent[k] / pairs[k]);
            s.put("content_retention", pairs[k] == 0 ? Double.NaN : retentionTruth[k] / pairs[k]);
            perStyle.put(styles.name(k), s);
        }
        r.put("pairs", total);
        r.put("psnr_transfer", sumT / total);
        r.put("psnr_content", sumC / total);
        r.put("content_retention", sumR / total);
        r.put("per_style", perStyle);
        return r;
    }

    /**
     * Decodes the true renderings that exist, judges them, and returns them keyed by style and
     * content file name as {@code [s, s, 3]} arrays.
     */
    private static Map<String, INDArray> loadRenderings(Path folder, List<Sample> content, ModelInput input,
                                                        LabelIndex styles, List<JudgeTally> tallies) {
        List<Sample> found = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < styles.size(); k++) {
            for (Sample c : content) {
                Path p = folder.resolve(styles.name(k)).resolve(c.path().getFileName().toString());
                if (Files.isRegularFile(p)) {
                    found.add(new Sample(p, styles.name(k)));
                    keys.add(key(styles.name(k), c));
                }
            }
        }
        Map<String, INDArray> out = new HashMap<>();
        if (found.isEmpty()) {
            return out;
        }
        int next = 0;
        try (ImageBatchIterator it = input.batches(found, styles).batchSize(16).shuffle(false).failOnUnreadable(true)
                .build()) {
            while (it.hasNext()) {
                var batch = it.next();
                INDArray x = batch.getFeatures();
                int[] truthLabels = batch.getLabels().argMax(1).toIntVector();
                for (JudgeTally tally : tallies) {
                    tally.judgeRenderings(x, truthLabels);
                }
                for (int i = 0; i < x.size(0); i++) {
                    out.put(keys.get(next++), x.get(NDArrayIndex.point(i)).dup('c'));
                }
            }
        }
        return out;
    }

    private static String key(String style, Sample content) {
        return style + "/" + content.path().getFileName();
    }

    /**
     * Peak signal-to-noise ratio of two images with pixels in [0, 1]: {@code 10 log10(1 / MSE)},
     * capped at {@value #MAX_PSNR} dB for identical images.
     *
     * @param a one image
     * @param b another of the same shape
     * @return dB
     */
    static double psnr(INDArray a, INDArray b) {
        double mse = Transforms.pow(a.sub(b), 2, false).meanNumber().doubleValue();
        return mse <= 0 ? MAX_PSNR : Math.min(MAX_PSNR, 10 * Math.log10(1.0 / mse));
    }

    /** Sum over the n samples of each sample's mean absolute difference, in 0..255 units. */
    private static double sd255(INDArray diff, int n) {
        INDArray abs = Transforms.abs(diff, true);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += abs.get(NDArrayIndex.point(i)).meanNumber().doubleValue() * 255.0;
        }
        return sum;
    }

    /** 8x8 block means of the luminance of image i of an NHWC batch (one copy to the heap). */
    static double[] blocks(INDArray batch, int i) {
        return blocks(batch.get(NDArrayIndex.point(i)));
    }

    /** @return the 8x8 block-averaged luminance of one {@code [s, s, 3]} image */
    private static double[] blocks(INDArray image) {
        INDArray img = image.dup('c');
        return LayoutSimilarity.blockLuminance(img.reshape(img.length()).toFloatVector(), (int) img.size(0), BLOCKS);
    }

    /** One judge's counts: its verdicts on the transfers and on the true renderings. */
    private static final class JudgeTally {
        private final String name;
        private final TrainedClassifier judge;
        private final LabelIndex styles;
        private final int[] judgeIndexOf;
        private final int[] hits;
        private final int[] trials;
        private final int[] truthHits;
        private final int[] truthTrials;
        private final int[][] judgedAs;

        JudgeTally(String name, TrainedClassifier judge, LabelIndex styles, int side) {
            this.name = name;
            this.judge = judge;
            this.styles = styles;
            if (judge.description().imageSize() != side) {
                throw new IllegalArgumentException("the judge " + name + " expects " + judge.description().imageSize()
                        + " px images, the transfer model makes " + side + " px; train both at the same data.image_size");
            }
            judgeIndexOf = new int[styles.size()];
            for (int k = 0; k < styles.size(); k++) {
                if (!judge.labels().contains(styles.name(k))) {
                    throw new IllegalArgumentException("the judge " + name + " does not know the style '"
                            + styles.name(k) + "'; judge styles: " + judge.labels().names());
                }
                judgeIndexOf[k] = judge.labels().indexOf(styles.name(k));
            }
            hits = new int[styles.size()];
            trials = new int[styles.size()];
            truthHits = new int[styles.size()];
            truthTrials = new int[styles.size()];
            judgedAs = new int[styles.size()][judge.labels().size()];
        }

        void judgeTransfers(INDArray nhwc, int style) {
            int[] top = top1(nhwc);
            for (int t : top) {
                trials[style]++;
                judgedAs[style][t]++;
                if (t == judgeIndexOf[style]) {
                    hits[style]++;
                }
            }
        }

        void judgeRenderings(INDArray nhwc, int[] truthStyles) {
            int[] top = top1(nhwc);
            for (int i = 0; i < top.length; i++) {
                truthTrials[truthStyles[i]]++;
                if (top[i] == judgeIndexOf[truthStyles[i]]) {
                    truthHits[truthStyles[i]]++;
                }
            }
        }

        private int[] top1(INDArray nhwc) {
            INDArray x = judge.description().input().fromLayout(nhwc, TensorLayout.NHWC);
            return judge.probabilities(x).argMax(1).toIntVector();
        }

        Map<String, Object> report(boolean withRenderings) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("judge", name);
            r.put("hit_rate", rate(sum(hits), sum(trials)));
            Map<String, Object> perStyle = new LinkedHashMap<>();
            for (int k = 0; k < styles.size(); k++) {
                perStyle.put(styles.name(k), rate(hits[k], trials[k]));
            }
            r.put("per_style_hit_rate", perStyle);
            Map<String, Object> taken = new LinkedHashMap<>();
            for (int k = 0; k < styles.size(); k++) {
                int[] counts = judgedAs[k];
                Map<String, Object> row = new LinkedHashMap<>();
                java.util.stream.IntStream.range(0, counts.length).boxed().filter(c -> counts[c] > 0)
                        .sorted((a, b) -> counts[b] != counts[a] ? Integer.compare(counts[b], counts[a])
                                : Integer.compare(a, b))
                        .forEach(c -> row.put(judge.labels().name(c), counts[c]));
                taken.put(styles.name(k), row);
            }
            r.put("per_style_judged_as", taken);
            if (withRenderings) {
                double accuracy = rate(sum(truthHits), sum(truthTrials));
                r.put("accuracy_on_renderings", accuracy);
                r.put("relative_hit_rate", rate(sum(hits), sum(trials)) / accuracy);
                Map<String, Object> acc = new LinkedHashMap<>();
                Map<String, Object> rel = new LinkedHashMap<>();
                for (int k = 0; k < styles.size(); k++) {
                    double a = rate(truthHits[k], truthTrials[k]);
                    acc.put(styles.name(k), a);
                    rel.put(styles.name(k), rate(hits[k], trials[k]) / a);
                }
                r.put("per_style_accuracy_on_renderings", acc);
                r.put("per_style_relative_hit_rate", rel);
            }
            return r;
        }

        private static int sum(int[] v) {
            return Arrays.stream(v).sum();
        }

        private static double rate(int num, int den) {
            return den == 0 ? Double.NaN : (double) num / den;
        }
    }
}
