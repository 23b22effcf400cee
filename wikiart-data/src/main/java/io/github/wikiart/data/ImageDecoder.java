package io.github.wikiart.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files of any common kind into 8-bit RGB.
 *
 * <p>Uses ImageIO with the TwelveMonkeys plugins (CMYK JPEG, WebP). The result is always opaque
 * 8-bit RGB: {@link BufferedImage#TYPE_3BYTE_BGR} as most JPEG files decode (kept as decoded, no
 * conversion), otherwise {@link BufferedImage#TYPE_INT_RGB}; grayscale, CMYK, palette, 16-bit and
 * alpha images are converted, with transparency composited onto white. The dimensions are read from the header first and an image with more
 * pixels than the limit is refused before its pixels are decoded (decompression bombs). When the
 * caller only needs a small image, large ones are subsampled while decoding, which is much faster.
 * Instances are immutable and thread-safe.
 */
public final class ImageDecoder {
    /** Default pixel limit: 100 megapixels. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    static {
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    private final long maxPixels;

    /** @param maxPixels the largest width x height accepted, at least 1 */
    public ImageDecoder(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be >= 1, got " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    /** A decoder with the default limit of 100 megapixels. */
    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** @return the pixel limit */
    public long maxPixels() {
        return maxPixels;
    }

    /**
     * Decodes a whole image at full resolution.
     *
     * @param file the image
     * @return the image as 8-bit RGB (TYPE_3BYTE_BGR or TYPE_INT_RGB)
     * @throws ImageDecodeException naming the file and the reason
     */
    public BufferedImage decode(Path file) throws ImageDecodeException {
        return decode(file, 0);
    }

    /**
     * Decodes an image, subsampling while reading so that its short side stays at least
     * {@code 2 * minSide} (no subsampling when {@code minSide <= 0}).
     *
     * @param file the image
     * @param minSide the side the caller will resize to
     * @return the image as 8-bit RGB (TYPE_3BYTE_BGR or TYPE_INT_RGB)
     * @throws ImageDecodeException naming the file and the reason
     */
    public BufferedImage decode(Path file, int minSide) throws ImageDecodeException {
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw new ImageDecodeException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (length == 0) {
            throw new ImageDecodeException(file, "empty file (0 bytes)", null);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new ImageDecodeException(file, "cannot be opened", null);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageDecodeException(file, "not a supported image format", null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new ImageDecodeException(file, "invalid dimensions " + width + "x" + height, null);
                }
                if ((long) width * height > maxPixels) {
                    throw new ImageDecodeException(file, "image of " + width + "x" + height + " = "
                            + ((long) width * height) + " pixels exceeds the limit of " + maxPixels
                            + " pixels (data.max_pixels); not decoded", null);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = minSide > 0 ? Math.max(1, Math.min(width, height) / (2 * minSide)) : 1;
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                return image.getType() == BufferedImage.TYPE_3BYTE_BGR ? image : toRgb(image);
            } finally {
                reader.dispose();
            }
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ImageDecodeException(file, "cannot be decoded: " + message, e);
        }
    }

    /**
     * Converts any image to 8-bit RGB, compositing transparency onto white.
     *
     * @param image the image
     * @return {@code image} itself when it already is TYPE_INT_RGB, else a converted copy
     */
    public static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
