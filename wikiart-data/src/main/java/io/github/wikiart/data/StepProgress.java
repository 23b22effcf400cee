package io.github.wikiart.data;

/**
 * Progress of a long step over a known number of items, such as verifying a dataset's images: the
 * library reports, a console or UI shows it (rate, time left).
 */
@FunctionalInterface
public interface StepProgress {
    /** Ignores every report. */
    StepProgress NONE = (step, done, total) -> {
    };

    /**
     * Called after each item, on the thread doing the step.
     *
     * @param step what is being done, e.g. {@code verifying train images}
     * @param done items done so far
     * @param total items in the step
     */
    void onProgress(String step, long done, long total);
}
