package io.github.wikiart.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.WritableRaster;
import java.nio.FloatBuffer;

/**
 * Interleaved 8-bit RGB pixels, row-major: pixel {@code p} has red at
 * {@code data[offset + 3p + red]}, green at {@code + green}, blue at {@code + blue}. Either a view
 * of a decoded image's own raster (most JPEG files decode to 3-byte BGR, readable in place) or a
 * plain RGB byte array; converting to floats reads it once, with no intermediate copy.
 *
 * @param data the bytes (not copied: do not modify)
 * @param offset index of the first pixel's first byte
 * @param red offset of red within a pixel, 0..2
 * @param green offset of green within a pixel, 0..2
 * @param blue offset of blue within a pixel, 0..2
 */
public record RgbPixels(byte[] data, int offset, int red, int green, int blue) {
    private static final float[] SCALE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            SCALE[i] = i / 255f;
        }
    }

    /**
     * The inverse of {@link #toFloats}: values in [0, 1] (clamped; NaN becomes 0) back to an image,
     * each channel {@code round(255 v)}.
     *
     * @param values {@code 3 * side * side} floats, as {@link #toFloats} writes them for the layout
     * @param side width and height
     * @param layout NCHW reads three planes, NHWC interleaved R, G, B
     * @return a TYPE_INT_RGB image
     * @throws IllegalArgumentException if the length is not {@code 3 * side * side}
     */
    public static BufferedImage toImage(float[] values, int side, TensorLayout layout) {
        if (side < 1) {
            throw new IllegalArgumentException("side must be positive, got " + side);
        }
        return toImage(values, side, side, layout);
    }

    /**
     * {@link #toImage(float[], int, TensorLayout)} for a {@code width x height} image.
     *
     * @param values {@code 3 * width * height} floats, as {@link #toFloats} writes them for the layout
     * @param width the width
     * @param height the height
     * @param layout NCHW reads three planes, NHWC interleaved R, G, B
     * @return a TYPE_INT_RGB image
     * @throws IllegalArgumentException if a side is not positive or the length is not {@code 3 * width * height}
     */
    public static BufferedImage toImage(float[] values, int width, int height, TensorLayout layout) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width and height must be positive, got " + width + "x" + height);
        }
        int pixels = width * height;
        if ((long) values.length != 3L * pixels) {
            throw new IllegalArgumentException("expected 3 x " + height + " x " + width + " = " + 3L * pixels
                    + " values, got " + values.length);
        }
        int[] argb = new int[pixels];
        boolean planes = layout == TensorLayout.NCHW;
        for (int p = 0; p < pixels; p++) {
            int r = planes ? p : 3 * p;
            int step = planes ? pixels : 1;
            argb[p] = (toByte(values[r]) << 16) | (toByte(values[r + step]) << 8) | toByte(values[r + 2 * step]);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }

    /** @param v a value in [0, 1] @return {@code round(255 v)}, clamped to 0..255, NaN as 0 */
    private static int toByte(float v) {
        if (!(v > 0)) {
            return 0;
        }
        return v >= 1 ? 255 : Math.round(v * 255f);
    }

    /** @param rgb interleaved R, G, B bytes @return a view of them */
    public static RgbPixels of(byte[] rgb) {
        return new RgbPixels(rgb, 0, 0, 1, 2);
    }

    /**
     * A view of the pixels of an opaque image: no copy when it is TYPE_3BYTE_BGR and owns its
     * whole raster, otherwise its bytes as {@link ImageResizer#rgbBytes} gives them.
     *
     * @param image an opaque RGB image
     * @return its pixels
     */
    public static RgbPixels of(BufferedImage image) {
        RgbPixels view = rasterView(image);
        return view != null ? view : of(ImageResizer.rgbBytes(image));
    }

    /** @return a view of a whole TYPE_3BYTE_BGR raster, or null when the image is not one */
    static RgbPixels rasterView(BufferedImage image) {
        int w = image.getWidth();
        WritableRaster raster = image.getRaster();
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel model
                && model.getWidth() == w && model.getHeight() == image.getHeight()
                && model.getPixelStride() == 3 && model.getScanlineStride() == 3 * w
                && raster.getDataBuffer() instanceof DataBufferByte bytes && bytes.getNumBanks() == 1) {
            int[] band = model.getBandOffsets();
            return new RgbPixels(bytes.getData(), bytes.getOffset(), band[0], band[1], band[2]);
        }
        return null;
    }

    /** @param pixels the number of pixels @return them as interleaved R, G, B bytes (a copy unless already so) */
    public byte[] toRgbBytes(int pixels) {
        if (offset == 0 && red == 0 && green == 1 && blue == 2 && data.length == 3 * pixels) {
            return data;
        }
        byte[] out = new byte[3 * pixels];
        for (int p = 0, i = offset; p < pixels; p++, i += 3) {
            out[3 * p] = data[i + red];
            out[3 * p + 1] = data[i + green];
            out[3 * p + 2] = data[i + blue];
        }
        return out;
    }

    /**
     * Writes the pixels scaled to [0, 1] (value / 255).
     *
     * @param pixels the number of pixels
     * @param layout NCHW writes three planes, NHWC interleaved R, G, B
     * @param out receives {@code 3 * pixels} floats
     */
    public void toFloats(int pixels, TensorLayout layout, float[] out) {
        toFloats(pixels, layout, FloatBuffer.wrap(out), 0);
    }

    /**
     * Writes the pixels scaled to [0, 1] (value / 255) straight into a buffer, typically an
     * array's native memory (no intermediate float array: for a 416 px image in NCHW that is
     * 0.25 ms instead of 0.40 ms for a float array plus a bulk copy).
     *
     * @param pixels the number of pixels
     * @param layout NCHW writes three planes, one after the other; NHWC interleaved R, G, B
     * @param out receives {@code 3 * pixels} floats from index {@code at} (absolute puts: its
     *     position is not used or moved)
     * @param at the index of the first float
     */
    public void toFloats(int pixels, TensorLayout layout, FloatBuffer out, int at) {
        if (layout == TensorLayout.NHWC) {
            for (int p = 0, i = offset, o = at; p < pixels; p++, i += 3, o += 3) {
                out.put(o, SCALE[data[i + red] & 0xFF]);
                out.put(o + 1, SCALE[data[i + green] & 0xFF]);
                out.put(o + 2, SCALE[data[i + blue] & 0xFF]);
            }
        } else {
            // A plane at a time: three sequential write streams one after another beat interleaved ones.
            int[] channel = {red, green, blue};
            for (int c = 0; c < 3; c++) {
                int base = at + c * pixels;
                for (int p = 0, i = offset + channel[c]; p < pixels; p++, i += 3) {
                    out.put(base + p, SCALE[data[i] & 0xFF]);
                }
            }
        }
    }
}
