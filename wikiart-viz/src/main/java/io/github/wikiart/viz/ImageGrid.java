package io.github.wikiart.viz;

import io.github.wikiart.data.RgbPixels;
import io.github.wikiart.data.TensorLayout;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Pictures in a grid with a caption under each, e.g. test images beside their reconstructions, or
 * an image beside its transfer to another style. Rows wrap after {@code columns} cells; captions
 * use a 13 px font, wrap onto two lines at spaces or underscores and are ellipsized beyond that.
 * Also converts network outputs (float arrays in [0, 1]) to images.
 */
public final class ImageGrid {
    /** Gap between cells and around the grid, in pixels. */
    static final int PAD = 8;
    /** Caption font; 13 px keeps captions readable at any grid size. */
    static final Font CAPTION_FONT = new Font(ChartStyle.FAMILY, Font.PLAIN, 13);
    /** At most this many caption lines. */
    static final int MAX_CAPTION_LINES = 2;
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color LETTERBOX = new Color(0xeeeeee);

    private ImageGrid() {
    }

    /**
     * Draws the grid.
     *
     * @param cells the pictures in reading order; at least one
     * @param columns cells per row, at least 1; fewer are used when there are fewer cells
     * @param cellSide each picture is scaled to fit a square of this many pixels, at least 8
     * @return an RGB image
     * @throws IllegalArgumentException if {@code cells} is empty or a size is out of range
     */
    public static BufferedImage render(List<GridCell> cells, int columns, int cellSide) {
        Objects.requireNonNull(cells, "cells");
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("no cells to draw");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        if (cellSide < 8) {
            throw new IllegalArgumentException("cellSide must be at least 8, got " + cellSide);
        }
        cells.forEach(c -> Objects.requireNonNull(c, "null cell"));

        FontMetrics fm = captionMetrics();
        List<List<String>> captions = captions(cells, cellSide, fm);
        GridLayout layout = layout(cells.size(), columns, cellSide, captions, fm);

        BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setFont(CAPTION_FONT);
            for (int i = 0; i < cells.size(); i++) {
                int x = layout.imageX(i);
                int y = layout.imageY(i);
                drawFitted(g, cells.get(i).image(), x, y, cellSide);
                g.setColor(new Color(0x202020));
                int baseline = y + cellSide + GridLayout.CAPTION_GAP + fm.getAscent();
                for (String line : captions.get(i)) {
                    g.drawString(line, x + (cellSide - fm.stringWidth(line)) / 2, baseline);
                    baseline += fm.getHeight();
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The layout {@link #render} uses for these cells.
     *
     * @param cells the cells
     * @param columns cells per row
     * @param cellSide picture side
     * @return positions of the pictures
     */
    static GridLayout layout(List<GridCell> cells, int columns, int cellSide) {
        FontMetrics fm = captionMetrics();
        return layout(cells.size(), columns, cellSide, captions(cells, cellSide, fm), fm);
    }

    private static GridLayout layout(int count, int columns, int cellSide, List<List<String>> captions,
            FontMetrics fm) {
        int lines = 0;
        for (List<String> caption : captions) {
            lines = Math.max(lines, caption.size());
        }
        return new GridLayout(count, columns, cellSide, lines * fm.getHeight());
    }

    private static List<List<String>> captions(List<GridCell> cells, int cellSide, FontMetrics fm) {
        List<List<String>> captions = new ArrayList<>();
        for (GridCell cell : cells) {
            captions.add(cell.caption().isBlank() ? List.of()
                    : Text.wrap(cell.caption(), fm, cellSide, MAX_CAPTION_LINES));
        }
        return captions;
    }

    private static FontMetrics captionMetrics() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(CAPTION_FONT);
        } finally {
            g.dispose();
        }
    }

    /**
     * Draws the grid and writes it as a PNG.
     *
     * @param cells as for {@link #render}
     * @param columns as for {@link #render}
     * @param cellSide as for {@link #render}
     * @param png the target file, written atomically
     * @throws IOException if the file cannot be written
     */
    public static void write(List<GridCell> cells, int columns, int cellSide, Path png) throws IOException {
        PngFiles.write(render(cells, columns, cellSide), png);
    }

    /**
     * Converts a channels-first RGB array, as produced by a network, to an image.
     *
     * @param chw {@code [3, side, side]} values in [0, 1] (clamped; NaN becomes 0), red plane first
     * @param side width and height
     * @return an RGB image
     * @throws IllegalArgumentException if the length is not {@code 3 * side * side}
     */
    public static BufferedImage fromChw(float[] chw, int side) {
        return RgbPixels.toImage(Objects.requireNonNull(chw, "values"), side, TensorLayout.NCHW);
    }

    /**
     * Converts a channels-last RGB array to an image.
     *
     * @param hwc {@code [side, side, 3]} values in [0, 1] (clamped; NaN becomes 0), red first in each pixel
     * @param side width and height
     * @return an RGB image
     * @throws IllegalArgumentException if the length is not {@code 3 * side * side}
     */
    public static BufferedImage fromHwc(float[] hwc, int side) {
        return RgbPixels.toImage(Objects.requireNonNull(hwc, "values"), side, TensorLayout.NHWC);
    }

    /** Draws {@code src} scaled to fit a square, centred, keeping its aspect ratio. */
    private static void drawFitted(Graphics2D g, BufferedImage src, int x, int y, int side) {
        double scale = Math.min((double) side / src.getWidth(), (double) side / src.getHeight());
        int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
        if (w != side || h != side) {
            g.setColor(LETTERBOX);
            g.fillRect(x, y, side, side);
        }
        g.drawImage(shrink(src, w, h), x + (side - w) / 2, y + (side - h) / 2, w, h, null);
    }

    /**
     * Halves the image until it is less than twice the target size, so a single bicubic step does
     * not skip pixels (which would alias large paintings into noise).
     */
    private static BufferedImage shrink(BufferedImage src, int w, int h) {
        BufferedImage current = src;
        while (current.getWidth() >= 2 * w && current.getHeight() >= 2 * h) {
            int nw = current.getWidth() / 2;
            int nh = current.getHeight() / 2;
            BufferedImage half = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = half.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(current, 0, 0, nw, nh, null);
            g.dispose();
            current = half;
        }
        return current;
    }
}
