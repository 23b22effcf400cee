/**
 * Analysis of an autoencoder's latent space: PCA to two dimensions for a scatter coloured by style,
 * k-means with one cluster per style, and how well those clusters agree with the true styles
 * (normalised mutual information, adjusted Rand index, purity), plus reconstruction quality (MSE,
 * PSNR).
 *
 * <p>PCA and k-means come from Apache Commons Math 3 ({@code SingularValueDecomposition},
 * {@code KMeansPlusPlusClusterer}); this package only fixes what those leave open so that results
 * are reproducible: the sign of each principal axis and the numbering of clusters. Every random
 * stream is derived from the seed passed in. {@link io.github.wikiart.train.latent.LatentAnalysis}
 * ties the pieces together and yields the {@link io.github.wikiart.train.latent.LatentReport} that
 * is written as {@code latent.json}.
 */
package io.github.wikiart.train.latent;
