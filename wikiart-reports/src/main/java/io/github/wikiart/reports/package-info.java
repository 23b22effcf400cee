/**
 * Whole jobs as library calls: each public entry point does what one {@code wikiart} command does
 * (train, evaluate, predict, apply, grids and reports) and returns a typed result record. Drawing
 * comes from {@code wikiart-viz}, training and models from {@code wikiart-train}; nothing here
 * prints: progress goes to listeners, diagnostics to SLF4J.
 */
package io.github.wikiart.reports;
