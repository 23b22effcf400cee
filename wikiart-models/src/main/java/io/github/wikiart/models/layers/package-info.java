/**
 * Custom DL4J layers and the hand-written kernels behind them: Gram-matrix pooling (Gatys et al.'s
 * style statistics as a layer), fixed colour and texture statistics, a deconvolution and an input
 * convolution that cache work between forward and backward passes, and the reshapes between
 * feature maps and dense vectors. Every layer here is covered by a finite-difference gradient check.
 */
package io.github.wikiart.models.layers;
