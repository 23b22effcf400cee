/**
 * The PyTorch peers of the library's networks, built through DJL's PyTorch engine layer for layer
 * ({@link io.github.wikiart.bench.pytorch.PyTorchNetworks}), including the operations DJL lacks
 * (a transposed convolution) and the conditional-instance-norm transfer network.
 */
package io.github.wikiart.bench.pytorch;
