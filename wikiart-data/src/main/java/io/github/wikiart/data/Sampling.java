package io.github.wikiart.data;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * How many samples each class of a split should have after resampling, following the original
 * system's {@code trainsampling}/{@code testsampling} rules.
 *
 * <p>Spellings accepted by {@link #parse(String)}: {@code none} (also empty, {@code false},
 * {@code 0}), {@code mean}, {@code max}, {@code min}, a fraction {@code 0 < f < 1} (target
 * {@code round(f * largest class)}) and a whole count {@code n >= 1} (exactly {@code n} per
 * class). Rounding is Python's {@code round}: halves go to the even neighbour.
 */
public sealed interface Sampling {

    /** Leave every class as it is. */
    record None() implements Sampling {
        @Override public String toString() { return "none"; }
    }

    /** Every class gets {@code round(total / classes)}. */
    record Mean() implements Sampling {
        @Override public String toString() { return "mean"; }
    }

    /** Every class gets the size of the largest class. */
    record Max() implements Sampling {
        @Override public String toString() { return "max"; }
    }

    /** Every class gets the size of the smallest class. */
    record Min() implements Sampling {
        @Override public String toString() { return "min"; }
    }

    /**
     * Every class gets {@code round(fraction * largest class)}.
     *
     * @param fraction strictly between 0 and 1
     */
    record Fraction(double fraction) implements Sampling {
        /** Validates the fraction. */
        public Fraction {
            if (!(fraction > 0 && fraction < 1)) {
                throw new IllegalArgumentException("sampling fraction must be in (0, 1), got " + fraction);
            }
        }

        @Override public String toString() { return Double.toString(fraction); }
    }

    /**
     * Every class gets exactly {@code count} samples.
     *
     * @param count at least 1
     */
    record Count(int count) implements Sampling {
        /** Validates the count. */
        public Count {
            if (count < 1) {
                throw new IllegalArgumentException("sampling count must be >= 1, got " + count);
            }
        }

        @Override public String toString() { return Integer.toString(count); }
    }

    /** The no-op sampling. */
    Sampling NONE = new None();

    /**
     * Target size for every class, given the current class sizes.
     *
     * @param classSizes sizes of the classes of one split (empty classes included)
     * @return the target count, or -1 for {@link None} (keep each class as it is)
     */
    default int target(Collection<Integer> classSizes) {
        Objects.requireNonNull(classSizes, "classSizes");
        if (this instanceof None || classSizes.isEmpty()) {
            return -1;
        }
        long total = 0;
        int max = 0;
        int min = Integer.MAX_VALUE;
        for (int size : classSizes) {
            total += size;
            max = Math.max(max, size);
            min = Math.min(min, size);
        }
        if (this instanceof Mean) {
            return (int) PythonRound.halfEven((double) total / classSizes.size());
        } else if (this instanceof Max) {
            return max;
        } else if (this instanceof Min) {
            return min;
        } else if (this instanceof Fraction f) {
            return (int) PythonRound.halfEven(f.fraction() * max);
        } else {
            return ((Count) this).count();
        }
    }

    /**
     * Parses a sampling specification.
     *
     * @param spec {@code none}, {@code mean}, {@code max}, {@code min}, a fraction or a count;
     *     {@code null} means none
     * @return the sampling
     * @throws IllegalArgumentException naming the value and the accepted spellings
     */
    static Sampling parse(String spec) {
        if (spec == null) {
            return NONE;
        }
        String s = spec.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "", "none", "false", "null", "0", "0.0":
                return NONE;
            case "mean":
                return new Mean();
            case "max":
                return new Max();
            case "min":
                return new Min();
            default:
                break;
        }
        double value;
        try {
            value = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid sampling '" + spec
                    + "': expected none, mean, max, min, a fraction in (0, 1) or a whole count >= 1");
        }
        if (value > 0 && value < 1) {
            return new Fraction(value);
        }
        if (value >= 1 && value == Math.rint(value) && value <= Integer.MAX_VALUE) {
            return new Count((int) value);
        }
        throw new IllegalArgumentException("invalid sampling '" + spec
                + "': a number must be a fraction in (0, 1) or a whole count >= 1");
    }
}
