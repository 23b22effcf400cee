package io.github.wikiart.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScatterPlotTest {
    @TempDir
    Path dir;

    @Test
    void writesGroupsWithLegendAndAnnotations() throws Exception {
        List<ScatterPoint> points = new ArrayList<>();
        for (int g = 0; g < 27; g++) {
            for (int i = 0; i < 10; i++) {
                points.add(new ScatterPoint(g + 0.1 * i, Math.sin(g) * 5 + 0.1 * i, ConfusionMatrixPlotTest.STYLES.get(g)));
            }
        }
        Path png = dir.resolve("scatter.png");
        ScatterPlot.write(points, "PCA", "PC 1", "PC 2", List.of("NMI 0.41", "ARI 0.20"), png);
        Pngs.read(png, ScatterPlot.WIDTH, ScatterPlot.HEIGHT);
        Pngs.assertOnlyFiles(dir, "scatter.png");
    }

    @Test
    void oneGroupAndNoAnnotations() throws Exception {
        Path png = dir.resolve("one.png");
        ScatterPlot.write(List.of(new ScatterPoint(1, 1, "cluster 0"), new ScatterPoint(1, 1, "cluster 0")),
                "single", "x", "y", List.of(), png);
        Pngs.read(png, ScatterPlot.WIDTH, ScatterPlot.HEIGHT);
    }

    @Test
    void emptyPointListIsRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScatterPlot.write(List.of(), "t", "x", "y", List.of(), dir.resolve("no.png")));
        assertTrue(e.getMessage().contains("no points"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ScatterPoint(Double.NaN, 0, "g"));
    }

    @Test
    void thirtyGroupsGetThirtyDistinctColours() {
        Set<Color> colours = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            colours.add(Palette.categorical(i));
        }
        assertEquals(30, colours.size());
        // Beyond the fixed palette colours are still generated, not repeated from the start.
        assertTrue(!colours.contains(Palette.categorical(30)));
    }

    @Test
    void groupsKeepFirstSeenOrder() {
        List<ScatterPoint> points = List.of(new ScatterPoint(0, 0, "b"), new ScatterPoint(1, 1, "a"),
                new ScatterPoint(2, 0, "b"), new ScatterPoint(3, 3, "c"));
        assertEquals(List.of("b", "a", "c"), List.copyOf(ScatterPlot.byGroup(points).keySet()));
        assertEquals(2, ScatterPlot.byGroup(points).get("b").size());
        BufferedImage image = ScatterPlot.render(points, "t", "x", "y", List.of("k=3"));
        assertEquals(ScatterPlot.WIDTH, image.getWidth());
    }
}
