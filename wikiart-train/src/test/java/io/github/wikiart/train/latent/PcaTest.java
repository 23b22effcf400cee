package io.github.wikiart.train.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {
    @Test
    void rotatedRectangleProjectsAsWorkedOutByHand() {
        // Centred points +-5 u1 and +-2.5 u2 with u1 = (0.8, 0.6), u2 = (-0.6, 0.8), shifted by (1, 2):
        // (4, 3) + (1, 2) = (5, 5), (-4, -3) + (1, 2) = (-3, -1), (-1.5, 2) + (1, 2) = (-0.5, 4),
        // (1.5, -2) + (1, 2) = (2.5, 0).
        // Variances: along u1 (25 + 25) / 3, along u2 (6.25 + 6.25) / 3 -> ratios 50 / 62.5 = 0.8 and 0.2.
        // Sign convention: largest |entry| positive, so the axes are (0.8, 0.6) and (-0.6, 0.8), and the
        // projections are (5, 0), (-5, 0), (0, 2.5), (0, -2.5).
        double[][] data = {{5, 5}, {-3, -1}, {-0.5, 4}, {2.5, 0}};
        PcaResult r = Pca.fit(data, 2);
        assertArrayEquals(new double[] {1, 2}, r.mean(), 1e-12);
        assertArrayEquals(new double[] {0.8, 0.2}, r.explainedVarianceRatio(), 1e-12);
        double[][] expected = {{5, 0}, {-5, 0}, {0, 2.5}, {0, -2.5}};
        double[][] projected = r.projected();
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], projected[i], 1e-12, "row " + i);
        }
        PcaResult first = Pca.fit(data, 1);
        assertEquals(1, first.components());
        assertEquals(5, first.projected()[0][0], 1e-12);
        assertArrayEquals(new double[] {0.8}, first.explainedVarianceRatio(), 1e-12);
    }

    @Test
    void pointsOnALineIn3dHaveOneComponent() {
        double[][] data = new double[10][];
        for (int t = 0; t < data.length; t++) {
            data[t] = new double[] {0.5 + t, -1 + 2 * t, 2 + 3 * t};
        }
        PcaResult r = Pca.fit(data, 2);
        assertEquals(1.0, r.explainedVarianceRatio()[0], 1e-12);
        assertEquals(0.0, r.explainedVarianceRatio()[1], 1e-12);
        // The axis is (1, 2, 3) / sqrt(14), already with its largest entry positive, and t - 4.5 is the
        // offset from the mean along the line, so the projection is (t - 4.5) * sqrt(14).
        for (int t = 0; t < data.length; t++) {
            assertEquals((t - 4.5) * Math.sqrt(14), r.projected()[t][0], 1e-9);
            assertEquals(0.0, r.projected()[t][1], 1e-9);
        }
    }

    @Test
    void signIsFixedWhateverTheRowOrder() {
        double[][] data = randomData(new Random(3), 30, 5);
        PcaResult r = Pca.fit(data, 3);
        assertEquals(r, Pca.fit(data, 3));
        double[][] reversed = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            reversed[i] = data[data.length - 1 - i];
        }
        PcaResult rr = Pca.fit(reversed, 3);
        for (int i = 0; i < data.length; i++) {
            assertArrayEquals(r.projected()[i], rr.projected()[data.length - 1 - i], 1e-9);
        }
        // Negating the data leaves the axes alone, so the projection flips.
        double[][] negated = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            negated[i] = Arrays.stream(data[i]).map(v -> -v).toArray();
        }
        PcaResult rn = Pca.fit(negated, 3);
        for (int i = 0; i < data.length; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(-r.projected()[i][c], rn.projected()[i][c], 1e-9);
            }
        }
    }

    @Test
    void ratiosSumToOneWithAllComponentsAndDecrease() {
        double[][] data = randomData(new Random(5), 40, 4);
        double[] ratio = Pca.fit(data, 4).explainedVarianceRatio();
        assertEquals(1.0, Arrays.stream(ratio).sum(), 1e-12);
        for (int c = 1; c < ratio.length; c++) {
            assertTrue(ratio[c] <= ratio[c - 1]);
        }
        // The variance along each axis equals the variance of the projection on it.
        PcaResult r = Pca.fit(data, 4);
        double total = 0;
        for (int j = 0; j < 4; j++) {
            total += variance(column(data, j));
        }
        for (int c = 0; c < 4; c++) {
            assertEquals(ratio[c], variance(column(r.projected(), c)) / total, 1e-12);
        }
    }

    @Test
    void fewerRowsThanColumns() {
        double[][] data = randomData(new Random(9), 3, 6);
        double[] ratio = Pca.fit(data, 3).explainedVarianceRatio();
        // Three centred points span at most a plane.
        assertEquals(1.0, ratio[0] + ratio[1], 1e-12);
        assertEquals(0.0, ratio[2], 1e-12);
    }

    @Test
    void identicalRowsGiveZeros() {
        PcaResult r = Pca.fit(new double[][] {{1, 2}, {1, 2}, {1, 2}}, 2);
        assertArrayEquals(new double[] {0, 0}, r.explainedVarianceRatio());
        assertArrayEquals(new double[] {0, 0}, r.projected()[1]);
    }

    @Test
    void resultIsImmutable() {
        PcaResult r = Pca.fit(new double[][] {{0, 0}, {1, 2}, {3, 1}}, 1);
        r.projected()[0][0] = 99;
        r.explainedVarianceRatio()[0] = 99;
        r.mean()[0] = 99;
        assertTrue(r.projected()[0][0] != 99 && r.explainedVarianceRatio()[0] != 99 && r.mean()[0] != 99);
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pca.fit(new double[][] {{1, 2}, {3}}, 1));
        assertEquals("data row 1 has 1 values but row 0 has 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pca.fit(new double[][] {{1, 2}, {3, 4}}, 3));
        assertEquals("components must be between 1 and min(rows, columns) = 2 (2 rows, 2 columns), got 3",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new double[][] {{1, 2}}, 1));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new double[][] {{1, 2}, {3, 4}}, 0));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new double[][] {{1, Double.NaN}, {3, 4}}, 1));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(null, 1));
    }

    static double[][] randomData(Random random, int n, int d) {
        double[][] data = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                data[i][j] = random.nextGaussian() * (j + 1) + j;
            }
        }
        return data;
    }

    private static double[] column(double[][] m, int j) {
        return Arrays.stream(m).mapToDouble(row -> row[j]).toArray();
    }

    private static double variance(double[] v) {
        double mean = Arrays.stream(v).average().orElseThrow();
        return Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1);
    }
}
