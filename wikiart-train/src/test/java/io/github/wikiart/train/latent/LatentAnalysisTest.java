package io.github.wikiart.train.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.train.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatentAnalysisTest {
    /** Four styles as blobs in 8 dimensions, sigma 0.3, centres 6 apart on distinct axes. */
    private static double[][] latents(int[] labels, long seed) {
        Random random = new Random(seed);
        double[][] data = new double[labels.length][8];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 4;
            for (int j = 0; j < 8; j++) {
                data[i][j] = 0.3 * random.nextGaussian();
            }
            data[i][labels[i]] += 6;
        }
        return data;
    }

    @Test
    void blobsPerStyleAgreePerfectly() {
        int[] labels = new int[80];
        double[][] latents = latents(labels, 3);
        LatentAnalysis.Result r = LatentAnalysis.analyse(latents, labels, 4, 17);
        LatentReport report = r.report();
        assertEquals(80, report.points());
        assertEquals(4, report.clusters());
        assertEquals(1.0, report.nmi(), 1e-12);
        assertEquals(1.0, report.adjustedRandIndex(), 1e-12);
        assertEquals(1.0, report.purity(), 1e-12);
        assertEquals(2, r.pca().components());
        assertEquals(80, r.pca().projected().length);
        // Four equidistant centres: the two plotted axes carry about 2 of the 3 between-style directions.
        double[] ratio = report.explainedVarianceRatio();
        assertArrayEquals(r.pca().explainedVarianceRatio(), ratio);
        assertTrue(ratio[0] + ratio[1] > 0.55 && ratio[0] + ratio[1] < 0.7, ratio[0] + " + " + ratio[1]);
        assertArrayEquals(KMeans.cluster(latents, 4, 17), r.clusters());
        assertEquals(r, LatentAnalysis.analyse(latents, labels, 4, 17));
    }

    @Test
    void reportBecomesLatentJson(@TempDir Path dir) throws Exception {
        LatentReport report = new LatentReport(6, 2, 0.5158037429793888, 8.0 / 33, 5.0 / 6, new double[] {0.8, 0.2});
        Map<String, Object> json = report.toJson();
        assertEquals(List.of("points", "clusters", "nmi", "adjusted_rand_index", "purity", "explained_variance_ratio"),
                List.copyOf(json.keySet()));
        assertEquals(List.of(0.8, 0.2), json.get("explained_variance_ratio"));
        Path file = dir.resolve("latent.json");
        Json.write(file, json);
        Map<String, Object> back = Json.read(file);
        assertEquals(6, back.get("points"));
        assertEquals(8.0 / 33, (Double) back.get("adjusted_rand_index"), 0);
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void rejectsBadInput() {
        int[] labels = new int[8];
        double[][] latents = latents(labels, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatentAnalysis.analyse(latents, new int[7], 4, 0));
        assertEquals("8 latents but 7 labels", e.getMessage());
        int[] bad = labels.clone();
        bad[5] = 4;
        e = assertThrows(IllegalArgumentException.class, () -> LatentAnalysis.analyse(latents, bad, 4, 0));
        assertEquals("labels[5] = 4 is outside 0..3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LatentAnalysis.analyse(latents, labels, 9, 0));
        assertThrows(IllegalArgumentException.class,
                () -> LatentAnalysis.analyse(new double[][] {{1}, {2}}, new int[] {0, 0}, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LatentReport(1, 0, 0, 0, 0, new double[0]));
    }
}
