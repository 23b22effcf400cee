package io.github.wikiart.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Conversion to floats, into arrays and into native buffers, against getRGB / 255. */
class RgbPixelsTest {
    @Test
    void floatsInBothLayoutsEqualGetRgbOver255AtAnyOffset() {
        int w = 7;
        int h = 5;
        int pixels = w * h;
        Random random = new Random(3);
        BufferedImage bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bgr.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        RgbPixels view = RgbPixels.rasterView(bgr);
        RgbPixels copy = RgbPixels.of(ImageResizer.rgbBytes(bgr));
        for (RgbPixels rgb : new RgbPixels[] {view, copy}) {
            for (TensorLayout layout : TensorLayout.values()) {
                int at = 11;
                FloatBuffer direct = ByteBuffer.allocateDirect(4 * (at + 3 * pixels + 4)).order(ByteOrder.nativeOrder())
                        .asFloatBuffer();
                float[] array = new float[3 * pixels];
                rgb.toFloats(pixels, layout, direct, at);
                rgb.toFloats(pixels, layout, array);
                for (int p = 0; p < pixels; p++) {
                    int argb = bgr.getRGB(p % w, p / w);
                    int[] channels = {argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF};
                    for (int c = 0; c < 3; c++) {
                        int index = layout == TensorLayout.NCHW ? c * pixels + p : 3 * p + c;
                        assertEquals(channels[c] / 255f, array[index], 0f, layout + " pixel " + p + " channel " + c);
                        assertEquals(channels[c] / 255f, direct.get(at + index), 0f, layout + " buffer pixel " + p);
                    }
                }
                assertEquals(0f, direct.get(at - 1), 0f, "nothing written before the offset");
                assertEquals(0f, direct.get(at + 3 * pixels), 0f, "nor after the image");
            }
        }
    }
}
