/**
 * What every kind of training shares: run folders ({@link io.github.wikiart.train.RunFolder}),
 * checkpoints of DL4J networks ({@link io.github.wikiart.train.Checkpoints}), provenance, the
 * learning-rate schedule, JSON files, the {@code output} config section and the training keys
 * every model section declares alike. One subpackage per model kind ({@code classifier},
 * {@code autoencoder}, {@code transfer}), the training loop ({@code loop}), self-describing model
 * files ({@code model}), the latent-space analysis ({@code latent}) and the whole configuration
 * ({@code config}).
 */
package io.github.wikiart.train;
