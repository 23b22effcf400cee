package io.github.wikiart.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
    @TempDir
    Path dir;

    @Test
    void everyWriterLeavesOnlyItsFinalFile() throws Exception {
        TrainingCurvesPlot.write(List.of(new EpochMetrics(1, 1, 1, 0.5, 0.5, 0.5)), "t", dir.resolve("a.png"));
        ConfusionMatrixPlot.write(new int[][] {{1}}, List.of("x"), "t", dir.resolve("b.png"));
        ClassCountsPlot.write(Map.of("x", new int[] {1, 2}), "t", dir.resolve("c.png"));
        ImageGrid.write(List.of(new GridCell(ImageGridTest.solid(java.awt.Color.RED, 4, 4), "x")), 1, 16,
                dir.resolve("d.png"));
        ScatterPlot.write(List.of(new ScatterPoint(0, 0, "g")), "t", "x", "y", List.of(), dir.resolve("e.png"));
        Pngs.assertOnlyFiles(dir, "a.png", "b.png", "c.png", "d.png", "e.png");
    }

    @Test
    void replacesAnExistingFileAndCreatesFolders() throws Exception {
        Path png = dir.resolve("run/plots/cm.png");
        ConfusionMatrixPlot.write(new int[][] {{1}}, List.of("x"), "first", png);
        long first = Files.size(png);
        ConfusionMatrixPlot.write(new int[][] {{1, 2}, {3, 4}}, List.of("x", "y"), "second, larger", png);
        Pngs.read(png);
        assertEquals(true, Files.size(png) != first);
        Pngs.assertOnlyFiles(png.getParent(), "cm.png");
    }

    @Test
    void failedWriteLeavesNoTemporaryFile() throws Exception {
        // The target is a non-empty folder, so the final rename fails after the PNG was encoded.
        Path target = dir.resolve("taken.png");
        Files.createDirectories(target.resolve("inside"));
        assertThrows(IOException.class,
                () -> ConfusionMatrixPlot.write(new int[][] {{1}}, List.of("x"), "t", target));
        Pngs.assertOnlyFiles(dir, "taken.png");
        assertEquals(true, Files.isDirectory(target));
    }

    @Test
    void invalidInputWritesNothing() {
        assertThrows(IllegalArgumentException.class,
                () -> ScatterPlot.write(List.of(), "t", "x", "y", List.of(), dir.resolve("s.png")));
        assertEquals(false, Files.exists(dir.resolve("s.png")));
    }
}
