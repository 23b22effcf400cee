package io.github.wikiart.models.layers;

import io.github.wikiart.models.layers.BatchNormKernels.Geometry;
import io.github.wikiart.models.layers.BatchNormKernels.Statistics;
import io.github.wikiart.models.layers.BatchNormKernels.Values;

/**
 * {@link BatchNormKernels} for channels-last arrays ({@code [rows, channels]}: NHWC, matrices), read
 * a block of whole rows at a time, where reading channel by channel would touch one value per row.
 * Per-channel sums are kept per block and added in block order, and the blocks depend only on the
 * number of channels, so the results do not depend on the number of threads.
 */
final class BatchNormRows {
    /** Values per block (a whole number of rows, at least one). */
    private static final int BLOCK_VALUES = 16_384;

    private BatchNormRows() {
    }

    private static int rowsPerBlock(Geometry g) {
        return Math.max(1, BLOCK_VALUES / g.channels());
    }

    private static int blocks(Geometry g) {
        int rows = rowsPerBlock(g);
        return (g.outer() + rows - 1) / rows;
    }

    /** The rows of block {@code b}: its first row and number of rows. */
    private static int[] block(Geometry g, int b) {
        int per = rowsPerBlock(g);
        int first = b * per;
        return new int[] {first, Math.min(per, g.outer() - first)};
    }

    /** Per-channel sums over all rows of the values, or of their squared deviations from {@code centre}; blocks added in order. */
    private static double[] channelSums(Values in, Geometry g, double[] centre) {
        int c = g.channels();
        double[][] partial = new double[blocks(g)][c];
        BatchNormKernels.forEach(partial.length, (long) g.outer() * c, () -> new double[rowsPerBlock(g) * c],
                (buf, b) -> {
                    int[] rows = block(g, b);
                    in.read((long) rows[0] * c, rows[1] * c, buf, 0);
                    double[] sums = partial[b];
                    for (int r = 0; r < rows[1]; r++) {
                        int at = r * c;
                        if (centre == null) {
                            for (int k = 0; k < c; k++) {
                                sums[k] += buf[at + k];
                            }
                        } else {
                            for (int k = 0; k < c; k++) {
                                double d = buf[at + k] - centre[k];
                                sums[k] += d * d;
                            }
                        }
                    }
                });
        return addInOrder(partial, c);
    }

    private static double[] addInOrder(double[][] partial, int c) {
        double[] total = new double[c];
        for (double[] p : partial) {
            for (int k = 0; k < c; k++) {
                total[k] += p[k];
            }
        }
        return total;
    }

    /** Writes {@code [relu](x scale + shift)} per channel, block by block. */
    private static void normalise(Values in, Values out, Geometry g, double[] scale, double[] shift, boolean relu) {
        int c = g.channels();
        BatchNormKernels.forEach(blocks(g), (long) g.outer() * c, () -> new double[rowsPerBlock(g) * c], (buf, b) -> {
            int[] rows = block(g, b);
            in.read((long) rows[0] * c, rows[1] * c, buf, 0);
            for (int r = 0; r < rows[1]; r++) {
                int at = r * c;
                for (int k = 0; k < c; k++) {
                    double y = buf[at + k] * scale[k] + shift[k];
                    buf[at + k] = relu ? Math.max(y, 0.0) : y;
                }
            }
            out.write((long) rows[0] * c, rows[1] * c, buf, 0);
        });
    }

    /** @see BatchNormKernels#forwardTraining */
    static Statistics forwardTraining(Values in, Values out, Geometry g, double[] gamma, double[] beta, double eps,
            boolean relu) {
        int c = g.channels();
        double n = g.outer();
        double[] mean = channelSums(in, g, null);
        for (int k = 0; k < c; k++) {
            mean[k] /= n;
        }
        double[] variance = channelSums(in, g, mean);
        for (int k = 0; k < c; k++) {
            variance[k] /= n;
        }
        Statistics stats = new Statistics(mean, variance);
        if (out != null) {
            forwardInference(in, out, g, stats, gamma, beta, eps, relu);
        }
        return stats;
    }

    /** @see BatchNormKernels#forwardInference */
    static void forwardInference(Values in, Values out, Geometry g, Statistics stats, double[] gamma, double[] beta,
            double eps, boolean relu) {
        int c = g.channels();
        double[] scale = new double[c];
        double[] shift = new double[c];
        for (int k = 0; k < c; k++) {
            scale[k] = gamma[k] / Math.sqrt(stats.variance()[k] + eps);
            shift[k] = beta[k] - stats.mean()[k] * scale[k];
        }
        normalise(in, out, g, scale, shift, relu);
    }

    /** @see BatchNormKernels#backward */
    static void backward(Values x, Values dOut, Values dIn, Geometry g, Statistics stats, double[] gamma,
            double[] beta, double eps, boolean relu, double[] dGamma, double[] dBeta) {
        int c = g.channels();
        int n = g.outer();
        double[] m = stats.mean();
        double[] invStd = new double[c];
        double[] scale = new double[c];
        double[] shift = new double[c];
        for (int k = 0; k < c; k++) {
            invStd[k] = 1.0 / Math.sqrt(stats.variance()[k] + eps);
            scale[k] = gamma[k] * invStd[k];
            shift[k] = beta[k] - m[k] * scale[k];
        }
        int per = rowsPerBlock(g) * c;
        double[][] partialG = new double[blocks(g)][c];
        double[][] partialGx = new double[blocks(g)][c];
        BatchNormKernels.forEach(partialG.length, (long) n * c, () -> new double[2 * per], (buf, b) -> {
            int[] rows = block(g, b);
            int len = rows[1] * c;
            readMasked(x, dOut, g, rows, buf, per, scale, shift, relu);
            double[] sg = partialG[b];
            double[] sgx = partialGx[b];
            for (int i = 0; i < len; i += c) {
                for (int k = 0; k < c; k++) {
                    double gv = buf[per + i + k];
                    sg[k] += gv;
                    sgx[k] += gv * (buf[i + k] - m[k]);
                }
            }
        });
        double[] sumG = addInOrder(partialG, c);
        double[] sumGx = addInOrder(partialGx, c);
        double[] k2 = new double[c];
        double[] k3 = new double[c];
        for (int k = 0; k < c; k++) {
            dBeta[k] = sumG[k];
            dGamma[k] = sumGx[k] * invStd[k];
            k2[k] = -scale[k] * invStd[k] * invStd[k] * sumGx[k] / n;
            k3[k] = -scale[k] * sumG[k] / n;
        }
        BatchNormKernels.forEach(partialG.length, (long) n * c, () -> new double[2 * per], (buf, b) -> {
            int[] rows = block(g, b);
            int len = rows[1] * c;
            readMasked(x, dOut, g, rows, buf, per, scale, shift, relu);
            for (int i = 0; i < len; i += c) {
                for (int k = 0; k < c; k++) {
                    buf[i + k] = scale[k] * buf[per + i + k] + k2[k] * (buf[i + k] - m[k]) + k3[k];
                }
            }
            dIn.write((long) rows[0] * c, len, buf, 0);
        });
    }

    /**
     * Reads a block's inputs to {@code buf[0..]} and output gradients to {@code buf[per..]}, the
     * gradient zeroed where the ReLU's input was not above zero ({@link BatchNormKernels#reluGradient}).
     */
    private static void readMasked(Values x, Values dOut, Geometry g, int[] rows, double[] buf, int per,
            double[] scale, double[] shift, boolean relu) {
        int c = g.channels();
        int len = rows[1] * c;
        x.read((long) rows[0] * c, len, buf, 0);
        dOut.read((long) rows[0] * c, len, buf, per);
        if (relu) {
            for (int i = 0; i < len; i += c) {
                for (int k = 0; k < c; k++) {
                    buf[per + i + k] = BatchNormKernels.reluGradient(buf[per + i + k], buf[i + k] * scale[k] + shift[k]);
                }
            }
        }
    }
}
