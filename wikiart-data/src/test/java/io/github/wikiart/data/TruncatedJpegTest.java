package io.github.wikiart.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JPEG files cut short: ImageIO decodes many of them "successfully", with a warning and the missing
 * part filled with grey. Both decoders must refuse every cut, baseline and progressive, with a reason.
 */
class TruncatedJpegTest {
    @TempDir
    Path dir;

    private static byte[] jpeg(boolean progressive) throws Exception {
        BufferedImage image = new BufferedImage(96, 80, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(5);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, ((x * 3) << 16) | ((y * 3) << 8) | random.nextInt(64));
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** @return the offset just after the first start-of-scan segment's header: the entropy-coded data begins there */
    private static int scanStart(byte[] b) {
        for (int i = 2; i + 3 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xDA) {
                return i + 2 + (((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF));
            }
        }
        throw new AssertionError("no SOS marker");
    }

    @Test
    void everyCutIsSkippedWithAReasonByBothDecoders() throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] whole = jpeg(progressive);
            Path full = Files.write(dir.resolve((progressive ? "progressive" : "baseline") + ".jpg"), whole);
            int scan = scanStart(whole);
            int[] cuts = {scan + 16, scan + (whole.length - scan) / 4, scan + (whole.length - scan) / 2,
                    scan + 3 * (whole.length - scan) / 4, whole.length - 40, whole.length - 2};
            for (JpegLibrary library : JpegLibrary.values()) {
                ImageDecoder decoder = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, library);
                assertEquals(96, decoder.decode(full).getWidth(), "the whole file decodes");
                for (int cut : cuts) {
                    Path file = Files.write(dir.resolve("cut-" + progressive + "-" + cut + ".jpg"),
                            java.util.Arrays.copyOf(whole, cut));
                    ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.decode(file),
                            library + (progressive ? " progressive" : " baseline") + " cut at " + cut + " of "
                                    + whole.length);
                    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
                    outcomes.add(e.getMessage());
                }
            }
        }
        assertEquals(2 * JpegLibrary.values().length * 6, outcomes.size());
    }

    @Test
    void onlyWarningsOfDamageCount() {
        assertEquals("Premature end of JPEG file", ImageDecoder.damage(List.of("Premature end of JPEG file")));
        assertEquals("Corrupt JPEG data: 12 extraneous bytes before marker 0xd9", ImageDecoder.damage(
                List.of("Unknown APP marker", "Corrupt JPEG data: 12 extraneous bytes before marker 0xd9")));
        assertEquals(null, ImageDecoder.damage(List.of("Unknown APP marker")));
    }
}
