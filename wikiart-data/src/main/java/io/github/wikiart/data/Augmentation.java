package io.github.wikiart.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Random changes to a training image that keep its style: a horizontal flip and a random square
 * crop resized back to the full side (bilinear). No colour changes: colour is part of a style.
 * Applied to the resized pixels of each training image, with a random stream per image and epoch,
 * so the same seed gives the same batches.
 *
 * @param flip whether to mirror left-right with probability 1/2
 * @param minCrop the smallest crop side as a fraction of the image side, in (0, 1]; the side is
 *     drawn uniformly from {@code [minCrop, 1]} of the image side and the position uniformly; 1 =
 *     no cropping
 */
public record Augmentation(boolean flip, double minCrop) {
    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(false, 1.0);

    /** Validates, naming the field. */
    public Augmentation {
        if (!(minCrop > 0 && minCrop <= 1)) {
            throw new IllegalArgumentException("minCrop must be in (0, 1], got " + minCrop);
        }
    }

    /**
     * A square region of an image.
     *
     * @param x left column
     * @param y top row
     * @param size side in pixels
     */
    public record Crop(int x, int y, int size) {
    }

    /** @return true when this changes nothing */
    public boolean isNone() {
        return !flip && minCrop == 1.0;
    }

    /** @return whether crops are drawn */
    public boolean crops() {
        return minCrop < 1.0;
    }

    /**
     * Parses a comma-separated list of operations.
     *
     * @param text {@code none}, or any of {@code flip}, {@code crop} separated by commas
     * @param minCrop the crop fraction used when {@code crop} is listed
     * @return the augmentation
     * @throws IllegalArgumentException naming an unknown operation
     */
    public static Augmentation parse(String text, double minCrop) {
        boolean flip = false;
        boolean crop = false;
        String v = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("none")) {
            for (String part : v.split(",")) {
                switch (part.trim()) {
                    case "flip" -> flip = true;
                    case "crop" -> crop = true;
                    default -> throw new IllegalArgumentException("expected none or a comma-separated list of flip, "
                            + "crop; got '" + text + "'");
                }
            }
        }
        return new Augmentation(flip, crop ? minCrop : 1.0);
    }

    /** @return the operations as {@link #parse} reads them: {@code none}, {@code flip}, {@code crop} or {@code flip,crop} */
    public String operations() {
        List<String> ops = new ArrayList<>();
        if (flip) {
            ops.add("flip");
        }
        if (crops()) {
            ops.add("crop");
        }
        return ops.isEmpty() ? "none" : String.join(",", ops);
    }

    /**
     * Draws a crop of an image.
     *
     * @param side the image side
     * @param random the stream to draw from
     * @return a square inside the image, of side {@code round(u * side)} for {@code u} uniform in
     *     {@code [minCrop, 1]}, at least 1
     */
    public Crop drawCrop(int side, SplittableRandom random) {
        double fraction = minCrop + (1 - minCrop) * random.nextDouble();
        int size = Math.max(1, Math.min(side, (int) Math.round(fraction * side)));
        int x = random.nextInt(side - size + 1);
        int y = random.nextInt(side - size + 1);
        return new Crop(x, y, size);
    }

    /**
     * Applies a random draw to one image. The draws are, in order: the flip (when on), then the
     * crop (when on).
     *
     * @param rgb interleaved R, G, B bytes of a {@code side x side} image (not modified)
     * @param side the image side
     * @param random the image's own stream
     * @return new bytes, or {@code rgb} itself when nothing changed
     */
    public byte[] apply(byte[] rgb, int side, SplittableRandom random) {
        byte[] out = rgb;
        if (flip && random.nextBoolean()) {
            out = mirror(out, side);
        }
        if (crops()) {
            Crop c = drawCrop(side, random);
            if (c.size() != side) {
                out = cropAndResize(out, side, c);
            }
        }
        return out;
    }

    /**
     * Mirrors an image left-right.
     *
     * @param rgb interleaved R, G, B bytes of a {@code side x side} image
     * @param side the side
     * @return the mirrored image, new bytes
     */
    public static byte[] mirror(byte[] rgb, int side) {
        byte[] out = new byte[rgb.length];
        for (int y = 0; y < side; y++) {
            int row = y * side * 3;
            for (int x = 0; x < side; x++) {
                System.arraycopy(rgb, row + 3 * (side - 1 - x), out, row + 3 * x, 3);
            }
        }
        return out;
    }

    /**
     * Cuts a square out of an image and resizes it to the full side with bilinear interpolation
     * (pixel centres aligned; samples outside the crop are clamped to its edge).
     *
     * @param rgb interleaved R, G, B bytes of a {@code side x side} image
     * @param side the side
     * @param crop the square, inside the image
     * @return the resized crop, new bytes
     * @throws IllegalArgumentException when the crop leaves the image
     */
    public static byte[] cropAndResize(byte[] rgb, int side, Crop crop) {
        if (crop.x() < 0 || crop.y() < 0 || crop.size() < 1 || crop.x() + crop.size() > side
                || crop.y() + crop.size() > side) {
            throw new IllegalArgumentException("crop " + crop + " leaves the " + side + " px image");
        }
        int c = crop.size();
        double scale = (double) c / side;
        int[] lo = new int[side];
        int[] hi = new int[side];
        double[] w = new double[side];
        for (int o = 0; o < side; o++) {
            double s = Math.min(c - 1, Math.max(0, (o + 0.5) * scale - 0.5));
            lo[o] = (int) Math.floor(s);
            hi[o] = Math.min(c - 1, lo[o] + 1);
            w[o] = s - lo[o];
        }
        byte[] out = new byte[side * side * 3];
        for (int oy = 0; oy < side; oy++) {
            int r0 = (crop.y() + lo[oy]) * side;
            int r1 = (crop.y() + hi[oy]) * side;
            double wy = w[oy];
            for (int ox = 0; ox < side; ox++) {
                int c0 = crop.x() + lo[ox];
                int c1 = crop.x() + hi[ox];
                double wx = w[ox];
                for (int ch = 0; ch < 3; ch++) {
                    double top = (rgb[3 * (r0 + c0) + ch] & 0xFF) * (1 - wx) + (rgb[3 * (r0 + c1) + ch] & 0xFF) * wx;
                    double bottom = (rgb[3 * (r1 + c0) + ch] & 0xFF) * (1 - wx) + (rgb[3 * (r1 + c1) + ch] & 0xFF) * wx;
                    out[3 * (oy * side + ox) + ch] = (byte) Math.round(top * (1 - wy) + bottom * wy);
                }
            }
        }
        return out;
    }
}
