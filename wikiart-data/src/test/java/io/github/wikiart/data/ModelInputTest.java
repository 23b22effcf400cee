package io.github.wikiart.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The one image-to-tensor and tensor-to-image path: the resize mode is honoured, and it equals training's. */
class ModelInputTest {
    @TempDir
    Path dir;

    /** A 12 x 6 image whose left and right quarters differ from its centre. */
    static BufferedImage wide() {
        BufferedImage img = new BufferedImage(12, 6, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(5);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 12; x++) {
                img.setRGB(x, y, x < 3 || x >= 9 ? 0xFF0000 : random.nextInt(1 << 24));
            }
        }
        return img;
    }

    @Test
    void cropModeCropsAndGivesOtherNumbersThanStretch() {
        BufferedImage img = wide();
        INDArray crop = new ModelInput(6, ResizeMode.CROP, TensorLayout.NHWC, PixelScaling.UNIT).toTensor(img);
        INDArray stretch = new ModelInput(6, ResizeMode.STRETCH, TensorLayout.NHWC, PixelScaling.UNIT).toTensor(img);
        assertArrayEquals(new long[] {1, 6, 6, 3}, crop.shape());
        // The crop is the 6 x 6 centre: exactly the source pixels of columns 3..8, over 255.
        float[] v = crop.reshape(crop.length()).toFloatVector();
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                int rgb = img.getRGB(x + 3, y);
                assertEquals((rgb >> 16 & 0xFF) / 255f, v[3 * (6 * y + x)], 0f);
                assertEquals((rgb & 0xFF) / 255f, v[3 * (6 * y + x) + 2], 0f);
            }
        }
        assertNotEquals(crop, stretch);
        // Stretching squeezes the red side bands into view: the first column is pure red.
        assertEquals(1.0, stretch.getDouble(0, 0, 0, 0), 0.0);
        assertEquals(0.0, stretch.getDouble(0, 0, 0, 1), 0.0);
    }

    @Test
    void layoutsHoldTheSameValuesAndImagesRoundTripExactly() {
        BufferedImage img = wide();
        ModelInput nchw = new ModelInput(6, ResizeMode.CROP, TensorLayout.NCHW, PixelScaling.UNIT);
        ModelInput nhwc = new ModelInput(6, ResizeMode.CROP, TensorLayout.NHWC, PixelScaling.UNIT);
        INDArray a = nchw.toTensor(img);
        INDArray b = nhwc.toTensor(img);
        assertArrayEquals(new long[] {1, 3, 6, 6}, a.shape());
        assertEquals(a, nchw.fromLayout(b, TensorLayout.NHWC));
        assertEquals(b, nhwc.fromLayout(a, TensorLayout.NCHW));
        BufferedImage expected = new ImageResizer(6, ResizeMode.CROP).resize(img);
        for (ModelInput in : List.of(nchw, nhwc)) {
            BufferedImage back = in.toImage(in.toTensor(img), 0);
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 6; x++) {
                    assertEquals(expected.getRGB(x, y), back.getRGB(x, y), in.layout() + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void readingAFileEqualsTheTrainingIteratorsBatch() throws Exception {
        Path file = TestImages.write(wide(), "png", dir.resolve("Style/a.png"));
        for (ResizeMode mode : ResizeMode.values()) {
            ModelInput in = new ModelInput(6, mode, TensorLayout.NCHW, PixelScaling.UNIT);
            List<Sample> samples = List.of(new Sample(file, "Style"));
            try (ImageBatchIterator it = in.batches(samples, LabelIndex.of(List.of("Style"))).batchSize(1)
                    .shuffle(false).build()) {
                assertEquals(it.next().getFeatures(), in.read(file, new ImageDecoder()), mode.toString());
            }
        }
    }

    @Test
    void pixelScalingParsesItsNameAndRefusesOthers() {
        assertEquals(PixelScaling.UNIT, PixelScaling.parse("Unit"));
        assertEquals("invalid pixel scaling 'imagenet': expected unit",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> PixelScaling.parse("imagenet")).getMessage());
    }
}
