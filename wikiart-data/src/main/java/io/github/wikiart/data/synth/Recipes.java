package io.github.wikiart.data.synth;

import java.util.SplittableRandom;

/**
 * The rendering recipes of the built-in styles. Every recipe keeps tone order (darker content
 * gives darker pixels on average) so the layout stays visible in every style, and uses only
 * integer pixel loops, {@link StrictMath} and the given random stream, so output is exact.
 */
final class Recipes {
    private Recipes() {
    }

    /** Dense random dots of jittered palette colours over a cream ground. */
    static void pointillism(ContentMap content, Palette palette, SplittableRandom rnd, Canvas canvas) {
        int size = canvas.size();
        fillAll(canvas, 0xF6EBD2);
        int spacing = Math.max(2, Math.round(size / 22f));
        int radius = Math.max(1, (int) (spacing * 0.6));
        int dots = (int) Math.ceil(2.5 * square(size / (double) spacing));
        for (int i = 0; i < dots; i++) {
            int x = rnd.nextInt(size);
            int y = rnd.nextInt(size);
            double v = content.at(x, y) + jitter(rnd, 0.12);
            canvas.fillDisc(x, y, radius, palette.shaded(v, 1.0, (int) jitter(rnd, 14)));
        }
    }

    /** Posterised flat colour cut by hard-edged vertical stripes of alternating brightness. */
    static void hardEdgeStripes(ContentMap content, Palette palette, SplittableRandom rnd, Canvas canvas) {
        int size = canvas.size();
        int band = Math.max(2, size / 16);
        int phase = rnd.nextInt(band * 2);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double level = Math.min(3, (int) (content.at(x, y) * 4)) / 3.0;
                boolean odd = ((x + phase) / band) % 2 == 1;
                canvas.set(x, y, palette.shaded(level, odd ? 0.55 : 1.0, 0));
            }
        }
    }

    /** Posterised blues crossed by rows of sinusoidal wave lines, light on dark and dark on light. */
    static void ukiyoWaves(ContentMap content, Palette palette, SplittableRandom rnd, Canvas canvas) {
        int size = canvas.size();
        int period = Math.max(4, size / 12);
        double amplitude = period * 0.4;
        double wavelength = size / 2.5;
        double phase = rnd.nextDouble() * 2 * Math.PI;
        int thickness = Math.max(1, size / 48);
        int foam = 0xE6F0F5;
        int ink = 0x0A1430;
        double[] wave = new double[size];
        for (int x = 0; x < size; x++) {
            wave[x] = amplitude * StrictMath.sin(2 * Math.PI * x / wavelength + phase);
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double level = Math.min(4, (int) (content.at(x, y) * 5)) / 4.0;
                double d = Math.floorMod((int) Math.floor(y + wave[x]), period);
                if (d < thickness) {
                    canvas.set(x, y, level < 0.5 ? foam : ink);
                } else {
                    canvas.set(x, y, palette.shaded(level, 1.0, (int) jitter(rnd, 4)));
                }
            }
        }
    }

    /** A halftone of staggered dots, larger where the content is darker, on a yellow ground. */
    static void popDots(ContentMap content, Palette palette, SplittableRandom rnd, Canvas canvas) {
        int size = canvas.size();
        int cell = Math.max(3, size / 11);
        int ox = rnd.nextInt(cell);
        int oy = rnd.nextInt(cell);
        int ground = 0xFFEE99;
        for (int y = 0; y < size; y++) {
            int row = Math.floorDiv(y + oy, cell);
            int shift = (row & 1) == 1 ? cell / 2 : 0;
            double cy = row * cell + cell / 2.0 - oy;
            for (int x = 0; x < size; x++) {
                int col = Math.floorDiv(x + ox + shift, cell);
                double cx = col * cell + cell / 2.0 - ox - shift;
                double v = content.at((int) cx, (int) cy);
                double r = cell * (0.18 + 0.42 * (1 - v));
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                canvas.set(x, y, dx * dx + dy * dy <= r * r ? palette.rgb(v) : ground);
            }
        }
    }

    /** Voronoi facets, each with its own shading offset and gradient, outlined in dark lines. */
    static void cubistFacets(ContentMap content, Palette palette, SplittableRandom rnd, Canvas canvas) {
        int size = canvas.size();
        int n = 18 + rnd.nextInt(10);
        double[] sx = new double[n];
        double[] sy = new double[n];
        double[] offset = new double[n];
        double[] gx = new double[n];
        double[] gy = new double[n];
        for (int i = 0; i < n; i++) {
            sx[i] = rnd.nextDouble() * size;
            sy[i] = rnd.nextDouble() * size;
            offset[i] = jitter(rnd, 0.12);
            gx[i] = jitter(rnd, 0.5) / size;
            gy[i] = jitter(rnd, 0.5) / size;
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double px = x + 0.5;
                double py = y + 0.5;
                int best = 0;
                double d1 = Double.MAX_VALUE;
                double d2 = Double.MAX_VALUE;
                for (int i = 0; i < n; i++) {
                    double d = square(px - sx[i]) + square(py - sy[i]);
                    if (d < d1) {
                        d2 = d1;
                        d1 = d;
                        best = i;
                    } else if (d < d2) {
                        d2 = d;
                    }
                }
                double v = content.at(x, y) + offset[best]
                        + gx[best] * (px - sx[best]) + gy[best] * (py - sy[best]);
                canvas.set(x, y, palette.rgb(v));
                if (Math.sqrt(d2) - Math.sqrt(d1) < 1.2) {
                    canvas.darken(x, y, 0.55);
                }
            }
        }
    }

    /** Ink lines at 45 degrees on paper, thicker where darker, cross-hatched in the shadows. */
    static void inkHatching(ContentMap content, Palette palette, SplittableRandom rnd, Canvas canvas) {
        int size = canvas.size();
        int period = Math.max(3, size / 14);
        int lines = 2 * size / period + 4;
        double[] wobble = new double[lines];
        for (int i = 0; i < lines; i++) {
            wobble[i] = rnd.nextDouble() * 0.8;
        }
        int paper = palette.rgb(1.0);
        int ink = palette.rgb(0.0);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dark = 1 - content.at(x, y);
                int diag = x + y;
                double d = diag % period + wobble[diag / period];
                boolean inked = d < dark * period * 0.75;
                if (!inked && dark > 0.55) {
                    int anti = x - y + size;
                    double e = anti % period + wobble[anti / period];
                    inked = e < (dark - 0.45) * period * 0.8;
                }
                canvas.set(x, y, inked ? ink : paper);
                canvas.addGrey(x, y, (int) jitter(rnd, 6));
            }
        }
    }

    /** Smooth, blurred fields of deep colour with slow large-scale variation; no grain. */
    static void colorField(ContentMap content, Palette palette, SplittableRandom rnd, Canvas canvas) {
        int size = canvas.size();
        float[] blurred = boxBlur(content.copyValues(), size, Math.max(1, size / 20));
        int grid = 4;
        double[] field = new double[grid * grid];
        for (int i = 0; i < field.length; i++) {
            field[i] = jitter(rnd, 0.16);
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = blurred[y * size + x] + bilinear(field, grid, (x + 0.5) / size, (y + 0.5) / size);
                canvas.set(x, y, palette.rgb(v));
            }
        }
    }

    /** Square tiles of jittered colour separated by dark grout lines. */
    static void mosaicTiles(ContentMap content, Palette palette, SplittableRandom rnd, Canvas canvas) {
        int size = canvas.size();
        int tile = Math.max(3, size / 12);
        int ox = rnd.nextInt(tile);
        int oy = rnd.nextInt(tile);
        int n = size / tile + 2;
        int[] colours = new int[n * n];
        for (int ty = 0; ty < n; ty++) {
            for (int tx = 0; tx < n; tx++) {
                int cx = tx * tile + tile / 2 - ox;
                int cy = ty * tile + tile / 2 - oy;
                double v = content.at(cx, cy) + jitter(rnd, 0.07);
                colours[ty * n + tx] = palette.shaded(v, 1.0, (int) jitter(rnd, 20));
            }
        }
        int grout = 0x3A3833;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean line = (x + ox) % tile == 0 || (y + oy) % tile == 0;
                canvas.set(x, y, line ? grout : colours[((y + oy) / tile) * n + (x + ox) / tile]);
            }
        }
    }

    /** Many short thick strokes laid at a common slant over a grainy base. */
    static void impastoStrokes(ContentMap content, Palette palette, SplittableRandom rnd, Canvas canvas) {
        int size = canvas.size();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                canvas.set(x, y, palette.shaded(content.at(x, y), 1.0, (int) jitter(rnd, 12)));
            }
        }
        int radius = Math.max(1, size / 96);
        int length = Math.max(4, size / 7);
        int step = Math.max(1, radius / 2);
        int strokes = (int) Math.round(1.6 * size * (double) size / (length * (2.0 * radius + 1)));
        for (int i = 0; i < strokes; i++) {
            int x0 = rnd.nextInt(size);
            int y0 = rnd.nextInt(size);
            double angle = -Math.PI / 3 + jitter(rnd, 0.6);
            double cos = StrictMath.cos(angle);
            double sin = StrictMath.sin(angle);
            int colour = palette.shaded(content.at(x0, y0) + jitter(rnd, 0.1), 1.0, (int) jitter(rnd, 24));
            int len = length / 2 + rnd.nextInt(length);
            for (int t = 0; t <= len; t += step) {
                canvas.fillDisc((int) Math.round(x0 + t * cos), (int) Math.round(y0 + t * sin), radius, colour);
            }
        }
    }

    /** Contrasty desaturated tones with a vignette and heavy film grain. */
    static void noirGrain(ContentMap content, Palette palette, SplittableRandom rnd, Canvas canvas) {
        int size = canvas.size();
        for (int y = 0; y < size; y++) {
            double dy = (y + 0.5) / size - 0.5;
            for (int x = 0; x < size; x++) {
                double dx = (x + 0.5) / size - 0.5;
                double v = 0.5 + (content.at(x, y) - 0.5) * 1.3;
                v *= 1 - 0.7 * (dx * dx + dy * dy);
                v += (rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble() - 1.5) * 0.22;
                canvas.set(x, y, palette.rgb(v));
            }
        }
    }

    private static void fillAll(Canvas canvas, int rgb) {
        for (int y = 0; y < canvas.size(); y++) {
            for (int x = 0; x < canvas.size(); x++) {
                canvas.set(x, y, rgb);
            }
        }
    }

    /** A separable box blur with clamped edges. */
    static float[] boxBlur(float[] src, int size, int radius) {
        float[] tmp = new float[src.length];
        float[] dst = new float[src.length];
        float norm = 1f / (2 * radius + 1);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += src[y * size + clamp(x + k, size)];
                }
                tmp[y * size + x] = sum * norm;
            }
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += tmp[clamp(y + k, size) * size + x];
                }
                dst[y * size + x] = sum * norm;
            }
        }
        return dst;
    }

    private static double bilinear(double[] grid, int n, double fx, double fy) {
        double gx = fx * (n - 1);
        double gy = fy * (n - 1);
        int ix = Math.min((int) gx, n - 2);
        int iy = Math.min((int) gy, n - 2);
        double tx = gx - ix;
        double ty = gy - iy;
        double top = grid[iy * n + ix] * (1 - tx) + grid[iy * n + ix + 1] * tx;
        double bottom = grid[(iy + 1) * n + ix] * (1 - tx) + grid[(iy + 1) * n + ix + 1] * tx;
        return top * (1 - ty) + bottom * ty;
    }

    private static int clamp(int i, int size) {
        return i < 0 ? 0 : (i >= size ? size - 1 : i);
    }

    private static double jitter(SplittableRandom rnd, double amplitude) {
        return (rnd.nextDouble() * 2 - 1) * amplitude;
    }

    private static double square(double v) {
        return v * v;
    }
}
