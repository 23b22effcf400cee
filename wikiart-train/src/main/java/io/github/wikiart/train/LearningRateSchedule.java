package io.github.wikiart.train;

import java.util.Locale;
import java.util.Objects;

/**
 * How the learning rate changes from epoch to epoch: an optional linear warm-up, then one of three
 * shapes. With base rate {@code r}, {@code E} epochs and {@code W} warm-up epochs, epoch
 * {@code e} (1-based) uses:
 * <ul>
 *   <li>warm-up, {@code e <= W}: {@code r * e / (W + 1)};</li>
 *   <li>after it, with {@code t = e - W - 1} and {@code T = E - W}:
 *     <ul>
 *       <li>{@link Shape#CONSTANT}: {@code r};</li>
 *       <li>{@link Shape#COSINE}: {@code r * (1 + cos(pi * t / T)) / 2} (half a cosine from
 *           {@code r} towards 0; the last epoch is above 0);</li>
 *       <li>{@link Shape#STEP}: {@code r}, then {@code r / 10} from {@code 2t >= T} (half-way) and
 *           {@code r / 100} from {@code 4t >= 3T} (three quarters).</li>
 *     </ul></li>
 * </ul>
 * The rate is set once at the start of each epoch and holds for all of its steps.
 *
 * @param shape the shape after the warm-up
 * @param warmupEpochs epochs of linear warm-up, at least 0
 */
public record LearningRateSchedule(Shape shape, int warmupEpochs) {
    /** The shape of a schedule after its warm-up. */
    public enum Shape {
        /** The base rate throughout. */
        CONSTANT,
        /** Half a cosine from the base rate towards zero. */
        COSINE,
        /** The base rate, a tenth of it from half-way, a hundredth from three quarters. */
        STEP;

        /** @return the lower-case name used in configurations */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses a configuration name.
         *
         * @param text constant, cosine or step (any case)
         * @return the shape
         * @throws IllegalArgumentException naming the value when it is none of them
         */
        public static Shape parse(String text) {
            String v = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
            for (Shape s : values()) {
                if (s.name().equals(v)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("expected constant, cosine or step, got '" + text + "'");
        }
    }

    /** The base rate throughout, no warm-up. */
    public static final LearningRateSchedule CONSTANT = new LearningRateSchedule(Shape.CONSTANT, 0);

    /** Validates, naming the field. */
    public LearningRateSchedule {
        Objects.requireNonNull(shape, "shape");
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException("warmupEpochs must be >= 0, got " + warmupEpochs);
        }
    }

    /**
     * The learning rate of one epoch.
     *
     * @param base the base rate, &gt; 0
     * @param epoch the epoch, 1..epochs
     * @param epochs the number of epochs of the run; must exceed the warm-up
     * @return the rate for that epoch
     * @throws IllegalArgumentException when the epoch is out of range or the warm-up is not shorter
     *     than the run
     */
    public double rate(double base, int epoch, int epochs) {
        if (warmupEpochs >= epochs) {
            throw new IllegalArgumentException("warm-up of " + warmupEpochs + " epochs must be shorter than the run ("
                    + epochs + " epochs)");
        }
        if (epoch < 1 || epoch > epochs) {
            throw new IllegalArgumentException("epoch must be in 1.." + epochs + ", got " + epoch);
        }
        if (epoch <= warmupEpochs) {
            return base * epoch / (warmupEpochs + 1);
        }
        int t = epoch - warmupEpochs - 1;
        int total = epochs - warmupEpochs;
        return switch (shape) {
            case CONSTANT -> base;
            case COSINE -> base * 0.5 * (1 + Math.cos(Math.PI * t / total));
            case STEP -> 4 * t >= 3 * total ? base / 100 : 2 * t >= total ? base / 10 : base;
        };
    }
}
