package io.github.wikiart.train.latent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The numbers of a latent-space analysis, written as {@code latent.json}.
 *
 * @param points number of latent vectors analysed
 * @param clusters number of k-means clusters asked for (the number of styles)
 * @param nmi normalised mutual information between clusters and styles, see {@link ClusterAgreement#nmi}
 * @param adjustedRandIndex adjusted Rand index, see {@link ClusterAgreement#adjustedRandIndex}
 * @param purity cluster purity, see {@link ClusterAgreement#purity}
 * @param explainedVarianceRatio share of the latent variance carried by each plotted PCA component
 */
public record LatentReport(int points, int clusters, double nmi, double adjustedRandIndex, double purity,
        double[] explainedVarianceRatio) {
    /** Validates counts and copies the array. */
    public LatentReport {
        if (points < 0) {
            throw new IllegalArgumentException("points must be non-negative, got " + points);
        }
        if (clusters < 1) {
            throw new IllegalArgumentException("clusters must be at least 1, got " + clusters);
        }
        explainedVarianceRatio = Objects.requireNonNull(explainedVarianceRatio, "explainedVarianceRatio").clone();
    }

    /** @return a copy of the explained variance ratio per component */
    @Override
    public double[] explainedVarianceRatio() {
        return explainedVarianceRatio.clone();
    }

    /**
     * @return an ordered map with keys {@code points}, {@code clusters}, {@code nmi},
     *     {@code adjusted_rand_index}, {@code purity} and {@code explained_variance_ratio} (a list),
     *     ready for {@link io.github.wikiart.train.Json#write}
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", points);
        m.put("clusters", clusters);
        m.put("nmi", nmi);
        m.put("adjusted_rand_index", adjustedRandIndex);
        m.put("purity", purity);
        List<Double> ratios = new ArrayList<>(explainedVarianceRatio.length);
        for (double r : explainedVarianceRatio) {
            ratios.add(r);
        }
        m.put("explained_variance_ratio", List.copyOf(ratios));
        return m;
    }

    /** Compares array contents, not identities. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LatentReport r && points == r.points && clusters == r.clusters
                && Double.compare(nmi, r.nmi) == 0 && Double.compare(adjustedRandIndex, r.adjustedRandIndex) == 0
                && Double.compare(purity, r.purity) == 0
                && Arrays.equals(explainedVarianceRatio, r.explainedVarianceRatio);
    }

    /** @return a hash of all fields, array by content */
    @Override
    public int hashCode() {
        return Objects.hash(points, clusters, nmi, adjustedRandIndex, purity, Arrays.hashCode(explainedVarianceRatio));
    }

    /** @return all fields, the array by content */
    @Override
    public String toString() {
        return "LatentReport[points=" + points + ", clusters=" + clusters + ", nmi=" + nmi + ", adjustedRandIndex="
                + adjustedRandIndex + ", purity=" + purity + ", explainedVarianceRatio="
                + Arrays.toString(explainedVarianceRatio) + "]";
    }
}
