package io.github.wikiart.viz;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One picture of an {@link ImageGrid} with the caption drawn below it.
 *
 * @param image the picture, any size (scaled to fit the cell)
 * @param caption the caption, e.g. a style name; may be empty, shortened if too long
 */
public record GridCell(BufferedImage image, String caption) {
    /**
     * Rejects a missing image or caption.
     *
     * @param image the picture
     * @param caption the caption
     */
    public GridCell {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(caption, "caption");
    }
}
