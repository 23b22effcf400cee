package io.github.wikiart.models.layers;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weight and bias gradients of a 2D convolution (dilation 1) without its input gradient:
 * {@code dW[o,c,i,j] = sum over n,y,x of in[n, c, y*sh + i - ph, x*sw + j - pw] * delta[n, o, y, x]}
 * (zero outside the image) and {@code db[o] = sum of delta[n, o, ., .]}.
 *
 * <p>For a network's first layer the input gradient is never used, yet DL4J's {@code conv2d_bp}
 * always computes it; for the original classifier's 3 -> 1 channel convolution at 416 px that is
 * three quarters of the op's time (317 of 432 ms at batch 32). This computes only what is needed:
 * each term is a dot product of an image row with a gradient row, with the images spread over the
 * common fork-join pool. Sums are in double precision, each image's separately, and the images are
 * added in order, so the result does not depend on the number of threads.
 */
final class ConvWeightGradient {
    private ConvWeightGradient() {
    }

    /**
     * Computes the gradients.
     *
     * @param input the layer input, {@code [n, c, h, w]}, float or double
     * @param delta the gradient of the pre-activation output, {@code [n, o, oh, ow]}
     * @param kernel kernel height and width
     * @param stride stride height and width
     * @param padding top and left padding (the bottom and right follow from the output size)
     * @param weightGrad receives {@code dW}, {@code [o, c, kh, kw]}
     * @param biasGrad receives {@code db} ({@code o} values in any shape), or null for no bias
     */
    static void compute(INDArray input, INDArray delta, int[] kernel, int[] stride, int[] padding,
            INDArray weightGrad, INDArray biasGrad) {
        Samples in = new Samples(input);
        Samples d = new Samples(delta);
        int n = (int) input.size(0);
        int channels = (int) input.size(1);
        int h = (int) input.size(2);
        int w = (int) input.size(3);
        int outC = (int) delta.size(1);
        int oh = (int) delta.size(2);
        int ow = (int) delta.size(3);
        int kh = kernel[0];
        int kw = kernel[1];
        int ph = padding[0];
        int pw = padding[1];
        // Zero-padded planes large enough for every tap of every output position.
        int hp = Math.max(h + ph, (oh - 1) * stride[0] + kh);
        int wp = Math.max(w + pw, (ow - 1) * stride[1] + kw);
        int perImage = outC * channels * kh * kw;
        double[][] partial = new double[n][];
        // One chunk of consecutive images per core, each with its own buffers, reused from image
        // to image: a fresh zero-padded plane per image was 4 MB of garbage at 416 px (180 MB a
        // step at batch 32, every one a humongous allocation for the GC). The padding borders are
        // never written, so they stay zero; the interior is overwritten for every image.
        int chunks = Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            double[] planes = new double[channels * hp * wp];
            double[] row = new double[w];
            double[] grad = new double[oh * ow];
            for (int img = chunk * n / chunks; img < (chunk + 1) * n / chunks; img++) {
                for (int c = 0; c < channels; c++) {
                    for (int y = 0; y < h; y++) {
                        in.read(img, (c * h + y) * w, row);
                        System.arraycopy(row, 0, planes, (c * hp + y + ph) * wp + pw, w);
                    }
                }
                double[] g = new double[perImage + outC];
                for (int o = 0; o < outC; o++) {
                    d.read(img, o * oh * ow, grad);
                    for (int c = 0; c < channels; c++) {
                        for (int y = 0; y < oh; y++) {
                            for (int i = 0; i < kh; i++) {
                                int from = (c * hp + y * stride[0] + i) * wp;
                                int at = ((o * channels + c) * kh + i) * kw;
                                for (int j = 0; j < kw; j++) {
                                    g[at + j] += dot(planes, from + j, stride[1], grad, y * ow, ow);
                                }
                            }
                        }
                    }
                    for (double v : grad) {
                        g[perImage + o] += v;
                    }
                }
                partial[img] = g;
            }
        });
        // The buffers read above are views of these arrays' native memory: keep them alive until here.
        in.keepAlive();
        d.keepAlive();
        double[] total = new double[perImage + outC];
        for (double[] g : partial) {
            for (int k = 0; k < total.length; k++) {
                total[k] += g[k];
            }
        }
        weightGrad.assign(Nd4j.createFromArray(java.util.Arrays.copyOf(total, perImage))
                .castTo(weightGrad.dataType()).reshape(weightGrad.shape()));
        if (biasGrad != null) {
            biasGrad.assign(Nd4j.createFromArray(java.util.Arrays.copyOfRange(total, perImage, total.length))
                    .castTo(biasGrad.dataType()).reshape(biasGrad.shape()));
        }
    }

    /** Dot product of {@code len} strided elements of {@code a} with contiguous ones of {@code b}, four partial sums. */
    private static double dot(double[] a, int aOff, int aStride, double[] b, int bOff, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int x = 0;
        for (; x + 3 < len; x += 4) {
            int ai = aOff + x * aStride;
            s0 += a[ai] * b[bOff + x];
            s1 += a[ai + aStride] * b[bOff + x + 1];
            s2 += a[ai + 2 * aStride] * b[bOff + x + 2];
            s3 += a[ai + 3 * aStride] * b[bOff + x + 3];
        }
        for (; x < len; x++) {
            s0 += a[aOff + x * aStride] * b[bOff + x];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Reads runs of values of one sample of a 4D array, as doubles, from any thread. */
    private static final class Samples {
        private final INDArray array;
        private final FloatBuffer floats;
        private final DoubleBuffer doubles;
        private final long offset;
        private final long perSample;

        Samples(INDArray a) {
            INDArray c = a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a)
                    && (a.dataType() == DataType.FLOAT || a.dataType() == DataType.DOUBLE)
                    ? a : a.castTo(DataType.DOUBLE).dup('c');
            this.array = io.github.wikiart.data.HostMemory.toRead(c);
            this.doubles = c.dataType() == DataType.DOUBLE ? c.data().asNioDouble() : null;
            this.floats = doubles == null ? c.data().asNioFloat() : null;
            this.offset = c.offset();
            this.perSample = c.length() / c.size(0);
        }

        /** Keeps the array, and so the memory the buffers view, reachable up to the call. */
        void keepAlive() {
            java.lang.ref.Reference.reachabilityFence(array);
        }

        /** Fills {@code out} from sample {@code n}, starting at element {@code from} of that sample. */
        void read(int n, int from, double[] out) {
            int start = (int) (offset + n * perSample + from);
            if (doubles != null) {
                doubles.get(start, out, 0, out.length);
            } else {
                for (int k = 0; k < out.length; k++) {
                    out[k] = floats.get(start + k);
                }
            }
        }
    }
}
