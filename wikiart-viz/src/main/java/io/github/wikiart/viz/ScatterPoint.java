package io.github.wikiart.viz;

import java.util.Objects;

/**
 * One point of a {@link ScatterPlot}.
 *
 * @param x horizontal coordinate, finite
 * @param y vertical coordinate, finite
 * @param group the group that decides the colour, e.g. a class name or "cluster 3"
 */
public record ScatterPoint(double x, double y, String group) {
    /**
     * Rejects non-finite coordinates and a missing group.
     *
     * @param x horizontal coordinate
     * @param y vertical coordinate
     * @param group the group
     */
    public ScatterPoint {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("scatter point must be finite, got (" + x + ", " + y + ")");
        }
        Objects.requireNonNull(group, "group");
    }
}
