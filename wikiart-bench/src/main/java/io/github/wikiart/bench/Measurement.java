package io.github.wikiart.bench;

import java.util.Arrays;

/**
 * Repeated throughput measurements of one network: training and inference images per second,
 * one value per timed repetition.
 *
 * @param train training images/s (forward, backward, update)
 * @param infer inference images/s (forward only)
 */
public record Measurement(double[] train, double[] infer) {
    /** Copies the arrays. */
    public Measurement {
        train = train.clone();
        infer = infer.clone();
    }

    /**
     * @param values measurements
     * @return their median
     */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /**
     * @param values measurements
     * @return the smallest
     */
    public static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    /**
     * @param values measurements
     * @return the largest
     */
    public static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
