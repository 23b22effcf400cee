package io.github.wikiart.train;

/** Thrown inside a trainer when training cannot go on, e.g. a NaN loss. */
public class TrainingStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message why */
    public TrainingStoppedException(String message) {
        super(message);
    }
}
