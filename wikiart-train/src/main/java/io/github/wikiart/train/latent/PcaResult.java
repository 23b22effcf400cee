package io.github.wikiart.train.latent;

import java.util.Arrays;
import java.util.Objects;

/**
 * The outcome of {@link Pca#fit}: the data expressed in its leading principal components.
 *
 * <p>Arrays are copied on the way in and out, so an instance never changes.
 *
 * @param projected {@code n x components}: each centred row projected on the principal axes, in
 *     order of decreasing variance
 * @param explainedVarianceRatio per component, the share of the total variance it carries; the
 *     entries are non-increasing and sum to at most 1 (to 1, within rounding, when all components
 *     are kept)
 * @param mean the per-column mean that was subtracted before projecting
 */
public record PcaResult(double[][] projected, double[] explainedVarianceRatio, double[] mean) {
    /** Validates shapes and copies the arrays. */
    public PcaResult {
        Objects.requireNonNull(projected, "projected");
        Objects.requireNonNull(explainedVarianceRatio, "explainedVarianceRatio");
        Objects.requireNonNull(mean, "mean");
        for (int i = 0; i < projected.length; i++) {
            if (projected[i] == null || projected[i].length != explainedVarianceRatio.length) {
                throw new IllegalArgumentException("projected row " + i + " must have "
                        + explainedVarianceRatio.length + " values, one per component");
            }
        }
        projected = Matrices.copy(projected);
        explainedVarianceRatio = explainedVarianceRatio.clone();
        mean = mean.clone();
    }

    /** @return a copy of the projected data, {@code n x components} */
    @Override
    public double[][] projected() {
        return Matrices.copy(projected);
    }

    /** @return a copy of the explained variance ratio per component */
    @Override
    public double[] explainedVarianceRatio() {
        return explainedVarianceRatio.clone();
    }

    /** @return a copy of the subtracted column means */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** @return number of kept components */
    public int components() {
        return explainedVarianceRatio.length;
    }

    /** Compares array contents, not identities. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PcaResult other
                && Arrays.deepEquals(projected, other.projected)
                && Arrays.equals(explainedVarianceRatio, other.explainedVarianceRatio)
                && Arrays.equals(mean, other.mean);
    }

    /** @return a hash of the array contents */
    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(projected), Arrays.hashCode(explainedVarianceRatio),
                Arrays.hashCode(mean));
    }

    /** @return a short summary (the projection itself can be large) */
    @Override
    public String toString() {
        return "PcaResult[points=" + projected.length + ", explainedVarianceRatio="
                + Arrays.toString(explainedVarianceRatio) + ", mean=" + Arrays.toString(mean) + "]";
    }
}
