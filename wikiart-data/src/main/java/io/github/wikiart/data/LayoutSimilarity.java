package io.github.wikiart.data;

/**
 * How much two images share their coarse layout, ignoring colour and texture: the Pearson
 * correlation of their luminance averaged over a {@code grid x grid} block partition. Used to check
 * that synthetic renderings of one content in different styles share a layout, and to measure how
 * much content a style transfer keeps.
 */
public final class LayoutSimilarity {
    private LayoutSimilarity() {
    }

    /**
     * Mean luminance (0.299 R + 0.587 G + 0.114 B) per block, row-major.
     *
     * @param hwc interleaved RGB values of a square image, row-major ({@code side * side * 3})
     * @param side the image side
     * @param grid blocks per side
     * @return {@code grid * grid} block means
     */
    public static double[] blockLuminance(float[] hwc, int side, int grid) {
        if (hwc.length != side * side * 3) {
            throw new IllegalArgumentException("expected " + side * side * 3 + " values, got " + hwc.length);
        }
        double[] sums = new double[grid * grid];
        int[] counts = new int[grid * grid];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int p = 3 * (y * side + x);
                int cell = (y * grid / side) * grid + x * grid / side;
                sums[cell] += 0.299 * hwc[p] + 0.587 * hwc[p + 1] + 0.114 * hwc[p + 2];
                counts[cell]++;
            }
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= Math.max(1, counts[i]);
        }
        return sums;
    }

    /**
     * Pearson correlation.
     *
     * @param a one vector
     * @param b another of the same length
     * @return the correlation, or 0 when either vector is constant
     */
    public static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
