package io.github.wikiart.viz;

/**
 * Round tick steps (1, 2 or 5 times a power of ten) for hand-drawn axes.
 *
 * @param step distance between ticks
 * @param max the axis end, a multiple of {@code step} at or above the data maximum
 */
record AxisTicks(double step, double max) {
    /**
     * Ticks for an axis from 0 to at least {@code dataMax} with about {@code targetCount} steps.
     *
     * @param dataMax largest value to show; 0 or less gives an axis from 0 to 1
     * @param targetCount wanted number of steps, at least 1
     * @return the ticks
     */
    static AxisTicks covering(double dataMax, int targetCount) {
        if (!(dataMax > 0)) {
            return new AxisTicks(0.2, 1);
        }
        double raw = dataMax / Math.max(1, targetCount);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        double step = nice * magnitude;
        return new AxisTicks(step, Math.ceil(dataMax / step - 1e-9) * step);
    }
}
