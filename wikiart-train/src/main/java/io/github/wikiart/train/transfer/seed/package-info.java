/**
 * The original project's style-embedding transfer, kept as it was so that it stays measurable: a
 * style label's embedding drives the pre-trained autoencoder's decoder, trained with a Gram-matrix
 * style loss plus a content loss, with the original's Adam over selected variables.
 */
package io.github.wikiart.train.transfer.seed;
