package io.github.wikiart.data;

/** Thrown when a model is used with data whose label index differs from the model's. */
public class LabelIndexMismatchException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message what differs */
    public LabelIndexMismatchException(String message) {
        super(message);
    }
}
