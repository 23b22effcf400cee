package io.github.wikiart.reports.transfer;

import java.util.Locale;

/**
 * The size at which {@link TransferApply} runs the network on a photo: the training size (the photo
 * prepared as in training, a square; the default), the photo's own size, or the photo scaled so
 * that its longer side has a given length, keeping its aspect ratio.
 *
 * @param mode which of the three
 * @param longerSide the longer side in pixels for {@link Mode#LONGER_SIDE}, else 0
 */
public record ApplySize(Mode mode, int longerSide) {
    /** How the size is chosen. */
    public enum Mode {
        /** The model's square training size, with its training resize mode. */
        TRAINING,
        /** The photo's own width and height. */
        NATIVE,
        /** The photo scaled so that its longer side is {@link #longerSide()}. */
        LONGER_SIDE
    }

    /** The training size: today's behaviour, and the default. */
    public static final ApplySize TRAINING = new ApplySize(Mode.TRAINING, 0);
    /** The photo's own size. */
    public static final ApplySize NATIVE = new ApplySize(Mode.NATIVE, 0);

    /** Validates. */
    public ApplySize {
        java.util.Objects.requireNonNull(mode, "mode");
        if (mode == Mode.LONGER_SIDE ? longerSide < 1 : longerSide != 0) {
            throw new IllegalArgumentException("size: the longer side must be >= 1 with LONGER_SIDE and 0 otherwise, got "
                    + longerSide);
        }
    }

    /**
     * @param pixels the longer side, at least 1
     * @return the photo scaled to that longer side
     */
    public static ApplySize longerSide(int pixels) {
        return new ApplySize(Mode.LONGER_SIDE, pixels);
    }

    /**
     * @param text {@code training}, {@code native} or a whole number of pixels for the longer side
     * @return the size
     * @throws IllegalArgumentException naming the value and what is accepted
     */
    public static ApplySize parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("training")) {
            return TRAINING;
        }
        if (t.equals("native")) {
            return NATIVE;
        }
        try {
            int n = Integer.parseInt(t);
            if (n >= 1) {
                return longerSide(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected native, training or a longer side in pixels (a whole number "
                + ">= 1), got '" + text + "'");
    }

    /**
     * The width and height the network runs at for a photo, when not {@link Mode#TRAINING}: its own
     * size, or scaled so its longer side is {@link #longerSide()} and the other side is
     * {@code round(side x longerSide / longer)} (halves round up, never below 1): 640x427 at 100
     * is 100x67.
     *
     * @param width the photo's width
     * @param height the photo's height
     * @return {@code {width, height}}
     * @throws IllegalStateException for {@link Mode#TRAINING}, whose size is the model's
     */
    public int[] of(int width, int height) {
        return switch (mode) {
            case TRAINING -> throw new IllegalStateException("the training size is the model's, not the photo's");
            case NATIVE -> new int[] {width, height};
            case LONGER_SIDE -> {
                double s = (double) longerSide / Math.max(width, height);
                yield width >= height
                        ? new int[] {longerSide, (int) Math.max(1, Math.round(height * s))}
                        : new int[] {(int) Math.max(1, Math.round(width * s)), longerSide};
            }
        };
    }

    @Override
    public String toString() {
        return switch (mode) {
            case TRAINING -> "training";
            case NATIVE -> "native";
            case LONGER_SIDE -> Integer.toString(longerSide);
        };
    }
}
