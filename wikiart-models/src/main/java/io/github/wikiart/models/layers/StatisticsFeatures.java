package io.github.wikiart.models.layers;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Fixed, hand-designed colour and texture statistics of RGB images with values in [0, 1]: the
 * features of {@link ImageStatistics}. Nothing is learned; every feature is a number about the
 * whole image (no spatial layout), computed in double precision per image.
 *
 * <p>With {@code L = 0.299 R + 0.587 G + 0.114 B} (luminance, clamped to [0, 1] for binning), the
 * groups are, in output order:
 * <ul>
 *   <li>{@link Group#COLOUR_MOMENTS} (9): mean and standard deviation of R, G, B; Pearson
 *       correlations R-G, R-B, G-B (0 when a channel is constant).</li>
 *   <li>{@link Group#LUMA_HISTOGRAM} (16): fraction of pixels in 16 equal luminance bins.</li>
 *   <li>{@link Group#CHANNEL_HISTOGRAMS} (24): 8 equal bins for each of R, G, B.</li>
 *   <li>{@link Group#HUE_SATURATION} (20): 8 bins of HSV saturation {@code (max-min)/max};
 *       12 hue bins, each the summed chroma {@code max-min} of its pixels over the pixel count
 *       (grey pixels add nothing).</li>
 *   <li>{@link Group#PALETTE} (4): distinct colours with 3 and with 4 bits per channel, as
 *       {@code ln(1 + distinct) / ln(1 + bins)}; the pixel share of the 5 most common 3-bit colours
 *       and of the 10 most common 4-bit colours (few flat colours: near 1).</li>
 *   <li>{@link Group#GRADIENTS} (17): for luminance differences at distance s = 1, 2, 4 px:
 *       mean |horizontal|, mean |vertical|, fraction of both below 0.02 (flat), fraction above
 *       0.2 (strong edges); the ratios mean|d1| / (mean|d2| + 0.001) and
 *       mean|d2| / (mean|d4| + 0.001) (high-frequency energy); mean absolute second difference
 *       (horizontal and vertical); fraction of horizontal, then vertical, neighbouring differences
 *       that both exceed 0.02 and change sign (zig-zag: dither, jitter).</li>
 *   <li>{@link Group#PERIODICITY} (14): for the column profile {@code E[x]} = mean over rows of
 *       |L(x+1, y) - L(x, y)| and periods p = 2..8: the largest mean of E over the positions
 *       {@code x = phase mod p}, divided by the mean of E, minus 1 (block edges every p pixels
 *       give a peak); then the same for the row profile.</li>
 *   <li>{@link Group#LOCAL_VARIANCE} (3): over non-overlapping 4x4 blocks of luminance, the mean
 *       block standard deviation and the fractions of blocks with one below 0.01 and 0.03.</li>
 *   <li>{@link Group#DIFFERENCE_HISTOGRAMS} (19): histograms of |horizontal| and |vertical|
 *       luminance differences together, at 1 and at 2 px, in 8 bins with edges 0.005, 0.01,
 *       0.02, 0.04, 0.08, 0.16, 0.32 (the shape of the distribution: sharp steps against
 *       fine noise); the fractions of pixels that exceed, or stay below, all four neighbours by
 *       more than 0.01 and by more than 0.04 (isolated extrema: a median filter removes them,
 *       pixel jitter makes them); the kurtosis of the 1 px differences as ln(1 + kurtosis).</li>
 * </ul>
 * Features of a group that an image is too small for (e.g. differences at 4 px in a 3 px image)
 * are 0.
 */
public final class StatisticsFeatures {
    /** Feature groups, in output order. */
    public enum Group {
        /** Channel means, standard deviations and correlations. */
        COLOUR_MOMENTS(9),
        /** Luminance histogram. */
        LUMA_HISTOGRAM(16),
        /** Per-channel histograms. */
        CHANNEL_HISTOGRAMS(24),
        /** Saturation histogram and chroma-weighted hue histogram. */
        HUE_SATURATION(20),
        /** Distinct colours and the share of the most common ones. */
        PALETTE(4),
        /** Difference statistics at 1, 2 and 4 px. */
        GRADIENTS(17),
        /** Periodicity of column and row differences. */
        PERIODICITY(14),
        /** Standard deviation of 4x4 blocks. */
        LOCAL_VARIANCE(3),
        /** Histograms of difference magnitudes, isolated extrema, kurtosis of differences. */
        DIFFERENCE_HISTOGRAMS(19);

        private final int size;

        Group(int size) {
            this.size = size;
        }

        /** @return the number of features of this group */
        public int size() {
            return size;
        }
    }

    private static final double FLAT = 0.02;
    private static final double STRONG = 0.2;
    private static final int[] SCALES = {1, 2, 4};
    private static final int MIN_PERIOD = 2;
    private static final int MAX_PERIOD = 8;
    private static final int BLOCK = 4;
    private static final double[] DIFFERENCE_EDGES = {0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32};
    private static final double[] EXTREMUM_MARGINS = {0.01, 0.04};

    private StatisticsFeatures() {
    }

    /**
     * @param groups the groups computed
     * @return the number of features they give
     */
    public static int count(Set<Group> groups) {
        return groups.stream().mapToInt(Group::size).sum();
    }

    /**
     * Names of the features of the given groups, in output order (for reports and tests).
     *
     * @param groups the groups computed
     * @return one name per feature
     */
    public static List<String> names(Set<Group> groups) {
        List<String> all = new ArrayList<>();
        for (Group g : Group.values()) {
            if (groups.contains(g)) {
                all.addAll(groupNames(g));
            }
        }
        return Collections.unmodifiableList(all);
    }

    private static List<String> groupNames(Group g) {
        List<String> n = new ArrayList<>();
        switch (g) {
            case COLOUR_MOMENTS -> n.addAll(List.of("mean_r", "mean_g", "mean_b", "std_r", "std_g", "std_b",
                    "corr_rg", "corr_rb", "corr_gb"));
            case LUMA_HISTOGRAM -> bins(n, "luma_", 16);
            case CHANNEL_HISTOGRAMS -> {
                bins(n, "red_", 8);
                bins(n, "green_", 8);
                bins(n, "blue_", 8);
            }
            case HUE_SATURATION -> {
                bins(n, "saturation_", 8);
                bins(n, "hue_chroma_", 12);
            }
            case PALETTE -> n.addAll(List.of("distinct_3bit", "distinct_4bit", "top5_share_3bit", "top10_share_4bit"));
            case GRADIENTS -> {
                for (int s : SCALES) {
                    n.addAll(List.of("abs_dx_" + s, "abs_dy_" + s, "flat_" + s, "strong_" + s));
                }
                n.addAll(List.of("ratio_d1_d2", "ratio_d2_d4", "abs_second_difference", "zigzag_x", "zigzag_y"));
            }
            case PERIODICITY -> {
                for (String axis : new String[] {"x", "y"}) {
                    for (int p = MIN_PERIOD; p <= MAX_PERIOD; p++) {
                        n.add("period_" + axis + "_" + p);
                    }
                }
            }
            case LOCAL_VARIANCE -> n.addAll(List.of("block_std", "block_std_below_0.01", "block_std_below_0.03"));
            case DIFFERENCE_HISTOGRAMS -> {
                bins(n, "abs_d1_bin_", DIFFERENCE_EDGES.length + 1);
                bins(n, "abs_d2_bin_", DIFFERENCE_EDGES.length + 1);
                n.addAll(List.of("local_extrema_0.01", "local_extrema_0.04", "log1p_kurtosis_d1"));
            }
            default -> throw new IllegalStateException(g.name());
        }
        return n;
    }

    private static void bins(List<String> n, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            n.add(prefix + i);
        }
    }

    /**
     * Computes the features of every image of a batch, one image per task on the common
     * fork-join pool (each image's numbers do not depend on the thread count).
     *
     * @param images {@code [b, 3, h, w]} (NCHW) or {@code [b, h, w, 3]} (NHWC), float or double
     * @param format the layout of {@code images}
     * @param groups the groups to compute, in {@link Group} order
     * @return {@code b} rows of {@link #count(Set)} features
     * @throws IllegalArgumentException if the images are not rank 4 with 3 channels
     */
    public static double[][] compute(INDArray images, CNN2DFormat format, Set<Group> groups) {
        if (images.rank() != 4) {
            throw new IllegalArgumentException("expected [b, c, h, w] or [b, h, w, c] images, got shape "
                    + Arrays.toString(images.shape()));
        }
        boolean nhwc = format == CNN2DFormat.NHWC;
        int channels = (int) images.size(nhwc ? 3 : 1);
        if (channels != 3) {
            throw new IllegalArgumentException("image statistics need 3 (RGB) channels, got " + channels
                    + " in shape " + Arrays.toString(images.shape()));
        }
        int b = (int) images.size(0);
        int h = (int) images.size(nhwc ? 1 : 2);
        int w = (int) images.size(nhwc ? 2 : 3);
        INDArray c = images.ordering() == 'c' && Shape.hasDefaultStridesForShape(images)
                && (images.dataType() == DataType.FLOAT || images.dataType() == DataType.DOUBLE)
                ? images : images.castTo(DataType.FLOAT).dup('c');
        io.github.wikiart.data.HostMemory.toRead(c);
        DoubleBuffer doubles = c.dataType() == DataType.DOUBLE ? c.data().asNioDouble() : null;
        FloatBuffer floats = doubles == null ? c.data().asNioFloat() : null;
        long offset = c.offset();
        int n = h * w;
        EnumSet<Group> set = groups.isEmpty() ? EnumSet.noneOf(Group.class) : EnumSet.copyOf(groups);
        double[][] out = new double[b][];
        IntStream.range(0, b).parallel().forEach(img -> {
            double[] r = new double[n];
            double[] g = new double[n];
            double[] bl = new double[n];
            int base = (int) (offset + (long) img * 3 * n);
            for (int k = 0; k < n; k++) {
                int ir = nhwc ? base + 3 * k : base + k;
                int ig = nhwc ? ir + 1 : ir + n;
                int ib = nhwc ? ir + 2 : ir + 2 * n;
                r[k] = doubles != null ? doubles.get(ir) : floats.get(ir);
                g[k] = doubles != null ? doubles.get(ig) : floats.get(ig);
                bl[k] = doubles != null ? doubles.get(ib) : floats.get(ib);
            }
            out[img] = ofImage(r, g, bl, h, w, set);
        });
        // The buffers read above view this array's native memory: keep it alive until here.
        java.lang.ref.Reference.reachabilityFence(c);
        return out;
    }

    /**
     * The features of one image given as row-major planes.
     *
     * @param r red plane, {@code h*w} values in [0, 1]
     * @param g green plane
     * @param b blue plane
     * @param h height
     * @param w width
     * @param groups the groups to compute
     * @return {@link #count(Set)} features
     */
    static double[] ofImage(double[] r, double[] g, double[] b, int h, int w, Set<Group> groups) {
        int n = h * w;
        double[] luma = new double[n];
        for (int k = 0; k < n; k++) {
            luma[k] = 0.299 * r[k] + 0.587 * g[k] + 0.114 * b[k];
        }
        double[] out = new double[count(groups)];
        int at = 0;
        for (Group group : Group.values()) {
            if (!groups.contains(group)) {
                continue;
            }
            switch (group) {
                case COLOUR_MOMENTS -> colourMoments(r, g, b, out, at);
                case LUMA_HISTOGRAM -> histogram(luma, 16, out, at);
                case CHANNEL_HISTOGRAMS -> {
                    histogram(r, 8, out, at);
                    histogram(g, 8, out, at + 8);
                    histogram(b, 8, out, at + 16);
                }
                case HUE_SATURATION -> hueSaturation(r, g, b, out, at);
                case PALETTE -> palette(r, g, b, out, at);
                case GRADIENTS -> gradients(luma, h, w, out, at);
                case PERIODICITY -> periodicity(luma, h, w, out, at);
                case LOCAL_VARIANCE -> localVariance(luma, h, w, out, at);
                case DIFFERENCE_HISTOGRAMS -> differenceHistograms(luma, h, w, out, at);
                default -> throw new IllegalStateException(group.name());
            }
            at += group.size();
        }
        return out;
    }

    private static void colourMoments(double[] r, double[] g, double[] b, double[] out, int at) {
        double[][] ch = {r, g, b};
        int n = r.length;
        double[] mean = new double[3];
        for (int c = 0; c < 3; c++) {
            double s = 0;
            for (double v : ch[c]) {
                s += v;
            }
            mean[c] = s / n;
        }
        double[][] cov = new double[3][3];
        for (int k = 0; k < n; k++) {
            double dr = r[k] - mean[0];
            double dg = g[k] - mean[1];
            double db = b[k] - mean[2];
            cov[0][0] += dr * dr;
            cov[1][1] += dg * dg;
            cov[2][2] += db * db;
            cov[0][1] += dr * dg;
            cov[0][2] += dr * db;
            cov[1][2] += dg * db;
        }
        double[] std = new double[3];
        for (int c = 0; c < 3; c++) {
            std[c] = Math.sqrt(cov[c][c] / n);
            out[at + c] = mean[c];
            out[at + 3 + c] = std[c];
        }
        out[at + 6] = correlation(cov[0][1], cov[0][0], cov[1][1]);
        out[at + 7] = correlation(cov[0][2], cov[0][0], cov[2][2]);
        out[at + 8] = correlation(cov[1][2], cov[1][1], cov[2][2]);
    }

    private static double correlation(double cov, double varA, double varB) {
        double d = Math.sqrt(varA * varB);
        return d > 1e-12 ? cov / d : 0;
    }

    private static int bin(double v, int bins) {
        int i = (int) (v * bins);
        return i < 0 ? 0 : Math.min(bins - 1, i);
    }

    private static void histogram(double[] values, int bins, double[] out, int at) {
        for (double v : values) {
            out[at + bin(v, bins)] += 1;
        }
        for (int i = 0; i < bins; i++) {
            out[at + i] /= values.length;
        }
    }

    private static void hueSaturation(double[] r, double[] g, double[] b, double[] out, int at) {
        int n = r.length;
        for (int k = 0; k < n; k++) {
            double max = Math.max(r[k], Math.max(g[k], b[k]));
            double min = Math.min(r[k], Math.min(g[k], b[k]));
            double chroma = max - min;
            double saturation = max > 1e-12 ? chroma / max : 0;
            out[at + bin(saturation, 8)] += 1.0 / n;
            if (chroma > 1e-12) {
                double hue; // in [0, 6)
                if (max == r[k]) {
                    hue = (g[k] - b[k]) / chroma;
                    if (hue < 0) {
                        hue += 6;
                    }
                } else if (max == g[k]) {
                    hue = (b[k] - r[k]) / chroma + 2;
                } else {
                    hue = (r[k] - g[k]) / chroma + 4;
                }
                out[at + 8 + bin(hue / 6, 12)] += chroma / n;
            }
        }
    }

    private static void palette(double[] r, double[] g, double[] b, double[] out, int at) {
        int[] counts3 = colourCounts(r, g, b, 3);
        int[] counts4 = colourCounts(r, g, b, 4);
        out[at] = Math.log1p(distinct(counts3)) / Math.log1p(counts3.length);
        out[at + 1] = Math.log1p(distinct(counts4)) / Math.log1p(counts4.length);
        out[at + 2] = topShare(counts3, 5, r.length);
        out[at + 3] = topShare(counts4, 10, r.length);
    }

    private static int[] colourCounts(double[] r, double[] g, double[] b, int bits) {
        int levels = 1 << bits;
        int[] counts = new int[levels * levels * levels];
        for (int k = 0; k < r.length; k++) {
            counts[(bin(r[k], levels) * levels + bin(g[k], levels)) * levels + bin(b[k], levels)]++;
        }
        return counts;
    }

    private static int distinct(int[] counts) {
        int d = 0;
        for (int c : counts) {
            if (c > 0) {
                d++;
            }
        }
        return d;
    }

    private static double topShare(int[] counts, int top, int n) {
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        long s = 0;
        for (int i = 0; i < top && i < sorted.length; i++) {
            s += sorted[sorted.length - 1 - i];
        }
        return (double) s / n;
    }

    private static void gradients(double[] l, int h, int w, double[] out, int at) {
        double[] meanAbs = new double[SCALES.length];
        for (int si = 0; si < SCALES.length; si++) {
            double[] dx = differences(l, h, w, SCALES[si], true);
            double[] dy = differences(l, h, w, SCALES[si], false);
            double sumX = sumAbs(dx);
            double sumY = sumAbs(dy);
            long flat = 0;
            long strong = 0;
            for (double[] ds : new double[][] {dx, dy}) {
                for (double d : ds) {
                    flat += Math.abs(d) < FLAT ? 1 : 0;
                    strong += Math.abs(d) > STRONG ? 1 : 0;
                }
            }
            int o = at + 4 * si;
            out[o] = dx.length > 0 ? sumX / dx.length : 0;
            out[o + 1] = dy.length > 0 ? sumY / dy.length : 0;
            long both = dx.length + dy.length;
            out[o + 2] = both > 0 ? (double) flat / both : 0;
            out[o + 3] = both > 0 ? (double) strong / both : 0;
            meanAbs[si] = both > 0 ? (sumX + sumY) / both : 0;
        }
        int o = at + 4 * SCALES.length;
        out[o] = meanAbs[0] / (meanAbs[1] + 0.001);
        out[o + 1] = meanAbs[1] / (meanAbs[2] + 0.001);
        double second = 0;
        long secondCount = 0;
        long zigX = 0;
        long zigY = 0;
        long pairsX = 0;
        long pairsY = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 1; x + 1 < w; x++) {
                double a = l[y * w + x] - l[y * w + x - 1];
                double c = l[y * w + x + 1] - l[y * w + x];
                second += Math.abs(c - a);
                secondCount++;
                zigX += Math.abs(a) > FLAT && Math.abs(c) > FLAT && a * c < 0 ? 1 : 0;
                pairsX++;
            }
        }
        for (int y = 1; y + 1 < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = l[y * w + x] - l[(y - 1) * w + x];
                double c = l[(y + 1) * w + x] - l[y * w + x];
                second += Math.abs(c - a);
                secondCount++;
                zigY += Math.abs(a) > FLAT && Math.abs(c) > FLAT && a * c < 0 ? 1 : 0;
                pairsY++;
            }
        }
        out[o + 2] = secondCount > 0 ? second / secondCount : 0;
        out[o + 3] = pairsX > 0 ? (double) zigX / pairsX : 0;
        out[o + 4] = pairsY > 0 ? (double) zigY / pairsY : 0;
    }

    private static void periodicity(double[] l, int h, int w, double[] out, int at) {
        double[] columns = new double[Math.max(0, w - 1)];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x + 1 < w; x++) {
                columns[x] += Math.abs(l[y * w + x + 1] - l[y * w + x]) / h;
            }
        }
        double[] rows = new double[Math.max(0, h - 1)];
        for (int y = 0; y + 1 < h; y++) {
            double s = 0;
            for (int x = 0; x < w; x++) {
                s += Math.abs(l[(y + 1) * w + x] - l[y * w + x]);
            }
            rows[y] = s / w;
        }
        int periods = MAX_PERIOD - MIN_PERIOD + 1;
        foldedPeaks(columns, out, at);
        foldedPeaks(rows, out, at + periods);
    }

    private static void foldedPeaks(double[] profile, double[] out, int at) {
        double total = 0;
        for (double v : profile) {
            total += v;
        }
        for (int p = MIN_PERIOD; p <= MAX_PERIOD; p++) {
            if (profile.length < 2 * p || total <= 1e-12) {
                continue;
            }
            double mean = total / profile.length;
            double best = 0;
            for (int phase = 0; phase < p; phase++) {
                double s = 0;
                int c = 0;
                for (int x = phase; x < profile.length; x += p) {
                    s += profile[x];
                    c++;
                }
                best = Math.max(best, s / c);
            }
            out[at + p - MIN_PERIOD] = best / mean - 1;
        }
    }

    private static void localVariance(double[] l, int h, int w, double[] out, int at) {
        int bh = h / BLOCK;
        int bw = w / BLOCK;
        if (bh == 0 || bw == 0) {
            return;
        }
        double sumStd = 0;
        int below1 = 0;
        int below3 = 0;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                double s = 0;
                double s2 = 0;
                for (int y = by * BLOCK; y < (by + 1) * BLOCK; y++) {
                    for (int x = bx * BLOCK; x < (bx + 1) * BLOCK; x++) {
                        double v = l[y * w + x];
                        s += v;
                        s2 += v * v;
                    }
                }
                double m = s / (BLOCK * BLOCK);
                double std = Math.sqrt(Math.max(0, s2 / (BLOCK * BLOCK) - m * m));
                sumStd += std;
                below1 += std < 0.01 ? 1 : 0;
                below3 += std < 0.03 ? 1 : 0;
            }
        }
        int blocks = bh * bw;
        out[at] = sumStd / blocks;
        out[at + 1] = (double) below1 / blocks;
        out[at + 2] = (double) below3 / blocks;
    }

    private static void differenceHistograms(double[] l, int h, int w, double[] out, int at) {
        int bins = DIFFERENCE_EDGES.length + 1;
        double[][] byScale = new double[2][];
        for (int s = 1; s <= 2; s++) {
            double[] dx = differences(l, h, w, s, true);
            double[] dy = differences(l, h, w, s, false);
            double[] all = Arrays.copyOf(dx, dx.length + dy.length);
            System.arraycopy(dy, 0, all, dx.length, dy.length);
            byScale[s - 1] = all;
            for (double d : all) {
                out[at + (s - 1) * bins + differenceBin(Math.abs(d))] += 1.0 / all.length;
            }
        }
        int o = at + 2 * bins;
        long interior = (long) Math.max(0, h - 2) * Math.max(0, w - 2);
        for (int m = 0; m < EXTREMUM_MARGINS.length && interior > 0; m++) {
            double margin = EXTREMUM_MARGINS[m];
            long extrema = 0;
            for (int y = 1; y + 1 < h; y++) {
                for (int x = 1; x + 1 < w; x++) {
                    double v = l[y * w + x];
                    double lo = Math.min(Math.min(l[y * w + x - 1], l[y * w + x + 1]),
                            Math.min(l[(y - 1) * w + x], l[(y + 1) * w + x]));
                    double hi = Math.max(Math.max(l[y * w + x - 1], l[y * w + x + 1]),
                            Math.max(l[(y - 1) * w + x], l[(y + 1) * w + x]));
                    extrema += v > hi + margin || v < lo - margin ? 1 : 0;
                }
            }
            out[o + m] = (double) extrema / interior;
        }
        double[] d1 = byScale[0];
        int count = d1.length;
        double mean = 0;
        for (int i = 0; i < count; i++) {
            mean += d1[i] / count;
        }
        double m2 = 0;
        double m4 = 0;
        for (int i = 0; i < count; i++) {
            double c = (d1[i] - mean) * (d1[i] - mean);
            m2 += c / count;
            m4 += c * c / count;
        }
        out[o + 2] = m2 > 1e-12 ? Math.log1p(m4 / (m2 * m2)) : 0;
    }

    /** Signed luminance differences at distance {@code s}, horizontal or vertical, row-major. */
    private static double[] differences(double[] l, int h, int w, int s, boolean horizontal) {
        int rows = horizontal ? h : Math.max(0, h - s);
        int cols = horizontal ? Math.max(0, w - s) : w;
        int step = horizontal ? s : s * w;
        double[] d = new double[rows * cols];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                d[y * cols + x] = l[y * w + x + step] - l[y * w + x];
            }
        }
        return d;
    }

    private static double sumAbs(double[] values) {
        double s = 0;
        for (double v : values) {
            s += Math.abs(v);
        }
        return s;
    }

    private static int differenceBin(double d) {
        int i = 0;
        while (i < DIFFERENCE_EDGES.length && d >= DIFFERENCE_EDGES[i]) {
            i++;
        }
        return i;
    }
}
