package io.github.wikiart.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Resizes RGB images to a square of a fixed side and turns them into interleaved RGB bytes.
 *
 * <p>Downscaling halves the image with bilinear filtering until it is within a factor of two of
 * the target, then scales once more, which avoids the aliasing of a single bilinear step.
 * The original system's {@code img_size_modifier} (a factor on its 416 px images) is expressed by
 * the side: 0.25 is {@code side = 104}. Instances are immutable and thread-safe.
 *
 * @param side the target side in pixels
 * @param mode how the aspect ratio is handled
 */
public record ImageResizer(int side, ResizeMode mode) {
    /** Validates the side and mode. */
    public ImageResizer {
        if (side < 1) {
            throw new IllegalArgumentException("image side must be >= 1, got " + side);
        }
        Objects.requireNonNull(mode, "mode");
    }

    /**
     * Resizes an image.
     *
     * @param image any image (converted to RGB first)
     * @return a {@code side x side} TYPE_INT_RGB image
     */
    public BufferedImage resize(BufferedImage image) {
        // Scaling reads 3-byte BGR directly; converting it first would cost a full-size pass.
        BufferedImage src = image.getType() == BufferedImage.TYPE_3BYTE_BGR ? image : ImageDecoder.toRgb(image);
        int w = src.getWidth();
        int h = src.getHeight();
        if (w == side && h == side) {
            return ImageDecoder.toRgb(src);
        }
        return switch (mode) {
            case STRETCH -> scale(src, side, side);
            case CROP -> {
                double s = (double) side / Math.min(w, h);
                int sw = Math.max(side, (int) Math.round(w * s));
                int sh = Math.max(side, (int) Math.round(h * s));
                BufferedImage scaled = scale(src, sw, sh);
                yield copyOf(scaled.getSubimage((sw - side) / 2, (sh - side) / 2, side, side));
            }
            case PAD -> {
                double s = (double) side / Math.max(w, h);
                int sw = Math.max(1, (int) Math.round(w * s));
                int sh = Math.max(1, (int) Math.round(h * s));
                BufferedImage scaled = scale(src, sw, sh);
                BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = out.createGraphics();
                try {
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, side, side);
                    g.drawImage(scaled, (side - sw) / 2, (side - sh) / 2, null);
                } finally {
                    g.dispose();
                }
                yield out;
            }
        };
    }

    /**
     * Resizes an image and returns its pixels as bytes in row-major, interleaved R, G, B order
     * ({@code side * side * 3} bytes, each 0..255 unsigned).
     *
     * @param image any image
     * @return the bytes
     */
    public byte[] resizeToBytes(BufferedImage image) {
        return resizeToPixels(image).toRgbBytes(side * side);
    }

    /**
     * Resizes an image and returns its pixels, as a view of the image's own raster when it
     * already has the target size (no copy).
     *
     * @param image any image
     * @return {@code side * side} pixels
     */
    public RgbPixels resizeToPixels(BufferedImage image) {
        if (image.getWidth() == side && image.getHeight() == side && image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return RgbPixels.of(image);
        }
        return RgbPixels.of(rgbBytes(resize(image)));
    }

    /**
     * The pixels of an RGB image as interleaved bytes, row-major. TYPE_3BYTE_BGR and TYPE_INT_RGB
     * images that own their whole raster are read straight from it, which is several times faster
     * than {@link BufferedImage#getRGB}; other images go through {@code getRGB}.
     *
     * @param rgb an opaque image (TYPE_INT_RGB or TYPE_3BYTE_BGR for the fast path)
     * @return {@code width * height * 3} bytes
     */
    public static byte[] rgbBytes(BufferedImage rgb) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        RgbPixels view = RgbPixels.rasterView(rgb);
        if (view != null) {
            return view.toRgbBytes(w * h);
        }
        java.awt.image.WritableRaster raster = rgb.getRaster();
        boolean whole = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getSampleModel().getWidth() == w && raster.getSampleModel().getHeight() == h;
        int[] pixels;
        if (whole && rgb.getType() == BufferedImage.TYPE_INT_RGB
                && raster.getSampleModel() instanceof java.awt.image.SinglePixelPackedSampleModel model
                && model.getScanlineStride() == w
                && raster.getDataBuffer() instanceof java.awt.image.DataBufferInt ints && ints.getOffset() == 0) {
            pixels = ints.getData();
        } else {
            pixels = rgb.getRGB(0, 0, w, h, null, 0, w);
        }
        byte[] out = new byte[w * h * 3];
        for (int i = 0, j = 0; i < w * h; i++) {
            int p = pixels[i];
            out[j++] = (byte) (p >> 16);
            out[j++] = (byte) (p >> 8);
            out[j++] = (byte) p;
        }
        return out;
    }

    /**
     * Scales an image to any width and height with the same filtering as {@link #resize} (halving
     * steps, then one bilinear step), for inputs that keep their aspect ratio.
     *
     * @param image any image (converted to RGB first)
     * @param width the target width, at least 1
     * @param height the target height, at least 1
     * @return a {@code width x height} TYPE_INT_RGB image ({@code image} itself when it already is one of that size)
     * @throws IllegalArgumentException when a side is below 1
     */
    public static BufferedImage scaleTo(BufferedImage image, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("target size must be at least 1x1, got " + width + "x" + height);
        }
        BufferedImage src = ImageDecoder.toRgb(image);
        return src.getWidth() == width && src.getHeight() == height ? src : scale(src, width, height);
    }

    private static BufferedImage scale(BufferedImage src, int tw, int th) {
        BufferedImage current = src;
        int w = src.getWidth();
        int h = src.getHeight();
        while (w / 2 >= tw && h / 2 >= th) {
            w /= 2;
            h /= 2;
            current = draw(current, w, h);
        }
        if (w != tw || h != th) {
            current = draw(current, tw, th);
        }
        return current;
    }

    private static BufferedImage draw(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage copyOf(BufferedImage sub) {
        BufferedImage out = new BufferedImage(sub.getWidth(), sub.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(sub, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
