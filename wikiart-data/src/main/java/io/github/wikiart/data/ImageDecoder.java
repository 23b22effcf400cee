package io.github.wikiart.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
 *
 * <p>With {@link JpegLibrary#TURBOJPEG} (the default) plain JPEG files (3-component YCbCr, no ICC
 * profile) decode with libjpeg-turbo when its TurboJPEG library is installed
 * ({@code apt-get install libturbojpeg0}): the same pixels as ImageIO at full size in about 60 % of
 * the time, and large images are scaled down by 1/2, 1/4 or 1/8 inside the inverse DCT rather than
 * subsampled (smoother, and different pixels from ImageIO's subsampling). Every other file, and
 * every machine without the library, uses ImageIO.
 */
public final class ImageDecoder {
    /** Default pixel limit: 100 megapixels. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    static {
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    private final long maxPixels;
    private final JpegLibrary jpegLibrary;

    /**
     * @param maxPixels the largest width x height accepted, at least 1
     * @param jpegLibrary which library decodes plain JPEG files
     */
    public ImageDecoder(long maxPixels, JpegLibrary jpegLibrary) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be >= 1, got " + maxPixels);
        }
        this.maxPixels = maxPixels;
        this.jpegLibrary = java.util.Objects.requireNonNull(jpegLibrary, "jpegLibrary");
    }

    /** @param maxPixels the largest width x height accepted, at least 1 */
    public ImageDecoder(long maxPixels) {
        this(maxPixels, JpegLibrary.TURBOJPEG);
    }

    /** A decoder with the default limit of 100 megapixels. */
    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** @return the pixel limit */
    public long maxPixels() {
        return maxPixels;
    }

    /** @return whether libjpeg-turbo's TurboJPEG library was found on this machine */
    public static boolean turboJpegAvailable() {
        return TurboJpeg.available();
    }

    /** @return which library decodes plain JPEG files (when it is installed) */
    public JpegLibrary jpegLibrary() {
        return jpegLibrary;
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
        // A JPEG read for libjpeg-turbo and left to ImageIO is not read from disk a second time.
        byte[] jpeg = null;
        if (jpegLibrary == JpegLibrary.TURBOJPEG && TurboJpeg.available() && length <= Integer.MAX_VALUE) {
            jpeg = readJpeg(file, (int) length);
            BufferedImage image = jpeg == null ? null : decodeWithTurboJpeg(file, jpeg, minSide);
            if (image != null) {
                return image;
            }
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(
                jpeg != null ? new ByteArrayInputStream(jpeg) : file.toFile())) {
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
                checkPixels(file, width, height);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(width, height, minSide);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0, param);
                String damage = damage(warnings);
                if (damage != null) {
                    throw new ImageDecodeException(file, "damaged: " + damage
                            + " (the decoder filled the missing part; not used)", null);
                }
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
     * The first decoder warning that says the data is cut short or corrupt ("Premature end of JPEG
     * file", "Corrupt JPEG data: ...", a missing end-of-image marker). ImageIO reports these as
     * warnings and returns an image whose missing part is filled with grey; such an image is not a
     * picture of its style.
     *
     * @param warnings the warnings of one read
     * @return that warning, or null when there is none
     */
    static String damage(List<String> warnings) {
        for (String w : warnings) {
            String lower = w == null ? "" : w.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("premature end") || lower.contains("corrupt") || lower.contains("truncated")
                    || lower.contains("missing eoi")) {
                return w;
            }
        }
        return null;
    }

    /** @return the whole file when it starts like a JPEG (FF D8) and reads completely, else null */
    private static byte[] readJpeg(Path file, int length) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            if (magic.length < 2 || (magic[0] & 0xFF) != 0xFF || (magic[1] & 0xFF) != 0xD8) {
                return null;
            }
            byte[] bytes = new byte[length];
            System.arraycopy(magic, 0, bytes, 0, 2);
            return in.readNBytes(bytes, 2, length - 2) == length - 2 ? bytes : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The libjpeg-turbo path: null when the file is not a plain JPEG or libjpeg-turbo reports
     * anything at all, so that ImageIO decodes it (and reports its errors) as it always did.
     */
    private BufferedImage decodeWithTurboJpeg(Path file, byte[] bytes, int minSide) throws ImageDecodeException {
        if (JpegMarkers.hasIccProfile(bytes)) {
            return null;
        }
        try (TurboJpeg.Decompressor jpeg = new TurboJpeg.Decompressor(bytes)) {
            TurboJpeg.Header header = jpeg.header();
            if (header == null || !header.plain() || header.width() <= 0 || header.height() <= 0) {
                return null;
            }
            checkPixels(file, header.width(), header.height());
            int step = subsampling(header.width(), header.height(), minSide);
            int scale = step >= 8 ? 8 : step >= 4 ? 4 : step >= 2 ? 2 : 1;
            return jpeg.decode(header, scale);
        }
    }

    private void checkPixels(Path file, int width, int height) throws ImageDecodeException {
        if ((long) width * height > maxPixels) {
            throw new ImageDecodeException(file, "image of " + width + "x" + height + " = "
                    + ((long) width * height) + " pixels exceeds the limit of " + maxPixels
                    + " pixels (data.max_pixels); not decoded", null);
        }
    }

    /** @return the reduction that keeps the short side at least {@code 2 * minSide} (1 = none) */
    private static int subsampling(int width, int height, int minSide) {
        return minSide > 0 ? Math.max(1, Math.min(width, height) / (2 * minSide)) : 1;
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
