package io.github.wikiart.viz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassCountsPlotTest {
    @TempDir
    Path dir;

    @Test
    void drawsBothSeriesForTwentySevenClasses() throws Exception {
        Map<String, int[]> counts = new LinkedHashMap<>();
        int i = 0;
        for (String style : ConfusionMatrixPlotTest.STYLES) {
            counts.put(style, new int[] {100 + 431 * i++, 2000});
        }
        Path png = dir.resolve("counts.png");
        ClassCountsPlot.write(counts, "counts", png);
        BufferedImage image = Pngs.read(png);
        assertTrue(image.getHeight() > 27 * 24, "one row per class: " + image.getHeight());
        assertTrue(Pngs.contains(image, ClassCountsPlot.ORIGINAL));
        assertTrue(Pngs.contains(image, ClassCountsPlot.RESAMPLED));
        Pngs.assertOnlyFiles(dir, "counts.png");
    }

    @Test
    void allZeroCountsAndOneClass() throws Exception {
        Map<String, int[]> counts = new LinkedHashMap<>();
        counts.put("Baroque", new int[] {0, 0});
        Path png = dir.resolve("zero.png");
        ClassCountsPlot.write(counts, "nothing", png);
        Pngs.read(png);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ClassCountsPlot.render(Map.of(), "t"));
        assertThrows(IllegalArgumentException.class, () -> ClassCountsPlot.render(Map.of("a", new int[] {1}), "t"));
        assertThrows(IllegalArgumentException.class, () -> ClassCountsPlot.render(Map.of("a", new int[] {1, -2}), "t"));
    }
}
