package io.github.wikiart.train.latent;

/** Input checks shared by {@link Pca} and {@link KMeans}. */
final class Matrices {
    private Matrices() {
    }

    /**
     * Checks that {@code data} is a non-ragged matrix of finite values with at least
     * {@code minRows} rows and at least one column.
     *
     * @param data the matrix, one row per point
     * @param minRows smallest acceptable number of rows
     * @param name what to call the matrix in messages
     * @return the number of columns
     */
    static int checkColumns(double[][] data, int minRows, String name) {
        if (data == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (data.length < minRows) {
            throw new IllegalArgumentException(name + " needs at least " + minRows + " row(s), got " + data.length);
        }
        if (data[0] == null) {
            throw new IllegalArgumentException(name + " row 0 is null");
        }
        int d = data[0].length;
        if (d == 0) {
            throw new IllegalArgumentException(name + " rows are empty");
        }
        for (int i = 0; i < data.length; i++) {
            double[] row = data[i];
            if (row == null) {
                throw new IllegalArgumentException(name + " row " + i + " is null");
            }
            if (row.length != d) {
                throw new IllegalArgumentException(name + " row " + i + " has " + row.length
                        + " values but row 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] is not finite: " + row[j]);
                }
            }
        }
        return d;
    }

    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
