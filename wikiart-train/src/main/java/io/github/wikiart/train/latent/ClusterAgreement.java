package io.github.wikiart.train.latent;

import java.util.Arrays;

/**
 * How well a clustering agrees with the true classes. All three scores ignore how clusters are
 * numbered; labels may be any integers.
 *
 * <ul>
 *   <li>{@link #nmi}: normalised mutual information, MI over the arithmetic mean of the two
 *       entropies (Strehl &amp; Ghosh 2002 with the normalisation of scikit-learn's default
 *       {@code normalized_mutual_info_score}); 0 for independent labelings, 1 for identical ones.
 *   <li>{@link #adjustedRandIndex}: the Rand index corrected for chance (Hubert &amp; Arabie 1985),
 *       as scikit-learn's {@code adjusted_rand_score}; about 0 for random labelings and can be
 *       negative.
 *   <li>{@link #purity}: the share of points whose cluster's majority class is their own class
 *       (Manning, Raghavan &amp; Schütze 2008, §16.3); rewards many small clusters, so read it next
 *       to the other two.
 * </ul>
 */
public final class ClusterAgreement {
    private ClusterAgreement() {
    }

    /**
     * Normalised mutual information {@code MI(U, V) / ((H(U) + H(V)) / 2)}.
     *
     * <p>When both labelings put every point in one cluster they agree perfectly and the score is
     * 1; when only one of them does, the mutual information is 0 and so is the score.
     *
     * @param truth true class per point
     * @param clusters cluster per point, same length, at least one point
     * @return NMI in {@code [0, 1]}
     * @throws IllegalArgumentException on null, empty or mismatched arrays
     */
    public static double nmi(int[] truth, int[] clusters) {
        Table t = new Table(truth, clusters);
        if (t.rows.length == 1 && t.cols.length == 1) {
            return 1.0;
        }
        double n = t.n;
        double mi = 0;
        for (int i = 0; i < t.rows.length; i++) {
            for (int j = 0; j < t.cols.length; j++) {
                int c = t.counts[i][j];
                if (c > 0) {
                    mi += c / n * Math.log(n * c / ((double) t.rows[i] * t.cols[j]));
                }
            }
        }
        if (mi <= 0) {
            return 0.0;
        }
        double mean = (entropy(t.rows, n) + entropy(t.cols, n)) / 2;
        return Math.min(1.0, mi / mean);
    }

    /**
     * Adjusted Rand index.
     *
     * <p>Computed from the pair confusion counts (pairs together in both labelings, in one only,
     * in neither) as {@code 2 (tp tn - fn fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn))}, which
     * equals Hubert &amp; Arabie's {@code (index - expected) / (max - expected)} and is defined
     * everywhere: labelings that agree on every pair, including one point or both trivial, score 1.
     *
     * @param truth true class per point
     * @param clusters cluster per point, same length, at least one point
     * @return ARI, at most 1
     * @throws IllegalArgumentException on null, empty or mismatched arrays
     */
    public static double adjustedRandIndex(int[] truth, int[] clusters) {
        Table t = new Table(truth, clusters);
        // Counts of ordered pairs of distinct points, as in scikit-learn's pair_confusion_matrix.
        long sumSquares = 0;
        for (int[] row : t.counts) {
            for (int c : row) {
                sumSquares += (long) c * c;
            }
        }
        long rowSquares = 0;
        for (int a : t.rows) {
            rowSquares += (long) a * a;
        }
        long colSquares = 0;
        for (int b : t.cols) {
            colSquares += (long) b * b;
        }
        long n = t.n;
        double tp = sumSquares - n;
        double fp = colSquares - sumSquares;
        double fn = rowSquares - sumSquares;
        double tn = (double) n * n - fp - fn - sumSquares;
        if (fn == 0 && fp == 0) {
            return 1.0;
        }
        return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
    }

    /**
     * Purity: for each cluster the count of its most frequent true class, summed and divided by
     * the number of points.
     *
     * @param truth true class per point
     * @param clusters cluster per point, same length, at least one point
     * @return purity in {@code (0, 1]}
     * @throws IllegalArgumentException on null, empty or mismatched arrays
     */
    public static double purity(int[] truth, int[] clusters) {
        Table t = new Table(truth, clusters);
        long sum = 0;
        for (int j = 0; j < t.cols.length; j++) {
            int best = 0;
            for (int i = 0; i < t.rows.length; i++) {
                best = Math.max(best, t.counts[i][j]);
            }
            sum += best;
        }
        return (double) sum / t.n;
    }

    private static double entropy(int[] sizes, double n) {
        double h = 0;
        for (int s : sizes) {
            if (s > 0) {
                double p = s / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /** Contingency table: rows are true classes, columns clusters, both renumbered densely. */
    private static final class Table {
        final int n;
        final int[][] counts;
        final int[] rows;
        final int[] cols;

        Table(int[] truth, int[] clusters) {
            if (truth == null || clusters == null) {
                throw new IllegalArgumentException((truth == null ? "truth" : "clusters") + " is null");
            }
            if (truth.length != clusters.length) {
                throw new IllegalArgumentException(truth.length + " true labels but " + clusters.length
                        + " cluster ids");
            }
            if (truth.length == 0) {
                throw new IllegalArgumentException("labelings are empty");
            }
            n = truth.length;
            int[] r = dense(truth);
            int[] c = dense(clusters);
            int nr = max(r) + 1;
            int nc = max(c) + 1;
            counts = new int[nr][nc];
            rows = new int[nr];
            cols = new int[nc];
            for (int k = 0; k < n; k++) {
                counts[r[k]][c[k]]++;
                rows[r[k]]++;
                cols[c[k]]++;
            }
        }

        private static int[] dense(int[] labels) {
            int[] values = Arrays.stream(labels).distinct().sorted().toArray();
            int[] out = new int[labels.length];
            for (int k = 0; k < labels.length; k++) {
                out[k] = Arrays.binarySearch(values, labels[k]);
            }
            return out;
        }

        private static int max(int[] a) {
            int m = 0;
            for (int v : a) {
                m = Math.max(m, v);
            }
            return m;
        }
    }
}
