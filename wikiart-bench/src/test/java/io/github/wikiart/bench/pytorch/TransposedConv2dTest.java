package io.github.wikiart.bench.pytorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TransposedConv2dTest {

    /** The definition: every input pixel scatters its kernel-weighted value into the output. */
    private static float[] direct(float[] x, int n, int cin, int h, int w, float[] wt, int cout, int k,
                                  float[] bias, int s, int p, int op) {
        int oh = (h - 1) * s - 2 * p + k + op;
        int ow = (w - 1) * s - 2 * p + k + op;
        float[] out = new float[n * cout * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int co = 0; co < cout; co++) {
                for (int i = 0; i < oh * ow; i++) {
                    out[((b * cout + co) * oh * ow) + i] = bias == null ? 0 : bias[co];
                }
                for (int ci = 0; ci < cin; ci++) {
                    for (int a = 0; a < h; a++) {
                        for (int c = 0; c < w; c++) {
                            float v = x[((b * cin + ci) * h + a) * w + c];
                            for (int ki = 0; ki < k; ki++) {
                                for (int kj = 0; kj < k; kj++) {
                                    int i = a * s - p + ki;
                                    int j = c * s - p + kj;
                                    if (i >= 0 && i < oh && j >= 0 && j < ow) {
                                        out[((b * cout + co) * oh + i) * ow + j] +=
                                                v * wt[((ci * cout + co) * k + ki) * k + kj];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** @return {@code size} standard normal values from {@code r} */
    static float[] random(Random r, int size) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    private static void check(int n, int cin, int h, int w, int cout, int k, int s, int p, int op, boolean withBias) {
        Random r = new Random(31L * k + 7L * s + p + op);
        float[] x = random(r, n * cin * h * w);
        float[] wt = random(r, cin * cout * k * k);
        float[] bias = withBias ? random(r, cout) : null;
        float[] expected = direct(x, n, cin, h, w, wt, cout, k, bias, s, p, op);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray out = TransposedConv2d.apply(manager.create(x, new Shape(n, cin, h, w)),
                    manager.create(wt, new Shape(cin, cout, k, k)),
                    withBias ? manager.create(bias, new Shape(cout)) : null, s, p, op);
            int oh = (h - 1) * s - 2 * p + k + op;
            int ow = (w - 1) * s - 2 * p + k + op;
            assertEquals(new Shape(n, cout, oh, ow), out.getShape(), "k" + k + " s" + s + " p" + p + " op" + op);
            assertArrayEquals(expected, out.toFloatArray(), 1e-4f, "k" + k + " s" + s + " p" + p + " op" + op);
        }
    }

    @Test
    void doublingCaseMatchesDefinition() {
        check(2, 3, 3, 4, 2, 3, 2, 1, 1, true);
        check(1, 1, 1, 1, 1, 3, 2, 1, 1, false);
        check(2, 4, 5, 3, 3, 3, 2, 1, 1, true);
    }

    @Test
    void dl4jAlignedDoublingIsTheUnpaddedOneWithoutItsLastRowAndColumn() {
        for (int[] c : new int[][] {{2, 3, 3, 4, 2}, {1, 1, 1, 1, 1}, {2, 4, 5, 3, 3}}) {
            int n = c[0];
            int cin = c[1];
            int h = c[2];
            int w = c[3];
            int cout = c[4];
            Random r = new Random(h * 31L + w);
            float[] x = random(r, n * cin * h * w);
            float[] wt = random(r, cin * cout * 9);
            float[] bias = random(r, cout);
            float[] full = direct(x, n, cin, h, w, wt, cout, 3, bias, 2, 0, 0);
            float[] expected = new float[n * cout * 4 * h * w];
            for (int i = 0; i < n * cout; i++) {
                for (int y = 0; y < 2 * h; y++) {
                    for (int z = 0; z < 2 * w; z++) {
                        expected[(i * 2 * h + y) * 2 * w + z] = full[(i * (2 * h + 1) + y) * (2 * w + 1) + z];
                    }
                }
            }
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray out = TransposedConv2d.doublingCroppedAtEnd(manager.create(x, new Shape(n, cin, h, w)),
                        manager.create(wt, new Shape(cin, cout, 3, 3)), manager.create(bias, new Shape(cout)));
                assertEquals(new Shape(n, cout, 2 * h, 2 * w), out.getShape());
                assertArrayEquals(expected, out.toFloatArray(), 1e-4f);
            }
        }
    }

    @Test
    void subPixelFormHasTheZeroInsertionFormsGradients() {
        PyTorchCpu.assumeReliableConvolutions();
        try (NDManager manager = NDManager.newBaseManager()) {
            float[][] grads = new float[2][];
            for (int form = 0; form < 2; form++) {
                NDArray x = manager.create(random(new Random(1), 2 * 3 * 4 * 5), new Shape(2, 3, 4, 5));
                NDArray wt = manager.create(random(new Random(2), 3 * 2 * 9), new Shape(3, 2, 3, 3));
                NDArray up = manager.create(random(new Random(3), 2 * 2 * 8 * 10), new Shape(2, 2, 8, 10));
                x.setRequiresGradient(true);
                wt.setRequiresGradient(true);
                try (ai.djl.training.GradientCollector g = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                    NDArray y = form == 0 ? TransposedConv2d.doublingBySubPixels(x, wt, null)
                            : TransposedConv2d.viaZeroInsertion(x, wt, null, 2, 1, 1);
                    g.backward(y.mul(up).sum());
                }
                grads[form] = NDArrays.concat(new NDList(x.getGradient().flatten(), wt.getGradient().flatten()))
                        .toFloatArray();
            }
            assertArrayEquals(grads[1], grads[0], 1e-4f);
        }
    }

    @Test
    void otherCasesMatchDefinition() {
        check(1, 2, 3, 3, 2, 3, 2, 0, 0, true);
        check(1, 2, 3, 2, 3, 2, 2, 0, 0, false);
        check(2, 2, 2, 3, 2, 4, 2, 1, 0, true);
        check(1, 2, 3, 3, 2, 3, 1, 1, 0, true);
        check(1, 1, 2, 2, 1, 3, 3, 1, 2, false);
    }

    @Test
    void blockDoublesAndUsesItsParameters() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TransposedConv2d block = TransposedConv2d.doubling(4);
            Shape in = new Shape(2, 3, 5, 5);
            block.initialize(manager, DataType.FLOAT32, in);
            NDArray x = manager.randomNormal(in);
            NDArray out = block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            assertEquals(new Shape(2, 4, 10, 10), out.getShape());
            assertEquals(new Shape(2, 4, 10, 10), block.getOutputShapes(new Shape[] {in})[0]);
            NDArray wt = block.getParameters().get("weight").getArray();
            NDArray b = block.getParameters().get("bias").getArray();
            assertEquals(new Shape(3, 4, 3, 3), wt.getShape());
            float[] expected = direct(x.toFloatArray(), 2, 3, 5, 5, wt.toFloatArray(), 4, 3, b.toFloatArray(), 2, 1, 1);
            assertArrayEquals(expected, out.toFloatArray(), 1e-4f);
        }
    }

    @Test
    void invalidArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TransposedConv2d(1, 3, 2, 3, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new TransposedConv2d(1, 3, 2, 1, 2, true));
    }
}
