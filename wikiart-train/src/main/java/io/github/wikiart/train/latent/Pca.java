package io.github.wikiart.train.latent;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Principal component analysis (Pearson 1901; Hotelling 1933) through the singular value
 * decomposition of the centred data, using Commons Math's {@link SingularValueDecomposition}.
 *
 * <p>If {@code X = U S V^T} is the centred {@code n x d} data, the principal axes are the columns
 * of {@code V}, the variance along axis {@code i} is {@code s_i^2 / (n - 1)}, and its explained
 * variance ratio is {@code s_i^2} over the total sum of squares of {@code X} (as scikit-learn's
 * {@code explained_variance_ratio_}). Decomposing {@code X} rather than forming the covariance
 * matrix avoids squaring its condition number.
 *
 * <p>Singular vectors are only defined up to sign, and which sign a solver returns depends on
 * row order and rounding. So that plots and tests are reproducible, each axis is flipped so that
 * its entry of largest magnitude is positive (the first such entry on a tie). Axes whose variances
 * coincide span a subspace with no preferred basis; no convention can fix those.
 */
public final class Pca {
    private Pca() {
    }

    /**
     * Centres the data and projects it on its {@code components} leading principal axes.
     *
     * <p>When all rows are identical there is no variance to explain: the projection and the
     * ratios are then all zero.
     *
     * @param data {@code n x d}, one row per point, {@code n >= 2}, all rows of the same length,
     *     finite values; not modified
     * @param components how many axes to keep, {@code 1 <= components <= min(n, d)}
     * @return projection, explained variance ratio per component and the subtracted mean
     * @throws IllegalArgumentException naming the offending row, value or count
     */
    public static PcaResult fit(double[][] data, int components) {
        int d = Matrices.checkColumns(data, 2, "data");
        int n = data.length;
        int max = Math.min(n, d);
        if (components < 1 || components > max) {
            throw new IllegalArgumentException("components must be between 1 and min(rows, columns) = " + max
                    + " (" + n + " rows, " + d + " columns), got " + components);
        }
        double[] mean = new double[d];
        for (double[] row : data) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] centred = new double[n][d];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = data[i][j] - mean[j];
                centred[i][j] = v;
                total += v * v;
            }
        }
        double[][] projected = new double[n][components];
        double[] ratio = new double[components];
        if (total == 0) {
            return new PcaResult(projected, ratio, mean);
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(centred, false));
        double[] s = svd.getSingularValues();
        RealMatrix v = svd.getV();
        for (int c = 0; c < components; c++) {
            double[] axis = v.getColumn(c);
            fixSign(axis);
            ratio[c] = s[c] * s[c] / total;
            for (int i = 0; i < n; i++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += centred[i][j] * axis[j];
                }
                projected[i][c] = dot;
            }
        }
        return new PcaResult(projected, ratio, mean);
    }

    private static void fixSign(double[] axis) {
        int arg = 0;
        for (int j = 1; j < axis.length; j++) {
            if (Math.abs(axis[j]) > Math.abs(axis[arg])) {
                arg = j;
            }
        }
        if (axis[arg] < 0) {
            for (int j = 0; j < axis.length; j++) {
                axis[j] = -axis[j];
            }
        }
    }
}
