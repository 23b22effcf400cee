package io.github.wikiart.reports.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class KeepColoursTest {
    private static BufferedImage pixel(int rgb) {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, rgb);
        return image;
    }

    private static int keep(int photo, int styled) {
        return KeepColours.apply(pixel(photo), pixel(styled)).getRGB(0, 0) & 0xFFFFFF;
    }

    @Test
    void takesTheStyledLuminanceAndThePhotosChrominance() {
        // Photo (200, 100, 50): Y = 0.299 x 200 + 0.587 x 100 + 0.114 x 50 = 124.2, so each channel is
        // Y + (75.8, -24.2, -74.2); with the styled grey's Y = 128: (203.8, 103.8, 53.8).
        assertEquals((204 << 16) | (104 << 8) | 54, keep(0xC86432, 0x808080));
        // Grey stays grey at the styled luminance: Y of (10, 200, 30) = 2.99 + 117.4 + 3.42 = 123.81.
        assertEquals(0x7C7C7C, keep(0x646464, 0x0AC81E));
    }

    @Test
    void clipsOnlyTheLuminanceWhenTheColourLeavesTheCube() {
        // Photo (250, 10, 10): Y = 81.76, offsets (168.24, -71.76, -71.76); white's Y = 255 would put red
        // at 423, so Y is clipped to 255 - 168.24 = 86.76: (255, 15, 15), the photo's chrominance.
        assertEquals((255 << 16) | (15 << 8) | 15, keep(0xFA0A0A, 0xFFFFFF));
        double[] want = KeepColours.chroma(0xFA0A0A);
        double[] got = KeepColours.chroma(keep(0xFA0A0A, 0xFFFFFF));
        assertEquals(want[0], got[0], 0.5);
        assertEquals(want[1], got[1], 0.5);
    }

    @Test
    void refusesImagesOfDifferentSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeepColours.apply(new BufferedImage(2, 3, BufferedImage.TYPE_INT_RGB), pixel(0)));
        assertEquals("photo is 2x3 but the stylised image 1x1", e.getMessage());
    }
}
