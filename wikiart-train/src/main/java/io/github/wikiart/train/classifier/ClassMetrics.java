package io.github.wikiart.train.classifier;

/**
 * Precision, recall and F1 of one class.
 *
 * @param name the class name
 * @param precision true positives / predicted positives (0 when nothing was predicted)
 * @param recall true positives / actual positives (0 for a class without examples)
 * @param f1 harmonic mean of precision and recall (0 when both are 0)
 * @param support number of examples of the class
 */
public record ClassMetrics(String name, double precision, double recall, double f1, int support) {
}
