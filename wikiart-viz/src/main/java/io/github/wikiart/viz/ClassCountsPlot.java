package io.github.wikiart.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A grouped bar chart of images per class before and after resampling, drawn as horizontal bars
 * so that long class names stay level and readable, with the count at the end of every bar.
 */
public final class ClassCountsPlot {
    /** Colour of the "original" bars. */
    static final Color ORIGINAL = Palette.categorical(0);
    /** Colour of the "resampled" bars. */
    static final Color RESAMPLED = Palette.categorical(1);

    private static final int MARGIN = 20;
    private static final int TITLE_HEIGHT = 40;
    private static final int LEGEND_HEIGHT = 30;
    private static final int BAR = 12;
    private static final int ROW = 2 * BAR + 12;
    private static final int PLOT_WIDTH = 760;
    private static final int VALUE_ROOM = 70;
    private static final int AXIS_HEIGHT = 56;
    private static final int MAX_LABEL_WIDTH = 240;
    private static final Font TITLE_FONT = new Font(ChartStyle.FAMILY, Font.BOLD, 18);
    private static final Font LABEL_FONT = new Font(ChartStyle.FAMILY, Font.PLAIN, 13);
    private static final Font VALUE_FONT = new Font(ChartStyle.FAMILY, Font.PLAIN, 11);
    private static final Color INK = new Color(0x202020);

    private ClassCountsPlot() {
    }

    /**
     * Writes the bar chart as a PNG; its height grows with the number of classes.
     *
     * @param countsByClass class name to {@code {original, resampled}}, drawn top to bottom in
     *     iteration order
     * @param title the chart title
     * @param png the target file, written atomically
     * @throws IllegalArgumentException if the map is empty, or a value is not two non-negative counts
     * @throws IOException if the file cannot be written
     */
    public static void write(Map<String, int[]> countsByClass, String title, Path png) throws IOException {
        PngFiles.write(render(countsByClass, title), png);
    }

    /**
     * Renders the bar chart.
     *
     * @param countsByClass as for {@link #write}
     * @param title as for {@link #write}
     * @return the image
     */
    static BufferedImage render(Map<String, int[]> countsByClass, String title) {
        Objects.requireNonNull(countsByClass, "countsByClass");
        Objects.requireNonNull(title, "title");
        if (countsByClass.isEmpty()) {
            throw new IllegalArgumentException("no classes to plot");
        }
        List<String> names = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        int largest = 0;
        for (Map.Entry<String, int[]> e : countsByClass.entrySet()) {
            int[] pair = e.getValue();
            if (pair == null || pair.length != 2 || pair[0] < 0 || pair[1] < 0) {
                throw new IllegalArgumentException("class " + e.getKey()
                        + ": expected {original, resampled} non-negative counts");
            }
            names.add(Text.readable(Objects.requireNonNull(e.getKey(), "class name")));
            counts.add(pair.clone());
            largest = Math.max(largest, Math.max(pair[0], pair[1]));
        }

        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D sg = scratch.createGraphics();
        FontMetrics labelMetrics = sg.getFontMetrics(LABEL_FONT);
        int titleWidth = sg.getFontMetrics(TITLE_FONT).stringWidth(title);
        sg.dispose();
        int labelWidth = 0;
        for (int i = 0; i < names.size(); i++) {
            names.set(i, Text.ellipsize(names.get(i), labelMetrics, MAX_LABEL_WIDTH));
            labelWidth = Math.max(labelWidth, labelMetrics.stringWidth(names.get(i)));
        }
        int plotLeft = MARGIN + labelWidth + 10;
        int plotTop = MARGIN + TITLE_HEIGHT + LEGEND_HEIGHT;
        int plotHeight = names.size() * ROW;
        int width = Math.max(plotLeft + PLOT_WIDTH + VALUE_ROOM + MARGIN, Math.min(titleWidth + 2 * MARGIN, 2400));
        int height = plotTop + plotHeight + AXIS_HEIGHT + MARGIN;
        AxisTicks ticks = AxisTicks.covering(largest, 8);

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(TITLE_FONT);
            g.setColor(INK);
            FontMetrics tfm = g.getFontMetrics();
            String shownTitle = Text.ellipsize(title, tfm, width - 2 * MARGIN);
            g.drawString(shownTitle, (width - tfm.stringWidth(shownTitle)) / 2, MARGIN + tfm.getAscent());
            drawLegend(g, plotLeft, MARGIN + TITLE_HEIGHT);
            drawGrid(g, ticks, plotLeft, plotTop, plotHeight);
            drawBars(g, names, counts, ticks, plotLeft, plotTop);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawLegend(Graphics2D g, int x, int y) {
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        String[] names = {"original", "resampled"};
        Color[] colours = {ORIGINAL, RESAMPLED};
        int cx = x;
        for (int i = 0; i < names.length; i++) {
            g.setColor(colours[i]);
            g.fillRect(cx, y + 4, 14, 14);
            g.setColor(INK);
            g.drawString(names[i], cx + 20, y + 4 + (14 + fm.getAscent() - fm.getDescent()) / 2);
            cx += 20 + fm.stringWidth(names[i]) + 24;
        }
    }

    private static void drawGrid(Graphics2D g, AxisTicks ticks, int plotLeft, int plotTop, int plotHeight) {
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        DecimalFormat format = countFormat();
        int bottom = plotTop + plotHeight;
        int steps = (int) Math.round(ticks.max() / ticks.step());
        for (int i = 0; i <= steps; i++) {
            double value = i * ticks.step();
            int x = plotLeft + (int) Math.round(value / ticks.max() * PLOT_WIDTH);
            g.setColor(new Color(0xe3e3e3));
            g.drawLine(x, plotTop, x, bottom);
            g.setColor(INK);
            g.drawLine(x, bottom, x, bottom + 4);
            String label = format.format(value);
            g.drawString(label, x - fm.stringWidth(label) / 2, bottom + 6 + fm.getAscent());
        }
        g.setColor(new Color(0x606060));
        g.drawLine(plotLeft, plotTop, plotLeft, bottom);
        g.drawLine(plotLeft, bottom, plotLeft + PLOT_WIDTH, bottom);
        g.setFont(new Font(ChartStyle.FAMILY, Font.PLAIN, 15));
        FontMetrics afm = g.getFontMetrics();
        String axis = "images per class";
        g.setColor(INK);
        g.drawString(axis, plotLeft + (PLOT_WIDTH - afm.stringWidth(axis)) / 2, bottom + AXIS_HEIGHT - 6);
    }

    private static void drawBars(Graphics2D g, List<String> names, List<int[]> counts, AxisTicks ticks,
            int plotLeft, int plotTop) {
        DecimalFormat format = countFormat();
        for (int i = 0; i < names.size(); i++) {
            int rowTop = plotTop + i * ROW;
            if (i % 2 == 1) {
                // Light banding ties each pair of bars to its label.
                g.setColor(new Color(0xf4f6f8));
                g.fillRect(plotLeft + 1, rowTop, PLOT_WIDTH + VALUE_ROOM - 1, ROW);
            }
            g.setFont(LABEL_FONT);
            FontMetrics fm = g.getFontMetrics();
            g.setColor(INK);
            g.drawString(names.get(i), plotLeft - 10 - fm.stringWidth(names.get(i)),
                    rowTop + (ROW + fm.getAscent() - fm.getDescent()) / 2);
            g.setFont(VALUE_FONT);
            FontMetrics vfm = g.getFontMetrics();
            for (int k = 0; k < 2; k++) {
                int value = counts.get(i)[k];
                int y = rowTop + 6 + k * BAR;
                int length = (int) Math.round(value / ticks.max() * PLOT_WIDTH);
                g.setColor(k == 0 ? ORIGINAL : RESAMPLED);
                g.fillRect(plotLeft + 1, y, length, BAR - 1);
                g.setColor(INK);
                g.drawString(format.format(value), plotLeft + length + 5,
                        y + (BAR - 1 + vfm.getAscent() - vfm.getDescent()) / 2);
            }
        }
    }

    private static DecimalFormat countFormat() {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
