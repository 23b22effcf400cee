package io.github.wikiart.bench;

import ai.djl.ndarray.types.Shape;
import io.github.wikiart.bench.pytorch.CinTransferTwin;
import io.github.wikiart.bench.pytorch.PeerBenchmark;
import io.github.wikiart.bench.pytorch.PyTorchNetworks;
import io.github.wikiart.bench.pytorch.TwinComparison;

/**
 * PyTorch 2.7.1 (CPU) through DJL 0.36.0 as the benchmark's peer, on the same networks, batch sizes
 * and input sizes as {@link Networks}.
 */
public final class PyTorchPeer implements Peer {
    @Override
    public String name() {
        return "PyTorch 2.7.1 (DJL 0.36.0)";
    }

    @Override
    public Measurement measure(String network, int batch, StepPlan plan) {
        PeerBenchmark.Result r;
        switch (network) {
            case Networks.SEED_CLASSIFIER -> r = PeerBenchmark.measure(PyTorchNetworks.seedClassifier(416, 27),
                    new Shape(batch, 3, 416, 416), 27, plan);
            case Networks.STYLENET -> r = PeerBenchmark.measure(PyTorchNetworks.styleNet(64, 6),
                    new Shape(batch, 3, 64, 64), 6, plan);
            case Networks.AE_ORIGINAL -> r = PeerBenchmark.measure(PyTorchNetworks.autoencoder(104, 104),
                    new Shape(batch, 3, 104, 104), 0, plan);
            case Networks.AE_DEFAULT -> r = PeerBenchmark.measure(PyTorchNetworks.autoencoder(104, 16),
                    new Shape(batch, 3, 104, 104), 0, plan);
            case Networks.TRANSFER -> r = CinTransferTwin.measure(batch, plan);
            default -> {
                return null;
            }
        }
        return new Measurement(r.trainImagesPerSecond(), r.inferImagesPerSecond());
    }

    /** Checks every row: the classifiers, the autoencoders and the transfer network (batch 2). */
    @Override
    public TwinCheck check(String network) {
        if (network.equals(Networks.TRANSFER)) {
            return TwinComparison.transfer(Networks.transferCase(2));
        }
        Networks.CheckCase c = Networks.checkCase(network);
        if (c == null) {
            return null;
        }
        return switch (network) {
            case Networks.SEED_CLASSIFIER -> TwinComparison.classifier(c.net(), PyTorchNetworks.seedClassifier(416, 27, 0f),
                    c.x(), c.labels());
            case Networks.STYLENET -> TwinComparison.classifier(c.net(), PyTorchNetworks.styleNet(64, 6, 0f), c.x(),
                    c.labels());
            case Networks.AE_ORIGINAL -> TwinComparison.reconstruction(c.net(), PyTorchNetworks.autoencoder(104, 104),
                    c.x());
            case Networks.AE_DEFAULT -> TwinComparison.reconstruction(c.net(), PyTorchNetworks.autoencoder(104, 16),
                    c.x());
            default -> throw new IllegalStateException("no twin for the check of " + network);
        };
    }
}
