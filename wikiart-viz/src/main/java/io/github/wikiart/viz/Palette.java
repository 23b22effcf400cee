package io.github.wikiart.viz;

import java.awt.Color;

/** Colours shared by the plots: distinct categorical colours and a white-to-blue ramp. */
final class Palette {
    /**
     * Thirty colours that stay apart on a white background: Tableau 10, then darker and
     * mid-tone companions, so the first groups get the most distinct hues.
     */
    private static final int[] CATEGORICAL = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
        0x393b79, 0xe6ab02, 0x637939, 0x843c39, 0x7b4173, 0x000000, 0x6baed6, 0xfd8d3c, 0x74c476, 0xf768a1,
        0x9e9ac8, 0xc49c94, 0x8c6d31, 0x1b9e77, 0xa50f15, 0x08519c, 0xd9d900, 0x525252, 0x54278f, 0x00a087,
    };

    /** Low end (0) of the sequential ramp: almost white. */
    private static final Color RAMP_LOW = new Color(0xf7fbff);
    /** High end (1) of the sequential ramp: dark blue. */
    private static final Color RAMP_HIGH = new Color(0x08306b);

    private Palette() {
    }

    /**
     * A categorical colour.
     *
     * @param index group index, 0-based
     * @return a fixed colour for the first 30 groups, then hues spread by the golden angle
     */
    static Color categorical(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative colour index: " + index);
        }
        if (index < CATEGORICAL.length) {
            return new Color(CATEGORICAL[index]);
        }
        float hue = (float) ((index * 0.6180339887498949) % 1.0);
        return Color.getHSBColor(hue, 0.75f, 0.8f);
    }

    /**
     * A colour on the white-to-dark-blue ramp.
     *
     * @param fraction position in [0, 1]; values outside and NaN are clamped (NaN counts as 0)
     * @return the interpolated colour
     */
    static Color ramp(double fraction) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        // A mild bend keeps shares of a few percent visible without drowning the diagonal.
        f = Math.pow(f, 0.7);
        return new Color(
                mix(RAMP_LOW.getRed(), RAMP_HIGH.getRed(), f),
                mix(RAMP_LOW.getGreen(), RAMP_HIGH.getGreen(), f),
                mix(RAMP_LOW.getBlue(), RAMP_HIGH.getBlue(), f));
    }

    /**
     * Black or white, whichever reads better on {@code background}.
     *
     * @param background the fill colour
     * @return a text colour
     */
    static Color textOn(Color background) {
        double luminance = 0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue();
        return luminance < 140 ? Color.WHITE : new Color(0x202020);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
