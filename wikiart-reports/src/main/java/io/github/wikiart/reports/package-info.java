/**
 * Whole jobs as library calls: each public entry point does what one {@code wikiart} command does
 * (train, evaluate, predict, apply, grids and reports) and returns a typed result record. Drawing
 * comes from {@code wikiart-viz}, training and models from {@code wikiart-train}; nothing here
 * prints: progress goes to a {@link io.github.wikiart.reports.JobListener}, diagnostics to SLF4J,
 * and bad input raises {@link io.github.wikiart.reports.InvalidJobException} naming the file, key
 * or value. Subpackages by kind: {@code data}, {@code classifier}, {@code autoencoder},
 * {@code transfer} and {@code demo}; here the pieces they share ({@link io.github.wikiart.reports.RunLocation},
 * {@link io.github.wikiart.reports.Jobs}, {@link io.github.wikiart.reports.ImageSources}, {@link io.github.wikiart.reports.OrderedDecoding}).
 */
package io.github.wikiart.reports;
