package io.github.wikiart.train.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImageQualityTest {
    @Test
    void mseAndPsnrMatchHandComputation() {
        // Values exact in binary: differences 0.25, 0, 0.25, 0 -> squares sum 0.125 -> MSE 0.125 / 4 = 1/32.
        float[] a = {0f, 0.5f, 1f, 0.25f};
        float[] b = {0.25f, 0.5f, 0.75f, 0.25f};
        assertEquals(0.03125, ImageQuality.mse(a, b), 0);
        // PSNR = 10 log10(32) = 15.051499783199060 dB.
        assertEquals(15.05149978319906, ImageQuality.psnrDb(a, b), 1e-12);
    }

    @Test
    void psnrOfKnownMse() {
        assertEquals(20.0, ImageQuality.psnrDb(0.01), 1e-12);
        assertEquals(0.0, ImageQuality.psnrDb(1.0), 0);
        assertEquals(40.0, ImageQuality.psnrDb(1e-4), 1e-12);
    }

    @Test
    void identicalImagesHaveInfinitePsnr() {
        float[] a = {0.1f, 0.7f, 0.3f};
        assertEquals(0.0, ImageQuality.mse(a, a.clone()), 0);
        assertEquals(Double.POSITIVE_INFINITY, ImageQuality.psnrDb(a, a.clone()));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ImageQuality.psnrDb(-0.1));
        assertThrows(IllegalArgumentException.class, () -> ImageQuality.psnrDb(Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageQuality.mse(new float[3], new float[4]));
        assertEquals("images differ in size: 3 vs 4 values", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageQuality.mse(new float[0], new float[0]));
    }
}
