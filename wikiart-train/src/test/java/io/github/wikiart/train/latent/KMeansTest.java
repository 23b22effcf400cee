package io.github.wikiart.train.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KMeansTest {
    /** Three blobs, sigma 0.5, centres 10+ apart; rows interleaved so cluster numbering matters. */
    static final double[][] CENTRES = {{0, 0, 0}, {10, 10, 0}, {-10, 10, 5}};

    static double[][] blobs(int perBlob, int[] labels, long seed) {
        Random random = new Random(seed);
        int k = CENTRES.length;
        double[][] data = new double[perBlob * k][];
        for (int i = 0; i < data.length; i++) {
            // Order 2, 0, 1, 2, 0, 1, ... so that the first row is not in class 0.
            int c = (i + 2) % k;
            labels[i] = c;
            data[i] = new double[CENTRES[c].length];
            for (int j = 0; j < data[i].length; j++) {
                data[i][j] = CENTRES[c][j] + 0.5 * random.nextGaussian();
            }
        }
        return data;
    }

    @Test
    void separatesWellSeparatedBlobs() {
        int[] labels = new int[90];
        double[][] data = blobs(30, labels, 1);
        int[] ids = KMeans.cluster(data, 3, 42);
        assertEquals(1.0, ClusterAgreement.purity(labels, ids), 1e-12);
        assertEquals(1.0, ClusterAgreement.adjustedRandIndex(labels, ids), 1e-12);
        assertEquals(1.0, ClusterAgreement.nmi(labels, ids), 1e-12);
        // Numbered by first appearance: rows 0, 1, 2 are classes 2, 0, 1 and get ids 0, 1, 2.
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, Arrays.copyOf(ids, 6));
    }

    @Test
    void sameSeedSameIdsAndNumberingIsStableAcrossSeeds() {
        int[] labels = new int[60];
        double[][] data = blobs(20, labels, 2);
        int[] a = KMeans.cluster(data, 3, 7);
        assertArrayEquals(a, KMeans.cluster(data, 3, 7));
        // With one true partition every seed finds it, and first-appearance numbering makes the arrays equal.
        assertArrayEquals(a, KMeans.cluster(data, 3, 8));
        assertArrayEquals(a, KMeans.cluster(data, 3, 9, 1, 50));
    }

    @Test
    void sameSeedSameIdsOnUnstructuredData() {
        double[][] data = PcaTest.randomData(new Random(4), 50, 3);
        int[] a = KMeans.cluster(data, 4, 123, 3, 100);
        assertArrayEquals(a, KMeans.cluster(data, 4, 123, 3, 100));
        assertEquals(4, IntStream.of(a).distinct().count());
        assertEquals(0, a[0]);
    }

    @Test
    void moreRestartsNeverIncreaseTheObjective() {
        double[][] data = PcaTest.randomData(new Random(6), 80, 2);
        double one = KMeans.withinClusterSumOfSquares(data, KMeans.cluster(data, 5, 1, 1, 300));
        double ten = KMeans.withinClusterSumOfSquares(data, KMeans.cluster(data, 5, 1, 10, 300));
        // The same stream starts both, so the ten restarts include the single one.
        assertTrue(ten <= one, ten + " > " + one);
    }

    @Test
    void kEqualsNPutsEachRowAlone() {
        double[][] data = {{0, 0}, {1, 0}, {0, 1}, {5, 5}, {-3, 2}};
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, KMeans.cluster(data, 5, 0));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0}, KMeans.cluster(data, 1, 0));
    }

    @Test
    void duplicateRowsBeyondKLeaveClustersEmpty() {
        double[][] data = {{1, 1}, {1, 1}, {1, 1}};
        assertArrayEquals(new int[] {0, 0, 0}, KMeans.cluster(data, 2, 0, 2, 20));
    }

    @Test
    void rejectsBadInput() {
        double[][] data = {{0, 0}, {1, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KMeans.cluster(data, 3, 0));
        assertEquals("k must be between 1 and the number of rows (2), got 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KMeans.cluster(data, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> KMeans.cluster(data, 1, 0, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> KMeans.cluster(data, 1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> KMeans.cluster(new double[][] {{0}, {1, 2}}, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> KMeans.cluster(new double[][] {{0}, {Double.POSITIVE_INFINITY}}, 1, 0));
    }
}
