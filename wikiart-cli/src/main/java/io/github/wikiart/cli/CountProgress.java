package io.github.wikiart.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a job over a known number of items (folder inference): at most one line every few
 * seconds with the count, the rate and the time left, then a final line.
 */
final class CountProgress {
    private static final long EVERY_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final String verb;
    private final long total;
    private final long start = System.nanoTime();
    private long last = start;
    private long done;

    /**
     * @param out where to print (the console's progress stream)
     * @param verb what happens to an item, e.g. {@code predicted}
     * @param total how many items there are
     */
    CountProgress(PrintStream out, String verb, long total) {
        this.out = out;
        this.verb = verb;
        this.total = total;
    }

    /** Counts one item, printing a line when the last one is a few seconds old. */
    void tick() {
        done++;
        long now = System.nanoTime();
        if (now - last >= EVERY_NANOS && done < total) {
            last = now;
            double seconds = (now - start) / 1e9;
            double rate = done / seconds;
            out.printf(Locale.ROOT, "%s %d/%d images  %.1f images/s  eta %s%n", verb, done, total, rate,
                    ProgressBar.duration((total - done) / rate));
        }
    }

    /** @param failed how many items failed; prints the final line */
    void finish(long failed) {
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%d images: %d %s, %d failed (%.1f s)%n", done, done - failed, verb, failed, seconds);
    }
}
