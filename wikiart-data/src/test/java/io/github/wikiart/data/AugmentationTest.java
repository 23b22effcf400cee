package io.github.wikiart.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    /** A side x side image whose pixel (x, y) is (x, y, x + y): every pixel tells where it came from. */
    private static byte[] coordinates(int side) {
        byte[] rgb = new byte[side * side * 3];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                rgb[3 * (y * side + x)] = (byte) x;
                rgb[3 * (y * side + x) + 1] = (byte) y;
                rgb[3 * (y * side + x) + 2] = (byte) (x + y);
            }
        }
        return rgb;
    }

    @Test
    void mirrorReversesEveryRowAndTwiceIsTheIdentity() {
        byte[] image = coordinates(5);
        byte[] m = Augmentation.mirror(image, 5);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 5; x++) {
                assertEquals(4 - x, m[3 * (y * 5 + x)]);
                assertEquals(y, m[3 * (y * 5 + x) + 1]);
                assertEquals(4 - x + y, m[3 * (y * 5 + x) + 2]);
            }
        }
        assertArrayEquals(image, Augmentation.mirror(m, 5));
    }

    @Test
    void cropOfTheWholeImageIsTheIdentityAndHalfCropDoublesPixels() {
        byte[] image = coordinates(8);
        assertArrayEquals(image, Augmentation.cropAndResize(image, 8, new Augmentation.Crop(0, 0, 8)));
        // A 4 px crop at (2, 3) blown up to 8 px: output x maps to source 2 + clamp((x + 0.5) / 2 - 0.5).
        byte[] out = Augmentation.cropAndResize(image, 8, new Augmentation.Crop(2, 3, 4));
        double[] expected = {2, 2.25, 2.75, 3.25, 3.75, 4.25, 4.75, 5};
        for (int x = 0; x < 8; x++) {
            assertEquals(Math.round(expected[x]), out[3 * x]);              // row 0: red = source column
            assertEquals(3, out[3 * x + 1]);                                // row 0 samples source row 3
            assertEquals(Math.round(expected[x] + 3), out[3 * x + 2]);      // blue = column + row
            assertEquals(6, out[3 * (7 * 8 + x) + 1]);                      // row 7 samples source row 6
        }
        assertThrows(IllegalArgumentException.class,
                () -> Augmentation.cropAndResize(image, 8, new Augmentation.Crop(5, 0, 4)));
    }

    @Test
    void drawnCropsStayInsideTheImageAndCoverTheRange() {
        Augmentation a = new Augmentation(false, 0.5);
        SplittableRandom r = new SplittableRandom(3);
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int i = 0; i < 2000; i++) {
            Augmentation.Crop c = a.drawCrop(20, r);
            assertTrue(c.x() >= 0 && c.y() >= 0 && c.x() + c.size() <= 20 && c.y() + c.size() <= 20, c.toString());
            smallest = Math.min(smallest, c.size());
            largest = Math.max(largest, c.size());
        }
        assertEquals(10, smallest);
        assertEquals(20, largest);
    }

    @Test
    void sameSeedSameImageAndFlipHappensAboutHalfTheTime() {
        Augmentation a = new Augmentation(true, 0.7);
        byte[] image = coordinates(16);
        assertArrayEquals(a.apply(image, 16, new SplittableRandom(9)), a.apply(image, 16, new SplittableRandom(9)));
        Augmentation flipOnly = new Augmentation(true, 1.0);
        int flipped = 0;
        for (int seed = 0; seed < 400; seed++) {
            byte[] out = flipOnly.apply(image, 16, new SplittableRandom(seed));
            if (out != image) {
                assertArrayEquals(Augmentation.mirror(image, 16), out);
                flipped++;
            }
        }
        assertTrue(flipped > 160 && flipped < 240, "flipped " + flipped + " of 400");
        assertSame(image, Augmentation.NONE.apply(image, 16, new SplittableRandom(1)));
    }

    @Test
    void parsesOperationsAndRejectsUnknownOnes() {
        assertEquals(Augmentation.NONE, Augmentation.parse("none", 0.8));
        assertEquals(new Augmentation(true, 1.0), Augmentation.parse("flip", 0.8));
        assertEquals(new Augmentation(true, 0.8), Augmentation.parse(" Crop, flip ", 0.8));
        assertEquals("flip,crop", Augmentation.parse("crop,flip", 0.8).operations());
        assertTrue(Augmentation.NONE.isNone());
        assertFalse(Augmentation.parse("crop", 0.9).isNone());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Augmentation.parse("flip,jitter", 0.8));
        assertTrue(e.getMessage().contains("flip,jitter"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(false, 0));
        assertNotEquals(Augmentation.NONE, Augmentation.parse("crop", 0.8));
    }
}
