package io.github.wikiart.bench;

import java.util.Arrays;

/**
 * How a step is timed: {@code warmup} untimed steps, then timed steps until there are at least
 * {@code minSteps} of them and they took at least {@code minSeconds} together (at most
 * {@value #MAX_STEPS}). Fast networks thus get more timed steps, which keeps their medians stable.
 *
 * @param warmup untimed steps, at least 0
 * @param minSteps timed steps at least, 1 to {@value #MAX_STEPS}
 * @param minSeconds timed seconds at least, 0 or more
 */
public record StepPlan(int warmup, int minSteps, double minSeconds) {
    /** The most timed steps. */
    public static final int MAX_STEPS = 100;

    /** Validates. */
    public StepPlan {
        if (warmup < 0 || minSteps < 1 || minSteps > MAX_STEPS || !(minSeconds >= 0)) {
            throw new IllegalArgumentException("need warmup >= 0, 1 <= minSteps <= " + MAX_STEPS
                    + " and minSeconds >= 0, got " + warmup + ", " + minSteps + ", " + minSeconds);
        }
    }

    /**
     * Times a step.
     *
     * @param batch images per step
     * @param step the step
     * @return images per second of each timed step
     */
    public double[] imagesPerSecond(long batch, Runnable step) {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        double[] ips = new double[MAX_STEPS];
        int n = 0;
        long total = 0;
        while (n < minSteps || (total < minSeconds * 1e9 && n < MAX_STEPS)) {
            long t = System.nanoTime();
            step.run();
            long dt = System.nanoTime() - t;
            total += dt;
            ips[n++] = batch / (dt / 1e9);
        }
        return Arrays.copyOf(ips, n);
    }
}
