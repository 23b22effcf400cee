package io.github.wikiart.data.synth;

import java.util.SplittableRandom;

/**
 * The content of one image, independent of style: a map of tone values in {@code [0, 1]}
 * (0 dark, 1 light) with a background (optionally split by a tilted horizon) and a few large
 * shapes (circles, ellipses, rotated rectangles, triangles). Drawn from a random stream seeded
 * only by the content seed, in coordinates relative to the image size, so the same seed gives
 * the same layout in every style. Immutable after construction.
 */
final class ContentMap {
    private static final int CIRCLE = 0;
    private static final int ELLIPSE = 1;
    private static final int RECTANGLE = 2;
    private static final int TRIANGLE = 3;

    private final int size;
    private final float[] values;

    private ContentMap(int size, float[] values) {
        this.size = size;
        this.values = values;
    }

    /** Draws the content for {@code contentSeed} at {@code size x size} pixels. */
    static ContentMap generate(long contentSeed, int size) {
        SplittableRandom rnd = new SplittableRandom(Seeds.combine(contentSeed, 0x636F6E74L));
        float[] values = new float[size * size];

        boolean darkBackground = rnd.nextBoolean();
        double sky = darkBackground ? range(rnd, 0.12, 0.35) : range(rnd, 0.65, 0.88);
        double tilt = range(rnd, -0.15, 0.15);
        boolean horizon = rnd.nextInt(3) > 0;
        double horizonY = range(rnd, 0.45, 0.75);
        double horizonSlope = range(rnd, -0.3, 0.3);
        double ground = darkBackground ? sky + range(rnd, 0.2, 0.35) : sky - range(rnd, 0.2, 0.35);
        for (int y = 0; y < size; y++) {
            double fy = (y + 0.5) / size;
            for (int x = 0; x < size; x++) {
                double fx = (x + 0.5) / size;
                double v = horizon && fy > horizonY + horizonSlope * (fx - 0.5) ? ground : sky;
                values[y * size + x] = (float) Palette.clamp01(v + tilt * (fy - 0.5));
            }
        }

        int shapes = 2 + rnd.nextInt(3);
        for (int s = 0; s < shapes; s++) {
            int kind = rnd.nextInt(4);
            double cx = range(rnd, 0.15, 0.85);
            double cy = range(rnd, 0.15, 0.85);
            double radius = range(rnd, 0.1, 0.26);
            double angle = range(rnd, 0, Math.PI);
            double aspect = range(rnd, 0.45, 0.9);
            double[] tri = new double[6];
            for (int k = 0; k < 3; k++) {
                double a = angle + k * (2 * Math.PI / 3) + range(rnd, -0.5, 0.5);
                double r = radius * range(rnd, 0.9, 1.4);
                tri[2 * k] = cx + r * StrictMath.cos(a);
                tri[2 * k + 1] = cy + r * StrictMath.sin(a);
            }
            // A shape contrasts with the tone under its centre: light on dark, dark on light.
            double under = values[clampIndex(cy, size) * size + clampIndex(cx, size)];
            double tone = under < 0.5 ? range(rnd, 0.72, 0.97) : range(rnd, 0.03, 0.28);
            fill(values, size, kind, cx, cy, radius, angle, aspect, tri, (float) tone);
        }
        return new ContentMap(size, values);
    }

    private static void fill(float[] values, int size, int kind, double cx, double cy, double radius,
                             double angle, double aspect, double[] tri, float tone) {
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        for (int y = 0; y < size; y++) {
            double fy = (y + 0.5) / size;
            for (int x = 0; x < size; x++) {
                double fx = (x + 0.5) / size;
                double dx = fx - cx;
                double dy = fy - cy;
                double u = dx * cos + dy * sin;
                double w = -dx * sin + dy * cos;
                boolean inside = switch (kind) {
                    case CIRCLE -> dx * dx + dy * dy <= radius * radius;
                    case ELLIPSE -> square(u / radius) + square(w / (radius * aspect)) <= 1;
                    case RECTANGLE -> Math.abs(u) <= radius && Math.abs(w) <= radius * aspect;
                    case TRIANGLE -> inTriangle(fx, fy, tri);
                    default -> throw new IllegalStateException("unknown shape " + kind);
                };
                if (inside) {
                    values[y * size + x] = tone;
                }
            }
        }
    }

    private static boolean inTriangle(double px, double py, double[] t) {
        double d1 = edge(px, py, t[0], t[1], t[2], t[3]);
        double d2 = edge(px, py, t[2], t[3], t[4], t[5]);
        double d3 = edge(px, py, t[4], t[5], t[0], t[1]);
        boolean neg = d1 < 0 || d2 < 0 || d3 < 0;
        boolean pos = d1 > 0 || d2 > 0 || d3 > 0;
        return !(neg && pos);
    }

    private static double edge(double px, double py, double ax, double ay, double bx, double by) {
        return (px - bx) * (ay - by) - (ax - bx) * (py - by);
    }

    private static double square(double v) {
        return v * v;
    }

    private static int clampIndex(double f, int size) {
        return Math.max(0, Math.min(size - 1, (int) (f * size)));
    }

    private static double range(SplittableRandom rnd, double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }

    /** The side length in pixels. */
    int size() {
        return size;
    }

    /** The tone at pixel {@code (x, y)}, coordinates clamped into the image. */
    double at(int x, int y) {
        int cx = x < 0 ? 0 : (x >= size ? size - 1 : x);
        int cy = y < 0 ? 0 : (y >= size ? size - 1 : y);
        return values[cy * size + cx];
    }

    /** A copy of the tone map, row-major. */
    float[] copyValues() {
        return values.clone();
    }
}
