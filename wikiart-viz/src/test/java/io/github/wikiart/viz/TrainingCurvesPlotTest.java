package io.github.wikiart.viz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCurvesPlotTest {
    @TempDir
    Path dir;

    @Test
    void writesTwoPanelsForManyEpochs() throws Exception {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int e = 1; e <= 25; e++) {
            epochs.add(new EpochMetrics(e, 2.0 / e, 2.2 / e, 1 - 0.5 / e, 0.8 - 0.5 / e, 0.7 - 0.5 / e));
        }
        Path png = dir.resolve("curves.png");
        TrainingCurvesPlot.write(epochs, "run", png);
        BufferedImage image = Pngs.read(png, TrainingCurvesPlot.WIDTH, TrainingCurvesPlot.HEIGHT);
        // Both halves carry a drawn chart, not just background.
        assertTrue(darkPixels(image, 0, TrainingCurvesPlot.WIDTH / 2) > 1000);
        assertTrue(darkPixels(image, TrainingCurvesPlot.WIDTH / 2, TrainingCurvesPlot.WIDTH) > 1000);
        Pngs.assertOnlyFiles(dir, "curves.png");
    }

    @Test
    void oneEpochWithUnknownValues() throws Exception {
        Path png = dir.resolve("one.png");
        TrainingCurvesPlot.write(List.of(new EpochMetrics(1, 2.3, Double.NaN, Double.NaN, 0.2, 0.1)), "one", png);
        Pngs.read(png, TrainingCurvesPlot.WIDTH, TrainingCurvesPlot.HEIGHT);
    }

    @Test
    void panelWithoutAnyKnownValueStillRenders() throws Exception {
        Path png = dir.resolve("nan.png");
        List<EpochMetrics> epochs = List.of(
                new EpochMetrics(2, 1.5, Double.NaN, Double.NaN, Double.NaN, Double.NaN),
                new EpochMetrics(1, 2.0, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        TrainingCurvesPlot.write(epochs, "loss only", png);
        Pngs.read(png, TrainingCurvesPlot.WIDTH, TrainingCurvesPlot.HEIGHT);
    }

    @Test
    void constantZeroLossRenders() {
        BufferedImage image = TrainingCurvesPlot.render(List.of(
                new EpochMetrics(1, 0, 0, 1, 1, 1), new EpochMetrics(2, 0, 0, 1, 1, 1)), "flat");
        assertTrue(image.getWidth() > 0);
    }

    @Test
    void rejectsNoEpochsAndRepeatedEpochs() {
        assertThrows(IllegalArgumentException.class,
                () -> TrainingCurvesPlot.write(List.of(), "x", dir.resolve("a.png")));
        EpochMetrics e = new EpochMetrics(3, 1, 1, 0.5, 0.5, 0.5);
        assertThrows(IllegalArgumentException.class,
                () -> TrainingCurvesPlot.write(List.of(e, e), "x", dir.resolve("b.png")));
    }

    private static int darkPixels(BufferedImage image, int fromX, int toX) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = fromX; x < toX; x++) {
                if (Pngs.brightness(Pngs.at(image, x, y)) < 200) {
                    count++;
                }
            }
        }
        return count;
    }
}
