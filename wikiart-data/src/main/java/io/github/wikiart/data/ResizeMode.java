package io.github.wikiart.data;

import java.util.Locale;

/** How an image of any aspect ratio becomes a square of the configured side. */
public enum ResizeMode {
    /** Scale both sides to the target, distorting the aspect ratio (the original's behaviour). */
    STRETCH,
    /** Scale the short side to the target and cut the centre square. */
    CROP,
    /** Scale the long side to the target and pad the rest with white, centred. */
    PAD;

    /**
     * Parses {@code stretch}, {@code crop} (or {@code center_crop}) or {@code pad}, in any case.
     *
     * @param s the name
     * @return the mode
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static ResizeMode parse(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (v) {
            case "stretch" -> STRETCH;
            case "crop", "center_crop", "centre_crop" -> CROP;
            case "pad" -> PAD;
            default -> throw new IllegalArgumentException(
                    "invalid resize mode '" + s + "': expected stretch, crop or pad");
        };
    }

    /** @return the lower-case name used in configs */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
