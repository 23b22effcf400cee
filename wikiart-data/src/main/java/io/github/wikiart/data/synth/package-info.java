/**
 * Synthetic art-style datasets: procedural styles (palette, texture, stroke pattern, geometry)
 * rendered over random content, seeded and byte-for-byte deterministic, written in the WikiArt
 * folder layout {@code <out>/train/<Style>/<file>} and {@code <out>/test/<Style>/<file>}.
 *
 * <p>Entry point: {@link io.github.wikiart.data.synth.SyntheticStyles}.
 */
package io.github.wikiart.data.synth;
