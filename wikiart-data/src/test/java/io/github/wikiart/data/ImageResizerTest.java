package io.github.wikiart.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The raster fast paths of {@link ImageResizer#rgbBytes} give exactly what {@code getRGB} gives. */
class ImageResizerTest {

    private static BufferedImage random(int type, int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, type);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        return img;
    }

    private static byte[] viaGetRgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                int i = (y * w + x) * 3;
                out[i] = (byte) (p >> 16);
                out[i + 1] = (byte) (p >> 8);
                out[i + 2] = (byte) p;
            }
        }
        return out;
    }

    @Test
    void fastPathsMatchGetRgb() {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR}) {
            BufferedImage img = random(type, 13, 7, type);
            assertArrayEquals(viaGetRgb(img), ImageResizer.rgbBytes(img), "type " + type);
            BufferedImage sub = img.getSubimage(2, 1, 9, 5);
            assertArrayEquals(viaGetRgb(sub), ImageResizer.rgbBytes(sub), "sub-image of type " + type);
        }
    }

    @Test
    void sameSizeBgrImagesSkipConversionWithTheSameBytes() {
        BufferedImage bgr = random(BufferedImage.TYPE_3BYTE_BGR, 8, 8, 3);
        ImageResizer resizer = new ImageResizer(8, ResizeMode.STRETCH);
        assertArrayEquals(viaGetRgb(bgr), resizer.resizeToBytes(bgr));
        BufferedImage resized = resizer.resize(bgr);
        assertEquals(BufferedImage.TYPE_INT_RGB, resized.getType());
        assertArrayEquals(viaGetRgb(bgr), ImageResizer.rgbBytes(resized));
        BufferedImage large = random(BufferedImage.TYPE_3BYTE_BGR, 32, 16, 4);
        ImageResizer four = new ImageResizer(4, ResizeMode.STRETCH);
        assertArrayEquals(four.resizeToBytes(ImageDecoder.toRgb(large)), four.resizeToBytes(large),
                "scaling from BGR directly gives what scaling the converted image gives");
    }
}
