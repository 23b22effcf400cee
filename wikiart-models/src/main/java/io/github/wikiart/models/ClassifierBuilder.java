package io.github.wikiart.models;

import io.github.wikiart.data.TensorLayout;

/**
 * The settings both style classifiers' builders share beyond {@link NetworkBuilder}'s: input
 * side, number of classes (required) and dropout. Setters validate, naming the field.
 *
 * @param <B> the concrete builder, returned by the setters
 */
public abstract class ClassifierBuilder<B extends ClassifierBuilder<B>> extends NetworkBuilder<B> {
    /** Input side in pixels. */
    protected int inputSide;
    /** Number of classes, or -1 while unset. */
    protected int numClasses = -1;
    /** Drop probability. */
    protected double dropout = 0.2;

    /**
     * @param defaultLayout the layout this network uses unless told otherwise
     * @param defaultSide the input side unless told otherwise
     */
    protected ClassifierBuilder(TensorLayout defaultLayout, int defaultSide) {
        super(defaultLayout);
        this.inputSide = defaultSide;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** @param side input side in pixels, at least 4 @return this */
    public B inputSide(int side) {
        if (side < 4) {
            throw new IllegalArgumentException("inputSide must be >= 4, got " + side);
        }
        this.inputSide = side;
        return self();
    }

    /** @param n number of classes, at least 2 (required) @return this */
    public B numClasses(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("numClasses must be >= 2, got " + n);
        }
        this.numClasses = n;
        return self();
    }

    /** @param p drop probability in [0, 1) (default 0.2, as the original) @return this */
    public B dropout(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + p);
        }
        this.dropout = p;
        return self();
    }

    /** @throws IllegalStateException if numClasses was not set */
    protected void requireNumClasses() {
        if (numClasses < 0) {
            throw new IllegalStateException("numClasses must be set");
        }
    }
}
