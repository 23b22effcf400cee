package io.github.wikiart.train.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusterAgreementTest {
    @Test
    void twoClassesSplitIntoThreeClustersMatchHandComputation() {
        int[] truth = {0, 0, 0, 1, 1, 1};
        int[] clusters = {0, 0, 1, 1, 2, 2};
        // Contingency (rows truth, columns clusters): [2 1 0; 0 1 2], row sums 3 3, column sums 2 2 2, n 6.
        // ARI: sum C(nij,2) = 1 + 1 = 2; rows: 3 + 3 = 6; columns: 1 + 1 + 1 = 3; C(6,2) = 15;
        //      expected = 6 * 3 / 15 = 1.2; max = (6 + 3) / 2 = 4.5; ARI = (2 - 1.2) / (4.5 - 1.2) = 8/33.
        assertEquals(8.0 / 33, ClusterAgreement.adjustedRandIndex(truth, clusters), 1e-12);
        assertEquals(0.24242424242424243, ClusterAgreement.adjustedRandIndex(truth, clusters), 1e-12);
        // MI: the two cells of 2 give (2/6) ln((2/6) / (3/6 * 2/6)) = (1/3) ln 2 each, the cells of 1 give
        //     (1/6) ln 1 = 0, so MI = (2/3) ln 2; H(truth) = ln 2, H(clusters) = ln 3;
        //     NMI = (2/3) ln 2 / ((ln 2 + ln 3) / 2) = 0.5158037429793888 (checked with a Python transcription).
        assertEquals(2.0 / 3 * Math.log(2) / ((Math.log(2) + Math.log(3)) / 2), ClusterAgreement.nmi(truth, clusters),
                1e-12);
        assertEquals(0.5158037429793888, ClusterAgreement.nmi(truth, clusters), 1e-12);
        // Purity: cluster majorities 2, 1, 2 -> 5/6.
        assertEquals(5.0 / 6, ClusterAgreement.purity(truth, clusters), 1e-12);
    }

    @Test
    void threeClassesMatchHandComputation() {
        // Contingency [2 1 1; 0 2 0; 1 0 3], rows 4 2 4, columns 3 3 4, n 10.
        int[] truth = {0, 0, 0, 0, 1, 1, 2, 2, 2, 2};
        int[] clusters = {0, 0, 1, 2, 1, 1, 2, 2, 0, 2};
        // ARI: index 1 + 1 + 3 = 5; rows 6 + 1 + 6 = 13; columns 3 + 3 + 6 = 12; C(10,2) = 45;
        //      expected 13 * 12 / 45 = 52/15; max 12.5; ARI = (5 - 52/15) / (12.5 - 52/15) = 46/271.
        assertEquals(46.0 / 271, ClusterAgreement.adjustedRandIndex(truth, clusters), 1e-12);
        // NMI from the Python transcription of sklearn's formula.
        assertEquals(0.41801791120914406, ClusterAgreement.nmi(truth, clusters), 1e-12);
        // Purity: cluster majorities 2 (class 0), 2 (class 1), 3 (class 2) -> 7/10.
        assertEquals(0.7, ClusterAgreement.purity(truth, clusters), 1e-12);
    }

    @Test
    void crossedPartitionsOfFourPoints() {
        int[] truth = {0, 0, 1, 1};
        int[] clusters = {0, 1, 0, 1};
        // Every cell holds 1 point: MI = 0. ARI: index 0, rows 1 + 1 = 2, columns 2, C(4,2) = 6,
        // expected 4/6, max 2 -> (0 - 2/3) / (2 - 2/3) = -1/2.
        assertEquals(0.0, ClusterAgreement.nmi(truth, clusters), 1e-12);
        assertEquals(-0.5, ClusterAgreement.adjustedRandIndex(truth, clusters), 1e-12);
        assertEquals(0.5, ClusterAgreement.purity(truth, clusters), 1e-12);
    }

    @Test
    void identicalPartitionsUpToRenamingScoreOne() {
        int[] truth = {0, 0, 1, 1, 2, 2};
        int[] renamed = {7, 7, -3, -3, 5, 5};
        assertEquals(1.0, ClusterAgreement.nmi(truth, renamed), 1e-12);
        assertEquals(1.0, ClusterAgreement.adjustedRandIndex(truth, renamed), 1e-12);
        assertEquals(1.0, ClusterAgreement.purity(truth, renamed), 1e-12);
        int[] singletons = {0, 1, 2, 3};
        int[] singletonsRenamed = {3, 2, 1, 0};
        assertEquals(1.0, ClusterAgreement.nmi(singletons, singletonsRenamed), 1e-12);
        assertEquals(1.0, ClusterAgreement.adjustedRandIndex(singletons, singletonsRenamed), 1e-12);
    }

    @Test
    void singleClusterCases() {
        int[] one = {4, 4, 4};
        assertEquals(1.0, ClusterAgreement.nmi(one, new int[] {0, 0, 0}));
        assertEquals(1.0, ClusterAgreement.adjustedRandIndex(one, new int[] {0, 0, 0}));
        assertEquals(1.0, ClusterAgreement.nmi(new int[] {1}, new int[] {2}));
        assertEquals(1.0, ClusterAgreement.adjustedRandIndex(new int[] {1}, new int[] {2}));
        // Everything in one cluster against two classes: no information, ARI 0, purity = majority share.
        int[] truth = {0, 0, 0, 1, 1, 1};
        int[] all = {0, 0, 0, 0, 0, 0};
        assertEquals(0.0, ClusterAgreement.nmi(truth, all), 1e-12);
        assertEquals(0.0, ClusterAgreement.adjustedRandIndex(truth, all), 1e-12);
        assertEquals(0.5, ClusterAgreement.purity(truth, all), 1e-12);
    }

    @Test
    void independentLabelingsScoreAboutZero() {
        Random random = new Random(11);
        int n = 5000;
        int[] truth = new int[n];
        int[] clusters = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextInt(4);
            clusters[i] = random.nextInt(4);
        }
        double ari = ClusterAgreement.adjustedRandIndex(truth, clusters);
        assertTrue(Math.abs(ari) < 0.005, "ARI " + ari);
        assertTrue(ClusterAgreement.nmi(truth, clusters) < 0.005);
        assertTrue(ClusterAgreement.purity(truth, clusters) < 0.3);
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterAgreement.nmi(new int[] {0, 1}, new int[] {0}));
        assertEquals("2 true labels but 1 cluster ids", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClusterAgreement.purity(new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> ClusterAgreement.adjustedRandIndex(null, new int[1]));
    }
}
