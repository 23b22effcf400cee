package io.github.wikiart.train.classifier;

/**
 * One style and its probability.
 *
 * @param style the style name
 * @param probability the model's probability for it
 */
public record Prediction(String style, double probability) {
}
