package io.github.wikiart.viz;

import java.awt.FontMetrics;
import java.util.List;

/**
 * Where each part of a confusion-matrix image goes, computed from the number of classes and the
 * widths of their (already shortened) labels.
 */
final class ConfusionMatrixLayout {
    /** Outer margin in pixels. */
    static final int MARGIN = 20;
    /** Height of the title band. */
    static final int TITLE_HEIGHT = 44;
    /** Width kept for the rotated "true style" axis title. */
    static final int AXIS_TITLE_SIZE = 30;
    /** Gap between labels and the matrix. */
    static final int LABEL_GAP = 8;
    /** Longest label in pixels; longer ones are ellipsized. */
    static final int MAX_LABEL_WIDTH = 210;
    /** Width of the recall and support columns right of the matrix, together. */
    static final int STATS_WIDTH = 130;
    /** Width of the colour bar plus its tick labels and caption. */
    static final int COLOUR_BAR_WIDTH = 110;

    final List<String> labels;
    final int classes;
    final int cell;
    final int labelWidth;
    final int matrixLeft;
    final int matrixTop;
    final int width;
    final int height;

    /**
     * @param labels the class labels as they will be drawn, at least one
     * @param labelMetrics metrics of the label font
     * @param minWidth the image is at least this wide (room for the title)
     */
    ConfusionMatrixLayout(List<String> labels, FontMetrics labelMetrics, int minWidth) {
        this.labels = List.copyOf(labels);
        this.classes = labels.size();
        this.cell = Math.max(40, Math.min(80, 960 / classes));
        int widest = 0;
        for (String label : labels) {
            widest = Math.max(widest, labelMetrics.stringWidth(label));
        }
        this.labelWidth = Math.min(MAX_LABEL_WIDTH, widest);
        this.matrixLeft = MARGIN + AXIS_TITLE_SIZE + labelWidth + LABEL_GAP;
        this.matrixTop = MARGIN + TITLE_HEIGHT;
        int contentWidth = matrixLeft + matrixSize() + STATS_WIDTH + COLOUR_BAR_WIDTH + MARGIN;
        this.width = Math.max(contentWidth, minWidth);
        this.height = matrixTop + matrixSize() + LABEL_GAP + labelWidth + AXIS_TITLE_SIZE + 10 + MARGIN;
    }

    /** @return side of the square matrix in pixels */
    int matrixSize() {
        return classes * cell;
    }

    /** @return left edge of column {@code col} */
    int cellX(int col) {
        return matrixLeft + col * cell;
    }

    /** @return top edge of row {@code row} */
    int cellY(int row) {
        return matrixTop + row * cell;
    }

    /** @return y just below the matrix */
    int matrixBottom() {
        return matrixTop + matrixSize();
    }

    /** @return x just right of the matrix */
    int matrixRight() {
        return matrixLeft + matrixSize();
    }
}
