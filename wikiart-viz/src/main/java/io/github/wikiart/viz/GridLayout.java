package io.github.wikiart.viz;

/**
 * Positions of the cells of an {@link ImageGrid}: square pictures in rows, each with a caption
 * band of the same height below it.
 *
 * @param count number of cells
 * @param columns requested cells per row
 * @param cellSide side of each picture square
 * @param captionHeight height of the caption text, 0 if there are no captions
 */
record GridLayout(int count, int columns, int cellSide, int captionHeight) {
    /** Space between a picture and its caption. */
    static final int CAPTION_GAP = 4;

    /** @return cells per row actually used */
    int usedColumns() {
        return Math.min(columns, count);
    }

    /** @return number of rows */
    int rows() {
        return (count + usedColumns() - 1) / usedColumns();
    }

    /** @return height of one row: picture, caption and gap */
    int rowHeight() {
        return cellSide + (captionHeight > 0 ? CAPTION_GAP + captionHeight : 0) + ImageGrid.PAD;
    }

    /** @return image width */
    int width() {
        return ImageGrid.PAD + usedColumns() * (cellSide + ImageGrid.PAD);
    }

    /** @return image height */
    int height() {
        return ImageGrid.PAD + rows() * rowHeight();
    }

    /** @return left edge of the picture of cell {@code index} */
    int imageX(int index) {
        return ImageGrid.PAD + (index % usedColumns()) * (cellSide + ImageGrid.PAD);
    }

    /** @return top edge of the picture of cell {@code index} */
    int imageY(int index) {
        return ImageGrid.PAD + (index / usedColumns()) * rowHeight();
    }
}
