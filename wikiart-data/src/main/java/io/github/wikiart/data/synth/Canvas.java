package io.github.wikiart.data.synth;

import java.awt.image.BufferedImage;

/** A square buffer of packed RGB pixels with a few exact, integer-only drawing primitives. */
final class Canvas {
    private final int size;
    private final int[] pixels;

    /** A black canvas of {@code size x size} pixels. */
    Canvas(int size) {
        this.size = size;
        this.pixels = new int[size * size];
    }

    int size() {
        return size;
    }

    /** Sets a pixel; coordinates outside the canvas are ignored. */
    void set(int x, int y, int rgb) {
        if (x >= 0 && y >= 0 && x < size && y < size) {
            pixels[y * size + x] = rgb;
        }
    }

    int get(int x, int y) {
        return pixels[y * size + x];
    }

    /** Fills a disc of integer radius {@code r} (r = 0 is one pixel) centred on a pixel. */
    void fillDisc(int cx, int cy, int r, int rgb) {
        int r2 = r * r + r;
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                if (dx * dx + dy * dy <= r2) {
                    set(cx + dx, cy + dy, rgb);
                }
            }
        }
    }

    /** Multiplies the RGB channels of a pixel by {@code factor}. */
    void darken(int x, int y, double factor) {
        int p = pixels[y * size + x];
        int r = Palette.channel(((p >> 16) & 0xFF) * factor);
        int g = Palette.channel(((p >> 8) & 0xFF) * factor);
        int b = Palette.channel((p & 0xFF) * factor);
        pixels[y * size + x] = (r << 16) | (g << 8) | b;
    }

    /** Adds {@code delta} grey levels to all channels of a pixel, clamped. */
    void addGrey(int x, int y, int delta) {
        int p = pixels[y * size + x];
        int r = Palette.channel(((p >> 16) & 0xFF) + delta);
        int g = Palette.channel(((p >> 8) & 0xFF) + delta);
        int b = Palette.channel((p & 0xFF) + delta);
        pixels[y * size + x] = (r << 16) | (g << 8) | b;
    }

    /** A new {@link BufferedImage#TYPE_INT_RGB} image with these pixels. */
    BufferedImage toImage() {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, size, size, pixels, 0, size);
        return image;
    }
}
