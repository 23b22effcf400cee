package io.github.wikiart.reports.transfer;

import java.util.Objects;

/**
 * How {@link TransferApply} moves photos to a style.
 *
 * @param size the size the network runs at ({@link ApplySize#TRAINING} by default)
 * @param maxMegapixels the largest photo, in millions of pixels at the size the network runs at,
 *     that is transferred: the network's memory grows with the pixels, and a larger photo is
 *     refused (with its name and size) while the others are still transferred; ignored at the
 *     training size
 * @param keepColours keep the photo's colours: the result's luminance with the photo's
 *     chrominance ({@link KeepColours})
 */
public record ApplyOptions(ApplySize size, double maxMegapixels, boolean keepColours) {
    /**
     * The default limit, in megapixels. Measured on the development machine (2-core CPU, one
     * thread) with the default width-16 network: the process peaks at about 0.3 GB plus 0.53 GB
     * per megapixel and takes about 5 seconds per megapixel, so a 4-megapixel photo (2448x1632)
     * needs about 2.4 GB and 20 seconds. Memory grows with {@code transfer.width} too.
     * See docs/transfer.md.
     */
    public static final double DEFAULT_MAX_MEGAPIXELS = 4.0;

    /** Validates. */
    public ApplyOptions {
        Objects.requireNonNull(size, "size");
        if (!(maxMegapixels > 0) || Double.isInfinite(maxMegapixels)) {
            throw new IllegalArgumentException("maxMegapixels must be a positive number, got " + maxMegapixels);
        }
    }

    /** @return the training size, the default limit, the network's own colours: what apply did before these options */
    public static ApplyOptions defaults() {
        return new ApplyOptions(ApplySize.TRAINING, DEFAULT_MAX_MEGAPIXELS, false);
    }

    /** @param s the size @return these options at that size */
    public ApplyOptions withSize(ApplySize s) {
        return new ApplyOptions(s, maxMegapixels, keepColours);
    }

    /** @param limit megapixels @return these options with that limit */
    public ApplyOptions withMaxMegapixels(double limit) {
        return new ApplyOptions(size, limit, keepColours);
    }

    /** @param keep whether to keep the photo's colours @return these options with that choice */
    public ApplyOptions withKeepColours(boolean keep) {
        return new ApplyOptions(size, maxMegapixels, keep);
    }
}
