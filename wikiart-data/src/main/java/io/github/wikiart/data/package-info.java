/**
 * From files to tensors: scanning a WikiArt-style folder ({@code <root>/<split>/<Style>/<image>})
 * into a {@link io.github.wikiart.data.LabelIndex} and per-split listings, decoding (ImageIO,
 * TwelveMonkeys, optional TurboJPEG), verifying, resizing ({@link io.github.wikiart.data.ResizeMode}),
 * the six resampling strategies of the original ({@link io.github.wikiart.data.Sampling}),
 * augmentation that keeps style intact, a cache of decoded images, and the DL4J batch iterator
 * ({@link io.github.wikiart.data.ImageBatchIterator}) in either tensor layout. Entry point:
 * {@link io.github.wikiart.data.WikiArtDataset#load}. Synthetic styles live in
 * {@code io.github.wikiart.data.synth}.
 */
package io.github.wikiart.data;
