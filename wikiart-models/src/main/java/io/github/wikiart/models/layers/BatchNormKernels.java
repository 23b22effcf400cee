package io.github.wikiart.models.layers;

import io.github.wikiart.data.HostMemory;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch normalisation over channels, optionally followed by ReLU, computed in Java over the arrays'
 * native memory: a two-pass training forward (statistics, then the normalised output) and a two-pass
 * backward (two sums per channel, then the input gradient), against about eleven passes in libnd4j
 * M2.1's {@code batchnorm_bp} plus two for a separate ReLU (BENCHMARKS.md).
 *
 * <p>An array is seen as {@code [outer, channels, inner]} in 'c' order: NCHW as
 * {@code [n, c, h*w]}, NHWC as {@code [n*h*w, c, 1]}, a matrix as {@code [n, c, 1]}. Each channel is
 * computed by one thread, in a fixed order, in double precision, so results do not depend on the
 * number of threads. Channels-first arrays are read in runs of {@code inner} values; channels-last
 * ones ({@code inner == 1}) in blocks of whole rows ({@link BatchNormRows}).
 */
final class BatchNormKernels {
    private BatchNormKernels() {
    }

    /** How an array's values group into channels. */
    record Geometry(int outer, int channels, int inner) {
        /** @return the number of values per channel */
        int perChannel() {
            return outer * inner;
        }

        /**
         * @param x a rank-2 or rank-4 array
         * @param channelsLast whether a rank-4 array is NHWC
         * @return its geometry
         */
        static Geometry of(INDArray x, boolean channelsLast) {
            long outer;
            long channels;
            long inner;
            if (x.rank() == 2) {
                outer = x.size(0);
                channels = x.size(1);
                inner = 1;
            } else if (x.rank() == 4 && !channelsLast) {
                outer = x.size(0);
                channels = x.size(1);
                inner = x.size(2) * x.size(3);
            } else if (x.rank() == 4) {
                outer = x.size(0) * x.size(1) * x.size(2);
                channels = x.size(3);
                inner = 1;
            } else {
                throw new IllegalArgumentException("batch normalisation takes rank 2 or 4 arrays, got shape "
                        + java.util.Arrays.toString(x.shape()));
            }
            if (outer * inner > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("too many values per channel for batch normalisation: "
                        + outer * inner);
            }
            return new Geometry((int) outer, (int) channels, (int) inner);
        }
    }

    /** Per-channel statistics of a batch: mean and biased variance. */
    record Statistics(double[] mean, double[] variance) {
    }

    /**
     * Training forward: computes each channel's batch statistics and writes
     * {@code out = [relu](gamma (x - mean) / sqrt(var + eps) + beta)}.
     *
     * @param x the input, 'c'-ordered, float or double
     * @param g its geometry
     * @param gamma scale per channel
     * @param beta shift per channel
     * @param eps added to the variance
     * @param relu whether ReLU follows
     * @param out receives the output, same shape, type and order as {@code x}, or null to compute
     *     the statistics alone
     * @return the batch statistics
     */
    static Statistics forwardTraining(INDArray x, Geometry g, double[] gamma, double[] beta, double eps, boolean relu,
            INDArray out) {
        Values in = new Values(x);
        Values o = out == null ? null : new Values(out);
        Statistics stats = g.inner() == 1 ? BatchNormRows.forwardTraining(in, o, g, gamma, beta, eps, relu)
                : channelsTraining(in, o, g, gamma, beta, eps, relu);
        in.keepAlive();
        if (o != null) {
            o.keepAlive();
            HostMemory.written(out);
        }
        return stats;
    }

    private static Statistics channelsTraining(Values in, Values o, Geometry g, double[] gamma, double[] beta,
            double eps, boolean relu) {
        double[] mean = new double[g.channels()];
        double[] variance = new double[g.channels()];
        forEachChannel(g, () -> new double[g.perChannel()], (buf, c) -> {
            in.readChannel(g, c, buf);
            double m = sum(buf, 0, buf.length) / buf.length;
            double v = sumOfSquaredDeviations(buf, m) / buf.length;
            mean[c] = m;
            variance[c] = v;
            if (o != null) {
                double scale = gamma[c] / Math.sqrt(v + eps);
                normalise(buf, scale, beta[c] - m * scale, relu);
                o.writeChannel(g, c, buf);
            }
        });
        return new Statistics(mean, variance);
    }

    /**
     * Inference forward with fixed statistics: {@code out = [relu](gamma (x - mean) / sqrt(var + eps) + beta)}.
     *
     * @param x the input, 'c'-ordered, float or double
     * @param g its geometry
     * @param stats the running statistics
     * @param gamma scale per channel
     * @param beta shift per channel
     * @param eps added to the variance
     * @param relu whether ReLU follows
     * @param out receives the output, same shape, type and order as {@code x}
     */
    static void forwardInference(INDArray x, Geometry g, Statistics stats, double[] gamma, double[] beta, double eps,
            boolean relu, INDArray out) {
        Values in = new Values(x);
        Values o = new Values(out);
        if (g.inner() == 1) {
            BatchNormRows.forwardInference(in, o, g, stats, gamma, beta, eps, relu);
        } else {
            forEachChannel(g, () -> new double[g.perChannel()], (buf, c) -> {
                in.readChannel(g, c, buf);
                double scale = gamma[c] / Math.sqrt(stats.variance()[c] + eps);
                normalise(buf, scale, beta[c] - stats.mean()[c] * scale, relu);
                o.writeChannel(g, c, buf);
            });
        }
        in.keepAlive();
        o.keepAlive();
        HostMemory.written(out);
    }

    /**
     * Backward of the training forward: the input gradient, and the gradients of gamma and beta.
     *
     * @param x the forward input
     * @param dOut the gradient of the output (of the ReLU when {@code relu}), same shape and order
     * @param g the geometry
     * @param stats the batch statistics of the forward pass
     * @param gamma scale per channel
     * @param beta shift per channel
     * @param eps added to the variance
     * @param relu whether ReLU followed
     * @param dIn receives the input gradient
     * @param dGamma receives the gradient of gamma per channel
     * @param dBeta receives the gradient of beta per channel
     */
    static void backward(INDArray x, INDArray dOut, Geometry g, Statistics stats, double[] gamma, double[] beta,
            double eps, boolean relu, INDArray dIn, double[] dGamma, double[] dBeta) {
        Values in = new Values(x);
        Values d = new Values(dOut);
        Values result = new Values(dIn);
        if (g.inner() == 1) {
            BatchNormRows.backward(in, d, result, g, stats, gamma, beta, eps, relu, dGamma, dBeta);
        } else {
            channelsBackward(in, d, result, g, stats, gamma, beta, eps, relu, dGamma, dBeta);
        }
        in.keepAlive();
        d.keepAlive();
        result.keepAlive();
        HostMemory.written(dIn);
    }

    private static void channelsBackward(Values in, Values d, Values result, Geometry g, Statistics stats,
            double[] gamma, double[] beta, double eps, boolean relu, double[] dGamma, double[] dBeta) {
        int n = g.perChannel();
        forEachChannel(g, () -> new double[2 * n], (buf, c) -> {
            in.readChannel(g, c, buf, 0);
            d.readChannel(g, c, buf, n);
            double m = stats.mean()[c];
            double invStd = 1.0 / Math.sqrt(stats.variance()[c] + eps);
            double scale = gamma[c] * invStd;
            double shift = beta[c] - m * scale;
            if (relu) {
                for (int i = 0; i < n; i++) {
                    buf[n + i] = reluGradient(buf[n + i], buf[i] * scale + shift);
                }
            }
            double sumG = sum(buf, n, n);
            double sumGx = sumOfProducts(buf, n, m);
            dBeta[c] = sumG;
            dGamma[c] = sumGx * invStd;
            double k2 = -scale * invStd * invStd * sumGx / n;
            double k3 = -scale * sumG / n;
            for (int i = 0; i < n; i++) {
                buf[i] = scale * buf[n + i] + k2 * (buf[i] - m) + k3;
            }
            result.writeChannel(g, c, buf);
        });
    }

    /**
     * The gradient through a ReLU: {@code gradient} where its input {@code y} is above zero, else 0.
     * Branch-free, since whether a value passed the ReLU is unpredictable (a branch cost 3-4x): the
     * sign bit of {@code y - MIN_VALUE} is set exactly when {@code y <= 0}.
     */
    static double reluGradient(double gradient, double y) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(gradient)
                & ~(Double.doubleToRawLongBits(y - Double.MIN_VALUE) >> 63));
    }

    private static void normalise(double[] buf, double scale, double shift, boolean relu) {
        if (relu) {
            // Math.max rather than a branch, which the sign of the values makes unpredictable; NaN stays NaN.
            for (int i = 0; i < buf.length; i++) {
                buf[i] = Math.max(buf[i] * scale + shift, 0.0);
            }
        } else {
            for (int i = 0; i < buf.length; i++) {
                buf[i] = buf[i] * scale + shift;
            }
        }
    }

    // The sums below keep four partial sums, so that additions overlap instead of waiting for each
    // other; the order is the same on every run.

    /** @return the sum of {@code a[from .. from + n)} */
    private static double sum(double[] a, int from, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        int end = from + n;
        for (; i + 3 < end; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < end; i++) {
            s0 += a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** @return the sum of {@code (a[i] - m)^2} over the whole array */
    private static double sumOfSquaredDeviations(double[] a, double m) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            double d0 = a[i] - m;
            double d1 = a[i + 1] - m;
            double d2 = a[i + 2] - m;
            double d3 = a[i + 3] - m;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < a.length; i++) {
            double d = a[i] - m;
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** @return the sum of {@code a[n + i] (a[i] - m)} for {@code i < n} (gradients after values) */
    private static double sumOfProducts(double[] a, int n, double m) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[n + i] * (a[i] - m);
            s1 += a[n + i + 1] * (a[i + 1] - m);
            s2 += a[n + i + 2] * (a[i + 2] - m);
            s3 += a[n + i + 3] * (a[i + 3] - m);
        }
        for (; i < n; i++) {
            s0 += a[n + i] * (a[i] - m);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** A task over one item (a channel, a block of rows) with a buffer its worker reuses from item to item. */
    interface ItemTask {
        void run(double[] buffer, int item);
    }

    /** Runs the task for every channel, the channels split into one contiguous chunk per core. */
    private static void forEachChannel(Geometry g, java.util.function.Supplier<double[]> buffer, ItemTask task) {
        forEach(g.channels(), (long) g.channels() * g.perChannel(), buffer, task);
    }

    /**
     * Runs the task for items {@code 0 .. count-1}, split into one contiguous chunk per core (in
     * parallel when the work is large enough). Each item's result must not depend on the split.
     *
     * @param count number of items
     * @param values the number of values all items touch, to decide whether threads pay
     * @param buffer makes one worker's buffer
     * @param task the work of one item
     */
    static void forEach(int count, long values, java.util.function.Supplier<double[]> buffer, ItemTask task) {
        int chunks = Math.max(1, Math.min(count, Runtime.getRuntime().availableProcessors()));
        IntConsumer chunk = k -> {
            double[] buf = buffer.get();
            for (int i = k * count / chunks; i < (k + 1) * count / chunks; i++) {
                task.run(buf, i);
            }
        };
        if (chunks == 1 || values < 32_768) {
            for (int k = 0; k < chunks; k++) {
                chunk.accept(k);
            }
        } else {
            IntStream.range(0, chunks).parallel().forEach(chunk);
        }
    }

    /** Reads and writes the values of a 'c'-ordered float or double array as doubles, from any thread. */
    static final class Values {
        private final INDArray array;
        private final FloatBuffer floats;
        private final DoubleBuffer doubles;
        private final long offset;

        Values(INDArray a) {
            if (a.ordering() != 'c' || !org.nd4j.linalg.api.shape.Shape.hasDefaultStridesForShape(a)
                    || (a.dataType() != DataType.FLOAT && a.dataType() != DataType.DOUBLE)) {
                throw new IllegalArgumentException("expected a 'c'-ordered float or double array, got "
                        + a.dataType() + " " + a.ordering() + " " + java.util.Arrays.toString(a.stride()));
            }
            this.array = HostMemory.toRead(a);
            this.doubles = a.dataType() == DataType.DOUBLE ? a.data().asNioDouble() : null;
            this.floats = doubles == null ? a.data().asNioFloat() : null;
            this.offset = a.offset();
        }

        void keepAlive() {
            java.lang.ref.Reference.reachabilityFence(array);
        }

        void readChannel(Geometry g, int c, double[] out) {
            readChannel(g, c, out, 0);
        }

        /** Copies channel {@code c}'s values, in order, into {@code out} from index {@code at}. */
        void readChannel(Geometry g, int c, double[] out, int at) {
            int inner = g.inner();
            for (int o = 0; o < g.outer(); o++) {
                read(((long) o * g.channels() + c) * inner, inner, out, at + o * inner);
            }
        }

        /** Copies {@code n} consecutive values from element {@code from} into {@code out} at {@code at}. */
        void read(long from, int n, double[] out, int at) {
            int start = (int) (offset + from);
            if (doubles != null) {
                doubles.get(start, out, at, n);
            } else {
                float[] run = new float[n];
                floats.get(start, run, 0, n);
                for (int k = 0; k < n; k++) {
                    out[at + k] = run[k];
                }
            }
        }

        /** Writes {@code n} values of {@code in} from {@code at} to consecutive elements from {@code from}. */
        void write(long from, int n, double[] in, int at) {
            int start = (int) (offset + from);
            if (doubles != null) {
                doubles.put(start, in, at, n);
            } else {
                float[] run = new float[n];
                for (int k = 0; k < n; k++) {
                    run[k] = (float) in[at + k];
                }
                floats.put(start, run, 0, n);
            }
        }

        /** Writes channel {@code c}'s values from {@code in}, in the order {@link #readChannel} read them. */
        void writeChannel(Geometry g, int c, double[] in) {
            int inner = g.inner();
            for (int o = 0; o < g.outer(); o++) {
                write(((long) o * g.channels() + c) * inner, inner, in, o * inner);
            }
        }
    }
}
