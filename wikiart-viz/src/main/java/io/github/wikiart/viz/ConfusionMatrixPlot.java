package io.github.wikiart.viz;

import java.awt.BasicStroke;
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
import java.util.Locale;
import java.util.Objects;

/**
 * A confusion matrix as a heatmap: true style down the side, predicted style along the bottom,
 * the count in every cell, colours normalised per row (so each cell shows the share of its true
 * class, and small classes are as visible as large ones), per-class recall and support on the
 * right, and the overall accuracy in the title. Drawn with Java2D, which keeps 27 long class names
 * readable.
 */
public final class ConfusionMatrixPlot {
    private static final Font TITLE_FONT = new Font(ChartStyle.FAMILY, Font.BOLD, 20);
    private static final Font LABEL_FONT = new Font(ChartStyle.FAMILY, Font.PLAIN, 13);
    private static final Font AXIS_FONT = new Font(ChartStyle.FAMILY, Font.BOLD, 15);
    private static final Color INK = new Color(0x202020);
    private static final Color GRID = new Color(0xd0d0d0);

    private ConfusionMatrixPlot() {
    }

    /**
     * Writes the confusion matrix as a PNG; its size grows with the number of classes.
     *
     * @param matrix counts indexed {@code [true][predicted]}; square, non-negative
     * @param classNames one name per row/column, in index order
     * @param title the title; the overall accuracy is appended
     * @param png the target file, written atomically
     * @throws IllegalArgumentException if the matrix is empty, not square, has negative counts, or
     *     does not match {@code classNames}
     * @throws IOException if the file cannot be written
     */
    public static void write(int[][] matrix, List<String> classNames, String title, Path png) throws IOException {
        PngFiles.write(render(matrix, classNames, title), png);
    }

    /**
     * Renders the confusion matrix.
     *
     * @param matrix as for {@link #write}
     * @param classNames as for {@link #write}
     * @param title as for {@link #write}
     * @return the image
     */
    static BufferedImage render(int[][] matrix, List<String> classNames, String title) {
        check(matrix, classNames);
        Objects.requireNonNull(title, "title");
        String fullTitle = title + " \u2014 " + accuracyText(matrix);
        ConfusionMatrixLayout layout = layout(classNames, fullTitle);
        List<String> labels = layout.labels;

        BufferedImage image = new BufferedImage(layout.width, layout.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, layout.width, layout.height);
            drawTitle(g, fullTitle, layout);
            drawCells(g, matrix, layout);
            drawLabels(g, labels, layout);
            drawStats(g, matrix, layout);
            drawColourBar(g, layout);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Lays out a matrix with these class names and this full title.
     *
     * @param classNames class names as given
     * @param fullTitle the title including the accuracy
     * @return the layout, holding the shortened labels
     */
    static ConfusionMatrixLayout layout(List<String> classNames, String fullTitle) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            FontMetrics labelMetrics = g.getFontMetrics(LABEL_FONT);
            int titleWidth = g.getFontMetrics(TITLE_FONT).stringWidth(fullTitle);
            List<String> labels = new ArrayList<>();
            for (String name : classNames) {
                labels.add(Text.ellipsize(Text.readable(name), labelMetrics, ConfusionMatrixLayout.MAX_LABEL_WIDTH));
            }
            return new ConfusionMatrixLayout(labels, labelMetrics,
                    Math.min(titleWidth + 2 * ConfusionMatrixLayout.MARGIN, 2400));
        } finally {
            g.dispose();
        }
    }

    private static void check(int[][] matrix, List<String> classNames) {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(classNames, "classNames");
        int n = matrix.length;
        if (n == 0) {
            throw new IllegalArgumentException("confusion matrix has no classes");
        }
        if (classNames.size() != n) {
            throw new IllegalArgumentException("matrix has " + n + " rows but " + classNames.size() + " class names");
        }
        for (int r = 0; r < n; r++) {
            if (matrix[r] == null || matrix[r].length != n) {
                throw new IllegalArgumentException("matrix row " + r + " has "
                        + (matrix[r] == null ? "no" : matrix[r].length) + " entries, expected " + n);
            }
            for (int c = 0; c < n; c++) {
                if (matrix[r][c] < 0) {
                    throw new IllegalArgumentException("negative count " + matrix[r][c] + " at [" + r + "][" + c + "]");
                }
            }
            Objects.requireNonNull(classNames.get(r), "class name " + r);
        }
    }

    /**
     * @return "accuracy 61.2% (612/1000)", or a note that there are no samples
     */
    static String accuracyText(int[][] matrix) {
        long total = 0;
        long correct = 0;
        for (int r = 0; r < matrix.length; r++) {
            correct += matrix[r][r];
            for (int count : matrix[r]) {
                total += count;
            }
        }
        if (total == 0) {
            return "accuracy n/a (no samples)";
        }
        return String.format(Locale.ROOT, "accuracy %.1f%% (%d/%d)", 100.0 * correct / total, correct, total);
    }

    private static void drawTitle(Graphics2D g, String title, ConfusionMatrixLayout layout) {
        g.setFont(TITLE_FONT);
        g.setColor(INK);
        FontMetrics fm = g.getFontMetrics();
        String shown = Text.ellipsize(title, fm, layout.width - 2 * ConfusionMatrixLayout.MARGIN);
        int x = Math.max(ConfusionMatrixLayout.MARGIN, (layout.width - fm.stringWidth(shown)) / 2);
        g.drawString(shown, x, ConfusionMatrixLayout.MARGIN + fm.getAscent());
    }

    private static void drawCells(Graphics2D g, int[][] matrix, ConfusionMatrixLayout layout) {
        int n = matrix.length;
        int cell = layout.cell;
        int largest = 0;
        for (int[] row : matrix) {
            for (int count : row) {
                largest = Math.max(largest, count);
            }
        }
        Font countFont = fittingFont(g, String.valueOf(largest), cell - 6, Math.min(15, cell / 3 + 2));
        g.setFont(countFont);
        FontMetrics fm = g.getFontMetrics();
        for (int r = 0; r < n; r++) {
            long rowSum = 0;
            for (int count : matrix[r]) {
                rowSum += count;
            }
            for (int c = 0; c < n; c++) {
                int count = matrix[r][c];
                double share = rowSum == 0 ? 0 : (double) count / rowSum;
                Color fill = Palette.ramp(share);
                int x = layout.cellX(c);
                int y = layout.cellY(r);
                g.setColor(fill);
                g.fillRect(x, y, cell, cell);
                g.setColor(count == 0 ? new Color(0xb0b0b0) : Palette.textOn(fill));
                String text = String.valueOf(count);
                g.drawString(text, x + (cell - fm.stringWidth(text)) / 2,
                        y + (cell + fm.getAscent() - fm.getDescent()) / 2);
            }
        }
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i <= n; i++) {
            g.drawLine(layout.cellX(i), layout.matrixTop, layout.cellX(i), layout.matrixBottom());
            g.drawLine(layout.matrixLeft, layout.cellY(i), layout.matrixRight(), layout.cellY(i));
        }
        g.setColor(new Color(0x606060));
        g.drawRect(layout.matrixLeft, layout.matrixTop, layout.matrixSize(), layout.matrixSize());
    }

    /** The largest plain font up to {@code maxSize} (but not below 9) in which {@code text} fits. */
    private static Font fittingFont(Graphics2D g, String text, int width, int maxSize) {
        for (int size = maxSize; size > 9; size--) {
            Font font = new Font(ChartStyle.FAMILY, Font.PLAIN, size);
            if (g.getFontMetrics(font).stringWidth(text) <= width) {
                return font;
            }
        }
        return new Font(ChartStyle.FAMILY, Font.PLAIN, 9);
    }

    private static void drawLabels(Graphics2D g, List<String> labels, ConfusionMatrixLayout layout) {
        g.setFont(LABEL_FONT);
        g.setColor(INK);
        FontMetrics fm = g.getFontMetrics();
        int cell = layout.cell;
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            int w = fm.stringWidth(label);
            // Row label, right-aligned against the matrix.
            g.drawString(label, layout.matrixLeft - ConfusionMatrixLayout.LABEL_GAP - w,
                    layout.cellY(i) + (cell + fm.getAscent() - fm.getDescent()) / 2);
            // Column label, rotated to read upwards and ending just below the matrix.
            Graphics2D rotated = (Graphics2D) g.create();
            rotated.translate(layout.cellX(i) + (cell + fm.getAscent() - fm.getDescent()) / 2,
                    layout.matrixBottom() + ConfusionMatrixLayout.LABEL_GAP);
            rotated.rotate(-Math.PI / 2);
            rotated.drawString(label, -w, 0);
            rotated.dispose();
        }
        g.setFont(AXIS_FONT);
        FontMetrics afm = g.getFontMetrics();
        String predicted = "predicted style";
        int centreX = layout.matrixLeft + layout.matrixSize() / 2;
        g.drawString(predicted, centreX - afm.stringWidth(predicted) / 2,
                layout.matrixBottom() + ConfusionMatrixLayout.LABEL_GAP + layout.labelWidth + 10 + afm.getAscent());
        String truth = "true style";
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.translate(ConfusionMatrixLayout.MARGIN + afm.getAscent(), layout.matrixTop + layout.matrixSize() / 2);
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(truth, -afm.stringWidth(truth) / 2, 0);
        rotated.dispose();
    }

    private static void drawStats(Graphics2D g, int[][] matrix, ConfusionMatrixLayout layout) {
        int recallX = layout.matrixRight() + 12;
        int supportX = recallX + 62;
        g.setFont(new Font(ChartStyle.FAMILY, Font.BOLD, 12));
        g.setColor(INK);
        g.drawString("recall", recallX, layout.matrixTop - 6);
        g.drawString("n", supportX, layout.matrixTop - 6);
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        for (int r = 0; r < matrix.length; r++) {
            long rowSum = 0;
            for (int count : matrix[r]) {
                rowSum += count;
            }
            String recall = rowSum == 0 ? "\u2013"
                    : String.format(Locale.ROOT, "%.0f%%", 100.0 * matrix[r][r] / rowSum);
            int baseline = layout.cellY(r) + (layout.cell + fm.getAscent() - fm.getDescent()) / 2;
            g.drawString(recall, recallX, baseline);
            g.drawString(String.valueOf(rowSum), supportX, baseline);
        }
    }

    private static void drawColourBar(Graphics2D g, ConfusionMatrixLayout layout) {
        int x = layout.matrixRight() + ConfusionMatrixLayout.STATS_WIDTH;
        int barWidth = 18;
        int barHeight = Math.min(layout.matrixSize(), 320);
        int top = layout.matrixTop;
        // Paint the ramp in thin slices so its bend matches the cell colours exactly.
        for (int i = 0; i < barHeight; i++) {
            g.setColor(Palette.ramp(1.0 - (double) i / (barHeight - 1)));
            g.fillRect(x, top + i, barWidth, 1);
        }
        g.setColor(new Color(0x606060));
        g.drawRect(x, top, barWidth, barHeight);
        g.setFont(new Font(ChartStyle.FAMILY, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        String[] ticks = {"100%", "50%", "0%"};
        double[] at = {1.0, 0.5, 0.0};
        for (int i = 0; i < ticks.length; i++) {
            int y = top + (int) Math.round((1.0 - at[i]) * barHeight);
            g.drawLine(x + barWidth, y, x + barWidth + 4, y);
            g.drawString(ticks[i], x + barWidth + 7, y + (fm.getAscent() - fm.getDescent()) / 2);
        }
        String caption = "share of true class";
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.translate(x + barWidth + 50 + fm.getAscent(), top + barHeight / 2);
        rotated.rotate(Math.PI / 2);
        rotated.drawString(caption, -fm.stringWidth(caption) / 2, 0);
        rotated.dispose();
    }
}
