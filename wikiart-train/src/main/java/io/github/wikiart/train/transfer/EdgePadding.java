package io.github.wikiart.train.transfer;

import java.awt.image.BufferedImage;

/**
 * Pads an image on the right and bottom by repeating its last column and row, and crops it back:
 * how a picture of any size is brought to a size a strided network accepts. Repeated edges keep
 * the padding's colours those of the picture, so they barely move its instance-norm statistics.
 */
final class EdgePadding {
    private EdgePadding() {
    }

    /**
     * @param rgb an RGB image
     * @param width the new width, at least the image's
     * @param height the new height, at least the image's
     * @return a {@code width x height} TYPE_INT_RGB image whose top-left part is {@code rgb}
     */
    static BufferedImage pad(BufferedImage rgb, int width, int height) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        if (width < w || height < h) {
            throw new IllegalArgumentException("cannot pad " + w + "x" + h + " to " + width + "x" + height);
        }
        int[] row = new int[width];
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            rgb.getRGB(0, Math.min(y, h - 1), w, 1, row, 0, w);
            java.util.Arrays.fill(row, w, width, row[w - 1]);
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    /**
     * @param image an image
     * @param width the width to keep
     * @param height the height to keep
     * @return a copy of its top-left {@code width x height} part
     */
    static BufferedImage crop(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, width, height, image.getRGB(0, 0, width, height, null, 0, width), 0, width);
        return out;
    }
}
