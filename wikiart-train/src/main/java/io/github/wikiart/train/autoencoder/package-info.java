/**
 * The convolutional autoencoder: its {@code autoencoder} config section
 * ({@link io.github.wikiart.train.autoencoder.AutoencoderOptions}), training with reconstruction
 * error and PSNR against the mean-image baseline
 * ({@link io.github.wikiart.train.autoencoder.AutoencoderRun},
 * {@link io.github.wikiart.train.autoencoder.AutoencoderTrainer}) and the trained model whose latent
 * codes the latent-space analysis reads
 * ({@link io.github.wikiart.train.autoencoder.TrainedAutoencoder}).
 */
package io.github.wikiart.train.autoencoder;
