/**
 * Convolutional autoencoder jobs: {@link io.github.wikiart.reports.autoencoder.AutoencoderTraining}
 * trains a run (with comparison images during training),
 * {@link io.github.wikiart.reports.autoencoder.ReconstructionGrid} writes test images beside their
 * reconstructions and {@link io.github.wikiart.reports.autoencoder.LatentSpace} projects and
 * clusters the latent vectors of the test set; {@link io.github.wikiart.reports.autoencoder.AutoencoderViews}
 * draws the pictures.
 */
package io.github.wikiart.reports.autoencoder;
