package io.github.wikiart.train.latent;

import java.util.Arrays;
import java.util.Objects;

/**
 * Analysis of an autoencoder's latent vectors against the true styles: a two-component PCA for a
 * scatter plot, k-means with one cluster per style, and the agreement of those clusters with the
 * styles.
 *
 * <p>PCA and k-means both run on the raw latent vectors; the PCA only serves the plot.
 */
public final class LatentAnalysis {
    /** Number of PCA components kept for the scatter plot. */
    public static final int PLOT_COMPONENTS = 2;

    private LatentAnalysis() {
    }

    /**
     * The outcome of {@link #analyse}.
     *
     * @param pca the latents projected on their two leading principal components
     * @param clusters k-means cluster id per latent, numbered as {@link KMeans} does
     * @param report the numbers for {@code latent.json}
     */
    public record Result(PcaResult pca, int[] clusters, LatentReport report) {
        /** Checks for nulls and copies the cluster ids. */
        public Result {
            Objects.requireNonNull(pca, "pca");
            Objects.requireNonNull(report, "report");
            clusters = Objects.requireNonNull(clusters, "clusters").clone();
        }

        /** @return a copy of the cluster id per latent */
        @Override
        public int[] clusters() {
            return clusters.clone();
        }

        /** Compares array contents, not identities. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && pca.equals(r.pca) && Arrays.equals(clusters, r.clusters)
                    && report.equals(r.report);
        }

        /** @return a hash of all fields, the array by content */
        @Override
        public int hashCode() {
            return Objects.hash(pca, Arrays.hashCode(clusters), report);
        }

        /** @return a summary: the report and the number of points */
        @Override
        public String toString() {
            return "Result[points=" + clusters.length + ", report=" + report + "]";
        }
    }

    /**
     * Projects, clusters and scores the latent vectors.
     *
     * @param latents {@code n x d} latent vectors, {@code d >= 2}, {@code numClasses <= n},
     *     {@code n >= 2}, finite values
     * @param labels true style index per latent, each in {@code 0..numClasses-1}
     * @param numClasses number of styles, used as k for k-means
     * @param seed seed of the k-means random stream
     * @return projection, cluster ids and report
     * @throws IllegalArgumentException on invalid shapes, labels or counts
     */
    public static Result analyse(double[][] latents, int[] labels, int numClasses, long seed) {
        int d = Matrices.checkColumns(latents, 2, "latents");
        int n = latents.length;
        if (d < PLOT_COMPONENTS) {
            throw new IllegalArgumentException("latents need at least " + PLOT_COMPONENTS
                    + " dimensions for the PCA plot, got " + d);
        }
        if (labels == null) {
            throw new IllegalArgumentException("labels is null");
        }
        if (labels.length != n) {
            throw new IllegalArgumentException(n + " latents but " + labels.length + " labels");
        }
        if (numClasses < 1 || numClasses > n) {
            throw new IllegalArgumentException("numClasses must be between 1 and the number of latents (" + n
                    + "), got " + numClasses);
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + " is outside 0.."
                        + (numClasses - 1));
            }
        }
        PcaResult pca = Pca.fit(latents, PLOT_COMPONENTS);
        int[] clusters = KMeans.cluster(latents, numClasses, seed);
        LatentReport report = new LatentReport(n, numClasses, ClusterAgreement.nmi(labels, clusters),
                ClusterAgreement.adjustedRandIndex(labels, clusters), ClusterAgreement.purity(labels, clusters),
                pca.explainedVarianceRatio());
        return new Result(pca, clusters, report);
    }
}
