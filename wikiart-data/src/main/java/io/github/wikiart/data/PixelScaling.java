package io.github.wikiart.data;

import java.util.Locale;

/**
 * How 8-bit pixel values become network inputs. Every model of this project uses {@link #UNIT};
 * a saved model records its scaling so that a model made with another one is refused, not fed
 * wrong numbers.
 */
public enum PixelScaling {
    /** {@code value / 255}, in [0, 1], no mean subtraction ({@link RgbPixels#toFloats}). */
    UNIT;

    /**
     * @param s a name as {@link #configName()} gives it, in any case
     * @return the scaling
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static PixelScaling parse(String s) {
        for (PixelScaling p : values()) {
            if (p.configName().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("invalid pixel scaling '" + s + "': expected unit");
    }

    /** @return the lower-case name used in saved models */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
