package io.github.wikiart.data.synth;

import java.awt.image.BufferedImage;

/** Simple per-image statistics used by the synthetic-style tests. */
final class ImageStats {
    private ImageStats() {
    }

    static double luminance(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }

    /** Mean R, G, B, luminance std, mean |horizontal gradient|, mean |vertical gradient|. */
    static double[] features(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = image.getRGB(0, 0, w, h, null, 0, w);
        double r = 0;
        double g = 0;
        double b = 0;
        double[] lum = new double[px.length];
        double lumSum = 0;
        for (int i = 0; i < px.length; i++) {
            r += (px[i] >> 16) & 0xFF;
            g += (px[i] >> 8) & 0xFF;
            b += px[i] & 0xFF;
            lum[i] = luminance(px[i]);
            lumSum += lum[i];
        }
        int n = px.length;
        double lumMean = lumSum / n;
        double var = 0;
        for (double l : lum) {
            var += (l - lumMean) * (l - lumMean);
        }
        double gh = 0;
        double gv = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (x + 1 < w) {
                    gh += Math.abs(lum[y * w + x + 1] - lum[y * w + x]);
                }
                if (y + 1 < h) {
                    gv += Math.abs(lum[(y + 1) * w + x] - lum[y * w + x]);
                }
            }
        }
        return new double[] {r / n, g / n, b / n, Math.sqrt(var / n),
            gh / ((w - 1) * h), gv / (w * (h - 1))};
    }

    /** Mean luminance over a {@code grid x grid} block partition, row-major. */
    static double[] blockLuminance(BufferedImage image, int grid) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] sums = new double[grid * grid];
        int[] counts = new int[grid * grid];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int cell = (y * grid / h) * grid + x * grid / w;
                sums[cell] += luminance(image.getRGB(x, y));
                counts[cell]++;
            }
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= counts[i];
        }
        return sums;
    }

    /** Pearson correlation; 0 if either vector is constant. */
    static double correlation(double[] a, double[] b) {
        return io.github.wikiart.data.LayoutSimilarity.correlation(a, b);
    }
}
