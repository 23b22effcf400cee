package io.github.wikiart.train.latent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Seeded, deterministic k-means with k-means++ seeding (Arthur &amp; Vassilvitskii 2007), using
 * Commons Math's {@link KMeansPlusPlusClusterer}.
 *
 * <p>The algorithm is restarted several times from one {@link Well19937c} stream derived from the
 * seed, and the partition with the lowest within-cluster sum of squares (computed here from the
 * final assignment, the k-means objective) is kept; on a tie the earliest restart wins. Commons
 * Math returns its clusters in an arbitrary order, so ids are renumbered by the smallest row index
 * in each cluster: row 0 is always in cluster 0, the first row outside it in cluster 1, and so on.
 * The same data, {@code k} and seed therefore always give the same array.
 */
public final class KMeans {
    /** Restarts used by {@link #cluster(double[][], int, long)}, as scikit-learn's {@code n_init}. */
    public static final int DEFAULT_RESTARTS = 10;
    /** Iteration cap used by {@link #cluster(double[][], int, long)}, as scikit-learn's {@code max_iter}. */
    public static final int DEFAULT_MAX_ITERATIONS = 300;

    private KMeans() {
    }

    /**
     * Clusters the rows with {@value #DEFAULT_RESTARTS} restarts of at most
     * {@value #DEFAULT_MAX_ITERATIONS} iterations each.
     *
     * @param data {@code n x d}, one row per point, all rows of the same length, finite values
     * @param k number of clusters, {@code 1 <= k <= n}
     * @param seed seed of the random stream used for k-means++ seeding and empty-cluster repair
     * @return per row, its cluster id in {@code 0..k-1}, numbered by first appearance
     * @throws IllegalArgumentException on invalid data or {@code k}
     */
    public static int[] cluster(double[][] data, int k, long seed) {
        return cluster(data, k, seed, DEFAULT_RESTARTS, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Clusters the rows, keeping the best of several restarts.
     *
     * <p>If the data has fewer than {@code k} distinct points, some of the {@code k} clusters stay
     * empty and fewer than {@code k} ids are used.
     *
     * @param data {@code n x d}, one row per point, all rows of the same length, finite values
     * @param k number of clusters, {@code 1 <= k <= n}
     * @param seed seed of the random stream used for k-means++ seeding and empty-cluster repair
     * @param restarts how many times to run k-means, at least 1
     * @param maxIterations cap on the Lloyd iterations of each run, at least 1
     * @return per row, its cluster id in {@code 0..k-1}, numbered by first appearance
     * @throws IllegalArgumentException on invalid data, {@code k}, restarts or iteration cap
     */
    public static int[] cluster(double[][] data, int k, long seed, int restarts, int maxIterations) {
        Matrices.checkColumns(data, 1, "data");
        int n = data.length;
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be between 1 and the number of rows (" + n + "), got " + k);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        List<IndexedPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            points.add(new IndexedPoint(i, data[i]));
        }
        RandomGenerator random = new Well19937c(seed);
        KMeansPlusPlusClusterer<IndexedPoint> clusterer = new KMeansPlusPlusClusterer<>(k, maxIterations,
                new EuclideanDistance(), random, KMeansPlusPlusClusterer.EmptyClusterStrategy.LARGEST_VARIANCE);
        int[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int r = 0; r < restarts; r++) {
            int[] ids = canonical(clusterer.cluster(points), n);
            double cost = withinClusterSumOfSquares(data, ids);
            if (best == null || cost < bestCost) {
                best = ids;
                bestCost = cost;
            }
        }
        return best;
    }

    /**
     * Sum over clusters of the squared Euclidean distances of its rows to the cluster mean.
     *
     * @param data {@code n x d}
     * @param ids cluster id per row, in {@code 0..n-1}
     * @return the k-means objective of this assignment
     */
    static double withinClusterSumOfSquares(double[][] data, int[] ids) {
        int n = data.length;
        int d = data[0].length;
        double[][] sums = new double[n][d];
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            counts[ids[i]]++;
            for (int j = 0; j < d; j++) {
                sums[ids[i]][j] += data[i][j];
            }
        }
        double cost = 0;
        for (int i = 0; i < n; i++) {
            double[] s = sums[ids[i]];
            int c = counts[ids[i]];
            for (int j = 0; j < d; j++) {
                double diff = data[i][j] - s[j] / c;
                cost += diff * diff;
            }
        }
        return cost;
    }

    /** Renumbers clusters by their smallest row index, skipping empty ones. */
    private static int[] canonical(List<CentroidCluster<IndexedPoint>> clusters, int n) {
        int[] raw = new int[n];
        Arrays.fill(raw, -1);
        for (int c = 0; c < clusters.size(); c++) {
            for (IndexedPoint p : clusters.get(c).getPoints()) {
                raw[p.index] = c;
            }
        }
        int[] renumber = new int[clusters.size()];
        Arrays.fill(renumber, -1);
        int next = 0;
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            if (raw[i] < 0) {
                throw new IllegalStateException("k-means left row " + i + " unassigned");
            }
            if (renumber[raw[i]] < 0) {
                renumber[raw[i]] = next++;
            }
            ids[i] = renumber[raw[i]];
        }
        return ids;
    }

    /**
     * A row that remembers its index. Commons Math's {@code DoublePoint} compares by value, so
     * duplicate rows could not be told apart when mapping clusters back to rows.
     */
    private static final class IndexedPoint implements Clusterable {
        private final int index;
        private final double[] point;

        IndexedPoint(int index, double[] point) {
            this.index = index;
            this.point = point;
        }

        @Override
        public double[] getPoint() {
            return point;
        }
    }
}
