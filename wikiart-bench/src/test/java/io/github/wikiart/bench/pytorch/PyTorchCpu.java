package io.github.wikiart.bench.pytorch;

import org.junit.jupiter.api.Assumptions;

/**
 * Where PyTorch 2.7.1's CPU convolutions cannot be trusted: on a machine whose processor does not
 * report its cache sizes ({@link CpuCaches}). There oneDNN leaves part of the padded weights of a
 * convolution unwritten whenever its channels are not a multiple of its block of 16: input
 * gradients are wrong (the width-16 autoencoder's last convolution has 3 output channels, so its
 * twin's first-layer gradient came out NaN; the transposed-convolution forms and the transfer twin
 * met the same), and forward passes can be too (the width-104 autoencoder's output once came out
 * NaN). It was first taken for a
 * defect of AMD family 26 (Zen 5) processors, the only ones seen doing this, all of them virtual
 * machines. Tests that compare such PyTorch convolutions with their definition or with DL4J skip there,
 * saying why.
 */
final class PyTorchCpu {
    private PyTorchCpu() {
    }

    /** Skips the calling test on a machine where PyTorch's CPU convolutions are not reliable. */
    static void assumeReliableConvolutions() {
        Assumptions.assumeFalse(CpuCaches.hidden(), "this processor does not report its cache sizes, and PyTorch "
                + "2.7.1's oneDNN then computes wrong convolutions; see CpuCaches");
    }
}
