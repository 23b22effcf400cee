/**
 * Plots and image grids for training runs, written as PNG files.
 *
 * <p>Inputs are plain records and arrays defined here ({@link io.github.wikiart.viz.EpochMetrics},
 * {@link io.github.wikiart.viz.ScatterPoint}, {@link io.github.wikiart.viz.GridCell}), so this package
 * knows nothing about networks or trainers. Everything renders into off-screen images and works with
 * {@code java.awt.headless=true}; every file is written atomically through
 * {@link io.github.wikiart.data.AtomicFiles}.
 */
package io.github.wikiart.viz;
