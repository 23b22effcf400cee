package io.github.wikiart.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The styles are told apart by simple statistics, and the content is shared across styles. */
class SyntheticStyleSeparabilityTest {
    private static final int STYLES = 8;
    private static final int TRAIN = 20;
    private static final int HELD_OUT = 15;
    private static final int SIZE = 64;

    private final SyntheticStyles gen = SyntheticStyles.builder().styles(STYLES).size(SIZE).seed(7).build();

    @Test
    void nearestCentroidOnSimpleFeaturesSeparatesEightStyles() {
        List<double[]> trainX = new ArrayList<>();
        List<Integer> trainY = new ArrayList<>();
        List<double[]> testX = new ArrayList<>();
        List<Integer> testY = new ArrayList<>();
        for (int s = 0; s < STYLES; s++) {
            for (int i = 0; i < TRAIN; i++) {
                trainX.add(ImageStats.features(gen.render(s, gen.contentSeed(SyntheticStyles.TRAIN, s, i), SIZE)));
                trainY.add(s);
            }
            for (int i = 0; i < HELD_OUT; i++) {
                testX.add(ImageStats.features(gen.render(s, gen.contentSeed(SyntheticStyles.TEST, s, i), SIZE)));
                testY.add(s);
            }
        }
        int dims = trainX.get(0).length;
        double[] mean = new double[dims];
        double[] std = new double[dims];
        for (double[] f : trainX) {
            for (int d = 0; d < dims; d++) {
                mean[d] += f[d] / trainX.size();
            }
        }
        for (double[] f : trainX) {
            for (int d = 0; d < dims; d++) {
                std[d] += (f[d] - mean[d]) * (f[d] - mean[d]) / trainX.size();
            }
        }
        for (int d = 0; d < dims; d++) {
            std[d] = Math.sqrt(std[d]) + 1e-9;
        }
        double[][] centroids = new double[STYLES][dims];
        for (int i = 0; i < trainX.size(); i++) {
            for (int d = 0; d < dims; d++) {
                centroids[trainY.get(i)][d] += (trainX.get(i)[d] - mean[d]) / std[d] / TRAIN;
            }
        }
        int correct = 0;
        for (int i = 0; i < testX.size(); i++) {
            int best = -1;
            double bestDist = Double.MAX_VALUE;
            for (int c = 0; c < STYLES; c++) {
                double dist = 0;
                for (int d = 0; d < dims; d++) {
                    double z = (testX.get(i)[d] - mean[d]) / std[d] - centroids[c][d];
                    dist += z * z;
                }
                if (dist < bestDist) {
                    bestDist = dist;
                    best = c;
                }
            }
            if (best == testY.get(i)) {
                correct++;
            }
        }
        double accuracy = correct / (double) testX.size();
        assertTrue(accuracy >= 0.9, "nearest-centroid accuracy " + accuracy);
    }

    @Test
    void sameContentSeedSharesLayoutAcrossStyles() {
        int all = SyntheticStyles.availableStyles();
        SyntheticStyles every = SyntheticStyles.builder().styles(all).build();
        int seeds = 8;
        double[][][] blocks = new double[all][seeds][];
        for (int s = 0; s < all; s++) {
            for (int k = 0; k < seeds; k++) {
                blocks[s][k] = ImageStats.blockLuminance(every.render(s, 500 + k, SIZE), 8);
            }
        }
        double sameContent = 0;
        int sameCount = 0;
        double sameStyle = 0;
        int styleCount = 0;
        for (int a = 0; a < all; a++) {
            for (int b = a + 1; b < all; b++) {
                double pair = 0;
                for (int k = 0; k < seeds; k++) {
                    double c = ImageStats.correlation(blocks[a][k], blocks[b][k]);
                    assertTrue(c > 0, "content seed " + (500 + k) + ", styles " + a + "/" + b + ": " + c);
                    pair += c / seeds;
                }
                assertTrue(pair > 0.4, "styles " + a + "/" + b + ", mean over seeds: " + pair);
                sameContent += pair;
                sameCount++;
            }
            for (int k = 0; k < seeds; k++) {
                for (int k2 = k + 1; k2 < seeds; k2++) {
                    sameStyle += ImageStats.correlation(blocks[a][k], blocks[a][k2]);
                    styleCount++;
                }
            }
        }
        sameContent /= sameCount;
        sameStyle /= styleCount;
        assertTrue(sameContent > 0.6, "mean correlation, same content: " + sameContent);
        assertTrue(sameContent > sameStyle + 0.4,
                "same content " + sameContent + " vs same style, other content " + sameStyle);
    }

    @Test
    void renderIsRepeatableAndStyleTextureDiffers() {
        BufferedImage a = gen.render(2, 99, 32);
        BufferedImage b = gen.render(2, 99, 32);
        assertEquals(BufferedImage.TYPE_INT_RGB, a.getType());
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                assertEquals(a.getRGB(x, y), b.getRGB(x, y));
            }
        }
    }
}
