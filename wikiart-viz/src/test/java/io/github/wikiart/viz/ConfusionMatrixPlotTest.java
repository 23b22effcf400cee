package io.github.wikiart.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionMatrixPlotTest {
    /** The 27 WikiArt style folder names, the longest labels this plot has to carry. */
    static final List<String> STYLES = List.of("Abstract_Expressionism", "Action_painting", "Analytical_Cubism",
            "Art_Nouveau_Modern", "Baroque", "Color_Field_Painting", "Contemporary_Realism", "Cubism",
            "Early_Renaissance", "Expressionism", "Fauvism", "High_Renaissance", "Impressionism",
            "Mannerism_Late_Renaissance", "Minimalism", "Naive_Art_Primitivism", "New_Realism",
            "Northern_Renaissance", "Pointillism", "Pop_Art", "Post_Impressionism", "Realism", "Rococo",
            "Romanticism", "Symbolism", "Synthetic_Cubism", "Ukiyo_e");

    @TempDir
    Path dir;

    @Test
    void perfectMatrixHasDarkDiagonalAndLightRest() throws Exception {
        int[][] matrix = {{10, 0, 0, 0}, {0, 3, 0, 0}, {0, 0, 7, 0}, {0, 0, 0, 1}};
        List<String> names = List.of("a", "b", "c", "d");
        Path png = dir.resolve("cm.png");
        ConfusionMatrixPlot.write(matrix, names, "perfect", png);
        ConfusionMatrixLayout layout = ConfusionMatrixPlot.layout(names,
                "perfect \u2014 " + ConfusionMatrixPlot.accuracyText(matrix));
        BufferedImage image = Pngs.read(png, layout.width, layout.height);
        for (int i = 0; i < 4; i++) {
            // Row normalisation: every diagonal cell is 100% of its row, whatever its count.
            Color diagonal = cornerOf(image, layout, i, i);
            Color off = cornerOf(image, layout, i, (i + 1) % 4);
            assertEquals(Palette.ramp(1), diagonal, "diagonal " + i);
            assertEquals(Palette.ramp(0), off, "off-diagonal " + i);
            assertTrue(Pngs.brightness(diagonal) + 100 < Pngs.brightness(off));
        }
    }

    @Test
    void colourFollowsRowShareNotCount() {
        int[][] matrix = {{90, 10}, {1, 1}};
        List<String> names = List.of("big", "small");
        BufferedImage image = ConfusionMatrixPlot.render(matrix, names, "t");
        ConfusionMatrixLayout layout = ConfusionMatrixPlot.layout(names, "t \u2014 " + ConfusionMatrixPlot.accuracyText(matrix));
        assertEquals(Palette.ramp(0.9), cornerOf(image, layout, 0, 0));
        assertEquals(Palette.ramp(0.5), cornerOf(image, layout, 1, 0));
        assertEquals(Palette.ramp(0.5), cornerOf(image, layout, 1, 1));
    }

    @Test
    void accuracyGoesIntoTheTitle() {
        assertEquals("accuracy 84.0% (21/25)",
                ConfusionMatrixPlot.accuracyText(new int[][] {{5, 1, 0}, {2, 7, 1}, {0, 0, 9}}));
        assertEquals("accuracy n/a (no samples)", ConfusionMatrixPlot.accuracyText(new int[][] {{0}}));
    }

    @Test
    void twentySevenLongNamesStayReadable() throws Exception {
        int n = STYLES.size();
        int[][] matrix = new int[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                matrix[r][c] = r == c ? 1234 : (r * 7 + c) % 5;
            }
        }
        Path png = dir.resolve("cm27.png");
        ConfusionMatrixPlot.write(matrix, STYLES, "27 styles", png);
        BufferedImage image = Pngs.read(png);
        ConfusionMatrixLayout layout = ConfusionMatrixPlot.layout(STYLES,
                "27 styles \u2014 " + ConfusionMatrixPlot.accuracyText(matrix));
        assertEquals(layout.width, image.getWidth());
        assertTrue(layout.cell >= 36, "cells large enough for a 4-digit count: " + layout.cell);
        assertTrue(image.getWidth() < 2000 && image.getHeight() < 2000, "fits a screen: " + image.getWidth());
        assertEquals("Mannerism Late Renaissance", layout.labels.get(13), "names shown in full, as words");
    }

    @Test
    void oneClassMatrix() throws Exception {
        Path png = dir.resolve("one.png");
        ConfusionMatrixPlot.write(new int[][] {{4}}, List.of("Baroque"), "single", png);
        BufferedImage image = Pngs.read(png);
        assertTrue(image.getWidth() > 100 && image.getHeight() > 100);
    }

    @Test
    void rowWithoutSamplesIsDrawnAsZeroShare() {
        int[][] matrix = {{3, 1}, {0, 0}};
        List<String> names = List.of("seen", "never seen");
        BufferedImage image = ConfusionMatrixPlot.render(matrix, names, "zero row");
        ConfusionMatrixLayout layout = ConfusionMatrixPlot.layout(names, "zero row \u2014 " + ConfusionMatrixPlot.accuracyText(matrix));
        assertEquals(Palette.ramp(0), cornerOf(image, layout, 1, 0));
        assertEquals(Palette.ramp(0), cornerOf(image, layout, 1, 1));
        BufferedImage empty = ConfusionMatrixPlot.render(new int[][] {{0, 0}, {0, 0}}, names, "empty");
        assertTrue(empty.getWidth() > 0);
    }

    @Test
    void veryLongNameIsShortened() {
        String longName = String.join("_", Collections.nCopies(20, "Renaissance"));
        ConfusionMatrixLayout layout = ConfusionMatrixPlot.layout(List.of(longName, "b"), "t");
        assertTrue(layout.labels.get(0).endsWith("\u2026"));
        assertTrue(layout.labelWidth <= ConfusionMatrixLayout.MAX_LABEL_WIDTH);
    }

    @Test
    void rejectsMalformedInput() {
        List<String> two = List.of("a", "b");
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrixPlot.render(new int[0][0], List.of(), "t"));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrixPlot.render(new int[][] {{1, 2}, {3}}, two, "t"));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrixPlot.render(new int[][] {{1}}, two, "t"));
        assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrixPlot.render(new int[][] {{1, -1}, {0, 0}}, two, "t"));
        List<String> many = new ArrayList<>(two);
        many.add("c");
        assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrixPlot.render(new int[][] {{1, 0}, {0, 1}}, many, "t"));
    }

    /** A pixel near the top-left corner of a cell, away from the count printed in its centre. */
    private static Color cornerOf(BufferedImage image, ConfusionMatrixLayout layout, int row, int col) {
        return Pngs.at(image, layout.cellX(col) + 3, layout.cellY(row) + 3);
    }
}
