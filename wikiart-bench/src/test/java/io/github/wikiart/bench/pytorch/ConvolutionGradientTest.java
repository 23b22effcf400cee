package io.github.wikiart.bench.pytorch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One PyTorch convolution's gradients against their definition in double precision: the smallest
 * case of the defect in {@link CpuCaches} (3 output channels, not a multiple of oneDNN's block of
 * 16). Where the processor hides its caches only the weight and bias gradients are checked: the
 * input gradient is then wrong (relative error about 1, or NaN), which is what the twin checks of
 * the width-16 autoencoder and the transfer network met.
 */
class ConvolutionGradientTest {
    private static final double TOLERANCE = 1e-4;

    /** Gradients of {@code sum(conv(x, w, b) * up)}, stride 1, no padding: {dx, dw, db}. */
    private static double[][] definition(float[] x, float[] w, float[] up, int n, int ci, int h, int wd, int co,
                                         int k) {
        int oh = h - k + 1;
        int ow = wd - k + 1;
        double[] dx = new double[x.length];
        double[] dw = new double[w.length];
        double[] db = new double[co];
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < co; o++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double g = up[((b * co + o) * oh + i) * ow + j];
                        db[o] += g;
                        for (int c = 0; c < ci; c++) {
                            for (int ki = 0; ki < k; ki++) {
                                for (int kj = 0; kj < k; kj++) {
                                    int xi = ((b * ci + c) * h + i + ki) * wd + j + kj;
                                    int wi = ((o * ci + c) * k + ki) * k + kj;
                                    dw[wi] += g * x[xi];
                                    dx[xi] += g * w[wi];
                                }
                            }
                        }
                    }
                }
            }
        }
        return new double[][] {dx, dw, db};
    }

    /** @return the largest difference over the largest magnitude of the definition; NaN if any value is */
    private static double relativeError(double[] want, float[] got) {
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < want.length; i++) {
            if (!Float.isFinite(got[i])) {
                return Double.NaN;
            }
            scale = Math.max(scale, Math.abs(want[i]));
            diff = Math.max(diff, Math.abs(want[i] - got[i]));
        }
        return diff / scale;
    }

    @Test
    void gradientsOfAConvolutionWithThreeOutputChannelsAreTheDefinitions() {
        int n = 2;
        int ci = 2;
        int h = 5;
        int wd = 6;
        int co = 3;
        int k = 2;
        Random r = new Random(42);
        float[] x = TransposedConv2dTest.random(r, n * ci * h * wd);
        float[] w = TransposedConv2dTest.random(r, co * ci * k * k);
        float[] b = TransposedConv2dTest.random(r, co);
        float[] up = TransposedConv2dTest.random(r, n * co * (h - k + 1) * (wd - k + 1));
        double[][] want = definition(x, w, up, n, ci, h, wd, co, k);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray xa = m.create(x, new Shape(n, ci, h, wd));
            NDArray wa = m.create(w, new Shape(co, ci, k, k));
            NDArray ba = m.create(b, new Shape(co));
            xa.setRequiresGradient(true);
            wa.setRequiresGradient(true);
            ba.setRequiresGradient(true);
            try (GradientCollector g = Engine.getInstance().newGradientCollector()) {
                NDArray y = Conv2d.conv2d(xa, wa, ba, new Shape(1, 1), new Shape(0, 0)).singletonOrThrow();
                g.backward(y.mul(m.create(up, y.getShape())).sum());
            }
            double dw = relativeError(want[1], wa.getGradient().toFloatArray());
            double db = relativeError(want[2], ba.getGradient().toFloatArray());
            assertTrue(dw < TOLERANCE, "weight gradient relative error " + dw);
            assertTrue(db < TOLERANCE, "bias gradient relative error " + db);
            double dx = relativeError(want[0], xa.getGradient().toFloatArray());
            if (!CpuCaches.hidden()) {
                assertTrue(dx < TOLERANCE, "input gradient relative error " + dx);
            }
        }
    }
}
