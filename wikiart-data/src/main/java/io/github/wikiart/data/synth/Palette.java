package io.github.wikiart.data.synth;

/**
 * A colour ramp from dark to light: a value in {@code [0, 1]} maps to a colour by linear
 * interpolation between evenly spaced stops. Immutable.
 */
final class Palette {
    private final int[][] stops;

    private Palette(int[][] stops) {
        this.stops = stops;
    }

    /** A palette from packed {@code 0xRRGGBB} stops, darkest first. */
    static Palette of(int... rgb) {
        if (rgb.length < 2) {
            throw new IllegalArgumentException("a palette needs at least 2 stops, got " + rgb.length);
        }
        int[][] stops = new int[rgb.length][];
        for (int i = 0; i < rgb.length; i++) {
            stops[i] = new int[] {(rgb[i] >> 16) & 0xFF, (rgb[i] >> 8) & 0xFF, rgb[i] & 0xFF};
        }
        return new Palette(stops);
    }

    /** The packed RGB colour at {@code value} (clamped to [0, 1]). */
    int rgb(double value) {
        return shaded(value, 1.0, 0);
    }

    /**
     * The colour at {@code value}, multiplied by {@code brightness} and shifted by {@code offset}
     * grey levels, clamped to 0..255 per channel.
     */
    int shaded(double value, double brightness, int offset) {
        double v = clamp01(value) * (stops.length - 1);
        int i = Math.min((int) v, stops.length - 2);
        double f = v - i;
        int[] a = stops[i];
        int[] b = stops[i + 1];
        int r = channel((a[0] + (b[0] - a[0]) * f) * brightness + offset);
        int g = channel((a[1] + (b[1] - a[1]) * f) * brightness + offset);
        int bl = channel((a[2] + (b[2] - a[2]) * f) * brightness + offset);
        return (r << 16) | (g << 8) | bl;
    }

    static double clamp01(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }

    static int channel(double v) {
        long r = Math.round(v);
        return r < 0 ? 0 : (r > 255 ? 255 : (int) r);
    }
}
