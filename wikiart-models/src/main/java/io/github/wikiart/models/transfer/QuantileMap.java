package io.github.wikiart.models.transfer;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per style, a monotone map of each image statistic from its distribution over the content images
 * to its distribution over the style's images (quantile matching, one statistic at a time): the
 * content image at quantile {@code p} of a statistic is sent to the style's value at quantile
 * {@code p}. The map is piecewise linear between the quantiles at levels
 * {@value #LOW} ... {@value #HIGH} ({@code intervals} equal steps) and constant outside them.
 *
 * <p>Compared with a shift by the difference of the means, it also moves the spread: a style whose
 * images all have nearly the same value of a statistic (the equal channels of a grey style, the
 * single hue of a duotone) sends every input to that value, and a style that changes a statistic
 * little leaves it nearly as it is. Neither distribution needs pairs of images.
 *
 * <p>Tables, for {@code n} statistics and {@code k} intervals: {@code start}, {@code width} and
 * {@code slope} are {@code [styles, n * k]} (statistic-major), {@code base} is {@code [styles, n]};
 * {@code f_s(x) = base_s + sum_j slope_sj * (relu(x - start_sj) - relu(x - start_sj - width_sj))}.
 *
 * @param start per style, statistic and interval, the content quantile where the interval starts
 * @param width its length (at least a tiny positive value, so that equal quantiles make a steep step)
 * @param slope the style's quantile step over the content's
 * @param base per style and statistic, the style's value at the lowest level
 * @param intervals intervals per statistic
 */
public record QuantileMap(INDArray start, INDArray width, INDArray slope, INDArray base, int intervals) {
    /** The lowest quantile level matched. */
    public static final double LOW = 0.05;
    /** The highest quantile level matched. */
    public static final double HIGH = 0.95;

    /** Validates the shapes. */
    public QuantileMap {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(slope, "slope");
        Objects.requireNonNull(base, "base");
        if (intervals < 1 || base.rank() != 2 || !Arrays.equals(start.shape(), width.shape())
                || !Arrays.equals(start.shape(), slope.shape())
                || start.size(1) != base.size(1) * intervals || start.size(0) != base.size(0)) {
            throw new IllegalArgumentException("tables must be [styles, n * intervals] and base [styles, n], got "
                    + Arrays.toString(start.shape()) + " and " + Arrays.toString(base.shape()) + " with "
                    + intervals + " intervals");
        }
    }

    /**
     * Fits the map from samples of the statistics.
     *
     * @param styleValues per style, the statistics of its images {@code [m_s, n]}
     * @param contentValues the statistics of the content images {@code [m, n]}
     * @param intervals intervals per statistic
     * @return the map
     */
    public static QuantileMap fit(List<INDArray> styleValues, INDArray contentValues, int intervals) {
        int n = (int) contentValues.size(1);
        int styles = styleValues.size();
        double[][] content = quantiles(contentValues, intervals);
        float[] start = new float[styles * n * intervals];
        float[] width = new float[start.length];
        float[] slope = new float[start.length];
        float[] base = new float[styles * n];
        for (int s = 0; s < styles; s++) {
            if (styleValues.get(s).size(1) != n) {
                throw new IllegalArgumentException("style " + s + " has " + styleValues.get(s).size(1)
                        + " statistics, the content images " + n);
            }
            double[][] style = quantiles(styleValues.get(s), intervals);
            for (int i = 0; i < n; i++) {
                double spread = Math.abs(content[i][intervals] - content[i][0]);
                double tiny = 1e-6 * Math.max(spread, Math.max(Math.abs(content[i][0]), 1e-6));
                base[s * n + i] = (float) style[i][0];
                for (int j = 0; j < intervals; j++) {
                    int at = (s * n + i) * intervals + j;
                    double w = Math.max(content[i][j + 1] - content[i][j], tiny);
                    start[at] = (float) content[i][j];
                    width[at] = (float) w;
                    slope[at] = (float) ((style[i][j + 1] - style[i][j]) / w);
                }
            }
        }
        return new QuantileMap(Nd4j.create(start, new long[] {styles, (long) n * intervals}, 'c'),
                Nd4j.create(width, new long[] {styles, (long) n * intervals}, 'c'),
                Nd4j.create(slope, new long[] {styles, (long) n * intervals}, 'c'),
                Nd4j.create(base, new long[] {styles, n}, 'c'), intervals);
    }

    /** Per statistic (column), its values at the levels LOW + (HIGH - LOW) j / intervals, linearly interpolated. */
    private static double[][] quantiles(INDArray values, int intervals) {
        int m = (int) values.size(0);
        int n = (int) values.size(1);
        if (m < 1) {
            throw new IllegalArgumentException("need at least one image's statistics");
        }
        double[] all = values.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[][] out = new double[n][intervals + 1];
        double[] column = new double[m];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < m; r++) {
                column[r] = all[r * n + i];
            }
            Arrays.sort(column);
            for (int j = 0; j <= intervals; j++) {
                double pos = (LOW + (HIGH - LOW) * j / intervals) * (m - 1);
                int lo = (int) Math.floor(pos);
                int hi = Math.min(lo + 1, m - 1);
                out[i][j] = column[lo] + (pos - lo) * (column[hi] - column[lo]);
            }
        }
        return out;
    }

    /** @return the number of statistics mapped */
    public long statistics() {
        return base.size(1);
    }

    /**
     * The map in a graph, with this map's tables as constants.
     *
     * @param sd the graph
     * @param name prefix of the constants
     * @param own the statistics to map {@code [b, n]}
     * @param styles one-hot target styles {@code [b, styles]}
     * @return the mapped statistics {@code [b, n]}
     */
    public SDVariable apply(SameDiff sd, String name, SDVariable own, SDVariable styles) {
        DataType t = own.dataType();
        long n = statistics();
        SDVariable a = sd.reshape(styles.mmul(sd.constant(name + "_start", start.castTo(t))), -1L, n, intervals);
        SDVariable w = sd.reshape(styles.mmul(sd.constant(name + "_width", width.castTo(t))), -1L, n, intervals);
        SDVariable k = sd.reshape(styles.mmul(sd.constant(name + "_slope", slope.castTo(t))), -1L, n, intervals);
        SDVariable x = sd.reshape(own, -1L, n, 1L).sub(a);
        SDVariable ramp = sd.nn().relu(x, 0.0).sub(sd.nn().relu(x.sub(w), 0.0));
        return styles.mmul(sd.constant(name + "_base", base.castTo(t))).add(ramp.mul(k).sum(2));
    }

    /**
     * The map applied eagerly.
     *
     * @param own {@code [b, n]}
     * @param styles target style of each row
     * @return {@code [b, n]}
     */
    public INDArray apply(INDArray own, int[] styles) {
        long n = statistics();
        INDArray out = Nd4j.zeros(DataType.DOUBLE, own.size(0), n);
        for (int r = 0; r < own.size(0); r++) {
            int s = styles[r];
            for (int i = 0; i < n; i++) {
                double x = own.getDouble(r, i);
                double v = base.getDouble(s, i);
                for (int j = 0; j < intervals; j++) {
                    long at = i * intervals + j;
                    double d = x - start.getDouble(s, at);
                    v += slope.getDouble(s, at) * Math.min(Math.max(d, 0), width.getDouble(s, at));
                }
                out.putScalar(r, i, v);
            }
        }
        return out;
    }
}
