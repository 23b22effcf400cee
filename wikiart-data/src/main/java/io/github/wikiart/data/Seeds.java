package io.github.wikiart.data;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from the one seed of a configuration, so that
 * adding a random step in one place never changes the numbers drawn in another.
 */
public final class Seeds {
    private Seeds() {
    }

    /**
     * A seed for one named purpose, e.g. {@code derive(seed, "resample/train")}.
     *
     * @param seed the configuration's seed
     * @param purpose a stable name of the purpose
     * @return a well-mixed seed that depends on both
     */
    public static long derive(long seed, String purpose) {
        long h = 1125899906842597L;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return new SplittableRandom(seed ^ new SplittableRandom(h).nextLong()).nextLong();
    }
}
