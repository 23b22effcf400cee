package io.github.wikiart.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

class ImageBatchIteratorTest {
    @TempDir
    Path root;
    List<Sample> samples = new ArrayList<>();
    LabelIndex labels = LabelIndex.of(List.of("Blue", "Red"));

    @BeforeEach
    void write() throws Exception {
        for (int i = 0; i < 7; i++) {
            // Distinct colours so every image can be recognised from its pixels.
            Path red = TestImages.write(TestImages.rgb(20, 10, new Color(200, 10 * i, 0)), "png",
                    root.resolve("Red/r" + i + ".png"));
            samples.add(new Sample(red, "Red"));
        }
        for (int i = 0; i < 4; i++) {
            Path blue = TestImages.write(TestImages.rgb(10, 10, new Color(0, 10 * i, 255)), "png",
                    root.resolve("Blue/b" + i + ".png"));
            samples.add(new Sample(blue, "Blue"));
        }
    }

    private static List<DataSet> epoch(ImageBatchIterator it) {
        List<DataSet> out = new ArrayList<>();
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    /** Identifies each example by its green value (10 * i) and label. */
    private static List<String> identities(List<DataSet> batches, TensorLayout layout) {
        List<String> ids = new ArrayList<>();
        for (DataSet ds : batches) {
            INDArray f = ds.getFeatures();
            for (int n = 0; n < f.size(0); n++) {
                float g = layout == TensorLayout.NCHW ? f.getFloat(n, 1, 2, 2) : f.getFloat(n, 2, 2, 1);
                ids.add(ds.getLabels().getFloat(n, 1) == 1f ? "R" + Math.round(g * 255 / 10) : "B" + Math.round(g * 255 / 10));
            }
        }
        return ids;
    }

    @Test
    void batchesHaveShapesScaledPixelsAndOneHotLabels() {
        try (ImageBatchIterator it = ImageBatchIterator.builder(samples, labels).imageSize(8).batchSize(4)
                .shuffle(false).build()) {
            List<DataSet> batches = epoch(it);
            assertEquals(3, batches.size());
            assertArrayEquals(new long[] {4, 3, 8, 8}, batches.get(0).getFeatures().shape());
            assertArrayEquals(new long[] {3, 3, 8, 8}, batches.get(2).getFeatures().shape());
            assertArrayEquals(new long[] {4, 2}, batches.get(0).getLabels().shape());
            INDArray first = batches.get(0).getFeatures();
            assertEquals(200 / 255f, first.getFloat(0, 0, 3, 3), 1e-6);   // red channel of Red/r0
            assertEquals(0f, first.getFloat(0, 2, 3, 3), 1e-6);
            assertEquals(30 / 255f, first.getFloat(3, 1, 7, 7), 1e-6);    // green of Red/r3
            assertEquals(List.of("R0", "R1", "R2", "R3", "R4", "R5", "R6", "B0", "B1", "B2", "B3"),
                    identities(batches, TensorLayout.NCHW));
            assertEquals(1f, batches.get(2).getLabels().getFloat(2, 0));
            assertEquals(1.0, batches.get(0).getLabels().sumNumber().doubleValue() / 4, 1e-9);
        }
    }

    @Test
    void nhwcHoldsTheSamePixels() {
        try (ImageBatchIterator nchw = ImageBatchIterator.builder(samples, labels).imageSize(6).batchSize(11)
                .shuffle(false).build();
             ImageBatchIterator nhwc = ImageBatchIterator.builder(samples, labels).imageSize(6).batchSize(11)
                .shuffle(false).layout(TensorLayout.NHWC).build()) {
            INDArray a = nchw.next().getFeatures();
            INDArray b = nhwc.next().getFeatures();
            assertArrayEquals(new long[] {11, 6, 6, 3}, b.shape());
            assertEquals(a, b.permute(0, 3, 1, 2));
        }
    }

    @Test
    void shuffleIsSeededPerEpochAndVisitsEverySampleOnce() {
        List<List<String>> orders = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (ImageBatchIterator it = ImageBatchIterator.builder(samples, labels).imageSize(4).batchSize(3)
                    .seed(99).prefetch(2).workers(2).build()) {
                List<String> epoch0 = identities(epoch(it), TensorLayout.NCHW);
                it.reset();
                List<String> epoch1 = identities(epoch(it), TensorLayout.NCHW);
                assertEquals(11, epoch0.size());
                assertEquals(new java.util.TreeSet<>(epoch0), new java.util.TreeSet<>(epoch1));
                assertEquals(11, new java.util.HashSet<>(epoch0).size());
                assertNotEquals(epoch0, epoch1, "each epoch has its own order");
                orders.add(epoch0);
                orders.add(epoch1);
            }
        }
        assertEquals(orders.subList(0, 2), orders.subList(2, 4), "the same seed gives the same orders");
        try (ImageBatchIterator other = ImageBatchIterator.builder(samples, labels).imageSize(4).batchSize(3)
                .seed(100).build()) {
            assertNotEquals(orders.get(0), identities(epoch(other), TensorLayout.NCHW));
        }
    }

    @Test
    void augmentedBatchesAreTheSameForTheSameSeedAndChangeOnlyPixels() throws Exception {
        // Horizontal ramps: a flip or a crop changes the pixels, the shuffle order stays that of no augmentation.
        List<Sample> ramps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(16, 16,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    img.setRGB(x, y, new Color(x * 16, 10 * i, y * 16).getRGB());
                }
            }
            ramps.add(new Sample(TestImages.write(img, "png", root.resolve("Ramp/r" + i + ".png")),
                    i % 2 == 0 ? "Red" : "Blue"));
        }
        Augmentation augment = new Augmentation(true, 0.6);
        List<List<INDArray>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            List<INDArray> features = new ArrayList<>();
            try (ImageBatchIterator it = ImageBatchIterator.builder(ramps, labels).imageSize(16).batchSize(4)
                    .seed(7).workers(2).augmentation(augment).build()) {
                for (int e = 0; e < 2; e++) {
                    it.startEpoch(e);
                    epoch(it).forEach(b -> features.add(b.getFeatures()));
                }
            }
            runs.add(features);
        }
        assertEquals(runs.get(0), runs.get(1), "the same seed gives the same augmented batches");
        List<INDArray> plain = new ArrayList<>();
        List<DataSet> plainBatches = new ArrayList<>();
        try (ImageBatchIterator it = ImageBatchIterator.builder(ramps, labels).imageSize(16).batchSize(4)
                .seed(7).build()) {
            for (int e = 0; e < 2; e++) {
                it.startEpoch(e);
                epoch(it).forEach(b -> {
                    plain.add(b.getFeatures());
                    plainBatches.add(b);
                });
            }
        }
        assertEquals(4, plain.size());
        int changed = 0;
        for (int i = 0; i < plain.size(); i++) {
            assertArrayEquals(plain.get(i).shape(), runs.get(0).get(i).shape());
            // Image identity (green = 10 * i) survives flips and crops, so the order is the plain one.
            for (int n = 0; n < plain.get(i).size(0); n++) {
                assertEquals(plain.get(i).getFloat(n, 1, 0, 0), runs.get(0).get(i).getFloat(n, 1, 0, 0), 1e-6);
                if (!plain.get(i).get(org.nd4j.linalg.indexing.NDArrayIndex.point(n)).equals(
                        runs.get(0).get(i).get(org.nd4j.linalg.indexing.NDArrayIndex.point(n)))) {
                    changed++;
                }
            }
        }
        assertTrue(changed >= 8, "most of the 12 images changed, got " + changed);
    }

    @Test
    void recycledArraysHoldTheSameBatchesAsFreshOnes() {
        for (TensorLayout layout : TensorLayout.values()) {
            List<INDArray> fresh = new ArrayList<>();
            try (ImageBatchIterator it = ImageBatchIterator.builder(samples, labels).imageSize(6).batchSize(2)
                    .layout(layout).seed(3).prefetch(1).build()) {
                for (int e = 0; e < 2; e++) {
                    it.startEpoch(e);
                    epoch(it).forEach(b -> fresh.add(b.getFeatures()));
                }
            }
            List<INDArray> copies = new ArrayList<>();
            java.util.Set<INDArray> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            try (ImageBatchIterator it = ImageBatchIterator.builder(samples, labels).imageSize(6).batchSize(2)
                    .layout(layout).seed(3).prefetch(1).reuseArrays(true).build()) {
                for (int e = 0; e < 2; e++) {
                    it.startEpoch(e);
                    while (it.hasNext()) {
                        INDArray f = it.next().getFeatures();
                        distinct.add(f);
                        copies.add(f.dup());
                    }
                }
            }
            assertEquals(fresh, copies, layout + ": same pixels, batch for batch");
            // 12 batches (5 full + 1 partial per epoch) share prefetch + 2 = 3 recycled arrays,
            // plus one fresh array for each partial batch.
            assertEquals(3 + 2, distinct.size(), layout.toString());
        }
    }

    @Test
    void fileBrokenAfterLoadingIsSkippedAndTheRestStillArrives() throws Exception {
        Files.write(samples.get(2).path(), new byte[] {1, 2, 3});
        try (ImageBatchIterator it = ImageBatchIterator.builder(samples, labels).imageSize(4).batchSize(4)
                .shuffle(false).build()) {
            List<String> ids = identities(epoch(it), TensorLayout.NCHW);
            assertEquals(10, ids.size());
            assertFalse(ids.contains("R2"));
            assertEquals(1, it.skipped().size());
            assertEquals(samples.get(2).path(), it.skipped().get(0).path());
        }
    }

    @Test
    void withFailOnUnreadableABrokenFileIsAnErrorNamingIt() throws Exception {
        // The last batch (samples 8..10 in batches of 4) broken entirely: it yields no next().
        for (int i = 8; i < samples.size(); i++) {
            Files.write(samples.get(i).path(), new byte[] {1, 2, 3});
        }
        try (ImageBatchIterator it = ImageBatchIterator.builder(samples, labels).imageSize(4).batchSize(4)
                .shuffle(false).prefetch(1).workers(1).failOnUnreadable(true).build()) {
            assertTrue(it.hasNext());
            it.next();
            assertTrue(it.hasNext());
            it.next();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, it::hasNext);
            assertTrue(e.getMessage().startsWith("cannot read image " + samples.get(8).path() + ": "), e.getMessage());
        }
        try (ImageBatchIterator it = ImageBatchIterator.builder(samples, labels).imageSize(4).batchSize(4)
                .shuffle(false).build()) {
            assertEquals(8, epoch(it).stream().mapToInt(DataSet::numExamples).sum(), "skipped, without the option");
            assertEquals(3, it.skipped().size());
        }
    }

    @Test
    void cacheServesLaterEpochsWithinItsLimit() {
        DecodedImageCache cache = new DecodedImageCache(5 * 4 * 4 * 3);
        try (ImageBatchIterator it = ImageBatchIterator.builder(samples, labels).imageSize(4).batchSize(4)
                .shuffle(false).cache(cache).workers(1).build()) {
            epoch(it);
            assertEquals(5 * 48, cache.bytes());
            it.reset();
            epoch(it);
            assertEquals(5, cache.hits(), "the five images cached in epoch 0 are served in epoch 1");
            assertEquals(5 * 48, cache.bytes());
        }
        DecodedImageCache big = new DecodedImageCache(1 << 20);
        try (ImageBatchIterator it = ImageBatchIterator.builder(samples, labels).imageSize(4).batchSize(4)
                .cache(big).build()) {
            epoch(it);
            it.reset();
            epoch(it);
            assertEquals(11, big.hits());
            assertEquals(11, big.misses());
        }
    }

    /** Every batch of epochs 0..3 as identities and pixel copies, the epochs started as given. */
    private List<Object> run(ImageBatchIterator it, int[] epochs, boolean viaReset) {
        List<Object> out = new ArrayList<>();
        for (int e : epochs) {
            if (viaReset && e == it.epoch() + 1) {
                it.reset();
            } else {
                it.startEpoch(e);
            }
            assertEquals(e, it.epoch());
            while (it.hasNext()) {
                DataSet b = it.next();
                out.add(identities(List.of(b), TensorLayout.NCHW));
                out.add(b.getFeatures().dup());
                out.add(b.getLabels().dup());
            }
        }
        return out;
    }

    @Test
    void prefetchAcrossEpochsGivesTheSameBatchesInEveryOrderOfStarts() {
        // In order (the next epoch's first batches are used), through reset(), and out of order
        // (epoch 0 again, then 2 after 0: the work ahead is dropped and the right epoch read).
        int[][] sequences = {{0, 1, 2, 3}, {0, 0, 2, 3, 1}};
        for (int[] epochs : sequences) {
            for (boolean viaReset : new boolean[] {false, true}) {
                for (boolean reuse : new boolean[] {false, true}) {
                    List<Object> plain;
                    try (ImageBatchIterator it = ImageBatchIterator.builder(samples, labels).imageSize(6).batchSize(3)
                            .seed(5).prefetch(2).reuseArrays(reuse).build()) {
                        plain = run(it, epochs, false);
                    }
                    List<Object> ahead;
                    try (ImageBatchIterator it = ImageBatchIterator.builder(samples, labels).imageSize(6).batchSize(3)
                            .seed(5).prefetch(2).reuseArrays(reuse).prefetchAcrossEpochs(true).build()) {
                        ahead = run(it, epochs, viaReset);
                    }
                    assertEquals(plain, ahead, java.util.Arrays.toString(epochs) + " reset " + viaReset
                            + " reuse " + reuse);
                }
            }
        }
    }

    @Test
    void nextEpochsFirstBatchesAreDecodedBeforeTheEpochStarts() throws Exception {
        try (ImageBatchIterator it = ImageBatchIterator.builder(samples, labels).imageSize(6).batchSize(4)
                .seed(5).prefetch(2).prefetchAcrossEpochs(true).build()) {
            epoch(it);
            // Decoding now only ever reads files; remove them: epoch 1's first batches must
            // already be in memory (the two ahead = 8 of 11 images), the rest are skipped.
            Thread.sleep(1000);
            for (Sample sample : samples) {
                java.nio.file.Files.delete(sample.path());
            }
            it.startEpoch(1);
            List<DataSet> batches = epoch(it);
            assertEquals(8, batches.stream().mapToInt(DataSet::numExamples).sum(),
                    "two batches of 4 decoded ahead; the last 3 images fail: " + it.skipped());
            // At least those 3 (epoch 2's first batches, decoded ahead in turn, may add more).
            assertTrue(it.skipped().size() >= 3, it.skipped().toString());
        }
    }

    @Test
    void resizeModesGiveSquaresAndPadWithWhite() {
        java.awt.image.BufferedImage wide = TestImages.rgb(40, 10, Color.BLACK);
        for (ResizeMode mode : ResizeMode.values()) {
            java.awt.image.BufferedImage out = new ImageResizer(8, mode).resize(wide);
            assertEquals(8, out.getWidth());
            assertEquals(8, out.getHeight());
        }
        java.awt.image.BufferedImage padded = new ImageResizer(8, ResizeMode.PAD).resize(wide);
        assertEquals(0xFFFFFF, padded.getRGB(4, 0) & 0xFFFFFF);
        assertEquals(0, padded.getRGB(4, 4) & 0xFFFFFF);
        assertEquals(0, new ImageResizer(8, ResizeMode.CROP).resize(wide).getRGB(4, 0) & 0xFFFFFF);
        assertEquals(ResizeMode.CROP, ResizeMode.parse("center_crop"));
    }
}
