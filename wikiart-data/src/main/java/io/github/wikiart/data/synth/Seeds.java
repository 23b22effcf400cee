package io.github.wikiart.data.synth;

/** Deterministic seed derivation (SplitMix64 finaliser); no state. */
final class Seeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The SplitMix64 finaliser: a bijective, well-mixing function of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Combines a seed with further values, order-sensitively. */
    static long combine(long seed, long... values) {
        long h = mix(seed + GOLDEN);
        for (long v : values) {
            h = mix(h ^ mix(v + GOLDEN));
        }
        return h;
    }
}
