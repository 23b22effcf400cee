package io.github.wikiart.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The libjpeg-turbo path of {@link ImageDecoder} against ImageIO. The comparisons need
 * libturbojpeg installed ({@code .ci/run} installs it); without it they are skipped, and every
 * file decodes with ImageIO anyway.
 */
class TurboJpegTest {
    @TempDir
    Path dir;

    private final ImageDecoder turbo = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, JpegLibrary.TURBOJPEG);
    private final ImageDecoder imageIo = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, JpegLibrary.IMAGEIO);

    /** Smooth gradients plus noise: every DCT coefficient and the chroma upsampling matter. */
    private static BufferedImage textured(int w, int h, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = Math.floorMod(x * 255 / w + random.nextInt(40), 256);
                int g = Math.floorMod(y * 255 / h + random.nextInt(40), 256);
                int b = Math.floorMod((x + y) * 3 + random.nextInt(60), 256);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    @Test
    void fullSizeDecodeGivesImageIosPixelsExactly() throws Exception {
        assumeTrue(TurboJpeg.available(), "libturbojpeg not installed");
        Path file = TestImages.write(textured(203, 157, 1), "jpg", dir.resolve("odd_size.jpg"));
        BufferedImage fast = turbo.decode(file, 64);
        BufferedImage reference = imageIo.decode(file, 64);
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, fast.getType());
        assertEquals(reference.getWidth(), fast.getWidth());
        assertEquals(reference.getHeight(), fast.getHeight());
        assertArrayEquals(bytes(reference), bytes(fast), "same pixels as ImageIO (both libjpeg 6b's algorithms)");
    }

    @Test
    void largeImagesAreScaledInTheDctCloseToAnAverageOfImageIosPixels() throws Exception {
        assumeTrue(TurboJpeg.available(), "libturbojpeg not installed");
        Path file = TestImages.write(textured(1030, 800, 2), "jpg", dir.resolve("large.jpg"));
        // Short side 800 for a 64 px target: reduction 800 / 128 = 6, so the DCT scales by 1/4.
        BufferedImage fast = turbo.decode(file, 64);
        assertEquals(258, fast.getWidth(), "ceil(1030 / 4)");
        assertEquals(200, fast.getHeight());
        BufferedImage full = imageIo.decode(file);
        double diff = 0;
        int n = 0;
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 257; x++) {
                int fastRgb = fast.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int sum = 0;
                    for (int dy = 0; dy < 4; dy++) {
                        for (int dx = 0; dx < 4; dx++) {
                            sum += full.getRGB(4 * x + dx, 4 * y + dy) >> shift & 0xFF;
                        }
                    }
                    diff += Math.abs((fastRgb >> shift & 0xFF) - sum / 16.0);
                    n++;
                }
            }
        }
        assertTrue(diff / n < 2.0, "mean difference from a 4x4 box average of the full image: " + diff / n);
    }

    @Test
    void filesTurboJpegLeavesToImageIoDecodeExactlyAsImageIoDoes() throws Exception {
        Path gray = TestImages.grayJpeg(dir.resolve("gray.jpg"));
        Path cmyk = TestImages.cmykJpeg(dir.resolve("cmyk.jpg"));
        Path icc = withIccProfile(TestImages.write(textured(64, 48, 3), "jpg", dir.resolve("plain.jpg")),
                dir.resolve("icc.jpg"));
        Path png = TestImages.write(textured(20, 10, 4), "png", dir.resolve("image.png"));
        for (Path file : new Path[] {gray, cmyk, icc, png}) {
            BufferedImage a = turbo.decode(file);
            BufferedImage b = imageIo.decode(file);
            assertEquals(b.getType(), a.getType(), file.toString());
            for (int y = 0; y < b.getHeight(); y++) {
                for (int x = 0; x < b.getWidth(); x++) {
                    assertEquals(b.getRGB(x, y), a.getRGB(x, y), file + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void damagedFilesGetImageIosOutcome() throws Exception {
        Path truncated = TestImages.truncated(dir.resolve("truncated.jpg"));
        String viaTurbo = outcome(turbo, truncated);
        assertEquals(outcome(imageIo, truncated), viaTurbo);
        Path garbage = dir.resolve("garbage.jpg");
        Files.write(garbage, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, 4, 5});
        assertEquals(outcome(imageIo, garbage), outcome(turbo, garbage));
    }

    private static String outcome(ImageDecoder decoder, Path file) {
        try {
            BufferedImage image = decoder.decode(file);
            return "decoded " + image.getWidth() + "x" + image.getHeight() + " " + image.getRGB(0, 0);
        } catch (ImageDecodeException e) {
            return "error: " + e.getMessage();
        }
    }

    @Test
    void pixelLimitIsCheckedBeforeDecoding() throws Exception {
        Path file = TestImages.write(textured(100, 50, 5), "jpg", dir.resolve("small.jpg"));
        ImageDecoder tight = new ImageDecoder(4999, JpegLibrary.TURBOJPEG);
        ImageDecodeException e = org.junit.jupiter.api.Assertions.assertThrows(ImageDecodeException.class,
                () -> tight.decode(file));
        assertTrue(e.getMessage().contains("100x50 = 5000 pixels exceeds the limit of 4999"), e.getMessage());
    }

    @Test
    void iccProfilesAreFoundAmongTheMarkers() throws Exception {
        Path plain = TestImages.jpeg(dir.resolve("plain.jpg"), Color.RED);
        assertFalse(JpegMarkers.hasIccProfile(Files.readAllBytes(plain)));
        Path icc = withIccProfile(plain, dir.resolve("icc.jpg"));
        assertTrue(JpegMarkers.hasIccProfile(Files.readAllBytes(icc)));
        assertTrue(JpegMarkers.hasIccProfile(new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, 0}), "damaged: careful path");
    }

    /** Copies a JPEG with an APP2 ICC_PROFILE segment (the sRGB profile) inserted after SOI. */
    private static Path withIccProfile(Path jpeg, Path out) throws Exception {
        byte[] original = Files.readAllBytes(jpeg);
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        ByteArrayOutputStream segment = new ByteArrayOutputStream();
        segment.write("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
        segment.write(1);
        segment.write(1);
        segment.write(profile);
        int length = segment.size() + 2;
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(original, 0, 2);
        file.write(0xFF);
        file.write(0xE2);
        file.write(length >> 8);
        file.write(length & 0xFF);
        segment.writeTo(file);
        file.write(original, 2, original.length - 2);
        Files.write(out, file.toByteArray());
        return out;
    }
}
