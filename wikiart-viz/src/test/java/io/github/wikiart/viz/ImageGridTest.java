package io.github.wikiart.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
    @TempDir
    Path dir;

    @Test
    void cellsWrapIntoRowsAndKeepTheirColours() throws Exception {
        List<GridCell> cells = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Color c = Palette.categorical(i);
            colours.add(c);
            // Different source sizes: each is scaled to the cell.
            cells.add(new GridCell(solid(c, 20 + 30 * i, 20 + 30 * i), "style " + i));
        }
        Path png = dir.resolve("grid.png");
        ImageGrid.write(cells, 4, 64, png);
        BufferedImage image = Pngs.read(png);
        GridLayout layout = ImageGrid.layout(cells, 4, 64);
        assertEquals(3, layout.rows());
        assertEquals(layout.width(), image.getWidth());
        assertEquals(layout.height(), image.getHeight());
        for (int i = 0; i < 10; i++) {
            int x = layout.imageX(i) + 32;
            int y = layout.imageY(i) + 32;
            assertEquals(colours.get(i), Pngs.at(image, x, y), "centre of cell " + i);
        }
        Pngs.assertOnlyFiles(dir, "grid.png");
    }

    @Test
    void fewerCellsThanColumnsUsesOnlyWhatIsNeeded() {
        BufferedImage image = ImageGrid.render(List.of(new GridCell(solid(Color.RED, 8, 8), "")), 6, 50);
        assertEquals(ImageGrid.PAD * 2 + 50, image.getWidth());
        assertEquals(ImageGrid.PAD * 2 + 50, image.getHeight(), "no caption band without captions");
        assertEquals(Color.RED, Pngs.at(image, ImageGrid.PAD + 25, ImageGrid.PAD + 25));
    }

    @Test
    void longCaptionStaysInsideItsCell() {
        String caption = "Mannerism_Late_Renaissance reconstructed after transfer to Abstract_Expressionism and more";
        List<GridCell> cells = List.of(new GridCell(solid(Color.BLUE, 40, 40), caption),
                new GridCell(solid(Color.GREEN, 40, 40), caption));
        BufferedImage image = ImageGrid.render(cells, 2, 60);
        assertTrue(ImageGrid.CAPTION_FONT.getSize() >= 12);
        // The gutters left, between and right of the cells stay background: no text spills over.
        int[] gutters = {ImageGrid.PAD / 2, ImageGrid.PAD + 60 + ImageGrid.PAD / 2, image.getWidth() - ImageGrid.PAD / 2};
        for (int x : gutters) {
            for (int y = 0; y < image.getHeight(); y++) {
                assertEquals(Color.WHITE, Pngs.at(image, x, y), "gutter pixel at " + x + "," + y);
            }
        }
        // The caption band below the picture does hold text.
        boolean ink = false;
        for (int y = ImageGrid.PAD + 60; y < image.getHeight(); y++) {
            for (int x = ImageGrid.PAD; x < ImageGrid.PAD + 60; x++) {
                ink |= Pngs.brightness(Pngs.at(image, x, y)) < 128;
            }
        }
        assertTrue(ink, "caption drawn");
    }

    @Test
    void nonSquareImageIsLetterboxedNotStretched() {
        BufferedImage wide = solid(Color.ORANGE, 200, 100);
        BufferedImage image = ImageGrid.render(List.of(new GridCell(wide, "wide")), 1, 100);
        assertEquals(Color.ORANGE, Pngs.at(image, ImageGrid.PAD + 50, ImageGrid.PAD + 50));
        assertTrue(!Color.ORANGE.equals(Pngs.at(image, ImageGrid.PAD + 50, ImageGrid.PAD + 5)), "band above");
    }

    @Test
    void fromChwMapsRangeAndChannelOrder() {
        int side = 2;
        float[] chw = new float[3 * side * side];
        // Pixel (0,0): red plane 1 -> pure red. Pixel (1,0): green 1. Pixel (0,1): blue 1. Pixel (1,1): all 0.
        chw[0] = 1f;
        chw[4 + 1] = 1f;
        chw[8 + 2] = 1f;
        BufferedImage image = ImageGrid.fromChw(chw, side);
        assertEquals(0xff0000, image.getRGB(0, 0) & 0xffffff);
        assertEquals(0x00ff00, image.getRGB(1, 0) & 0xffffff);
        assertEquals(0x0000ff, image.getRGB(0, 1) & 0xffffff);
        assertEquals(0x000000, image.getRGB(1, 1) & 0xffffff);
    }

    @Test
    void fromHwcMapsRangeAndChannelOrder() {
        float[] hwc = {1f, 0f, 0f, 0f, 1f, 0f, 0f, 0f, 1f, 0.5f, 0.5f, 0.5f};
        BufferedImage image = ImageGrid.fromHwc(hwc, 2);
        assertEquals(0xff0000, image.getRGB(0, 0) & 0xffffff);
        assertEquals(0x00ff00, image.getRGB(1, 0) & 0xffffff);
        assertEquals(0x0000ff, image.getRGB(0, 1) & 0xffffff);
        assertEquals(0x808080, image.getRGB(1, 1) & 0xffffff);
    }

    @Test
    void valuesOutsideTheRangeAreClamped() {
        float[] chw = {-0.5f, 2f, Float.NaN};
        assertEquals(0x00ff00, ImageGrid.fromChw(chw, 1).getRGB(0, 0) & 0xffffff);
        assertEquals(0x00ff00, ImageGrid.fromHwc(chw, 1).getRGB(0, 0) & 0xffffff);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.fromChw(new float[11], 2));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.fromHwc(new float[13], 2));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(List.of(), 3, 64));
        GridCell cell = new GridCell(solid(Color.RED, 4, 4), "x");
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(List.of(cell), 0, 64));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(List.of(cell), 2, 0));
        assertThrows(NullPointerException.class, () -> new GridCell(null, "x"));
    }

    static BufferedImage solid(Color colour, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }
}
