package io.github.wikiart.bench.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class PeerBenchmarkTest {

    private static void assertPositiveFinite(double[] values, int n) {
        assertEquals(n, values.length);
        for (double v : values) {
            assertTrue(v > 0 && Double.isFinite(v), "throughput " + v);
        }
    }

    private static void assertSane(PeerBenchmark.Result r) {
        assertPositiveFinite(r.trainImagesPerSecond(), 2);
        assertPositiveFinite(r.inferImagesPerSecond(), 2);
        assertTrue(r.trainMin() <= r.trainMedian() && r.trainMedian() <= r.trainMax());
        assertTrue(r.inferMin() <= r.inferMedian() && r.inferMedian() <= r.inferMax());
    }

    @Test
    void classifierMeasures() {
        assertSane(PeerBenchmark.measure(PyTorchNetworks.seedClassifier(32, 3), new Shape(4, 3, 32, 32), 3, new io.github.wikiart.bench.StepPlan(1, 2, 0)));
        assertSane(PeerBenchmark.measure(PyTorchNetworks.styleNet(16, 3), new Shape(2, 3, 16, 16), 3, new io.github.wikiart.bench.StepPlan(1, 2, 0)));
    }

    @Test
    void autoencoderMeasures() {
        assertSane(PeerBenchmark.measure(PyTorchNetworks.autoencoder(16, 2), new Shape(2, 3, 16, 16), 0, new io.github.wikiart.bench.StepPlan(1, 2, 0)));
    }

    @Test
    void resultStatistics() {
        PeerBenchmark.Result r = new PeerBenchmark.Result(new double[] {3, 1, 2, 10}, new double[] {5});
        assertEquals(2.5, r.trainMedian());
        assertEquals(1, r.trainMin());
        assertEquals(10, r.trainMax());
        assertEquals(5, r.inferMedian());
        assertThrows(IllegalArgumentException.class, () -> new PeerBenchmark.Result(new double[0], new double[] {1}));
    }

    @Test
    void invalidArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PeerBenchmark.measure(PyTorchNetworks.seedClassifier(32, 3), new Shape(4, 3, 32, 32), 1, new io.github.wikiart.bench.StepPlan(1, 2, 0)));
        assertThrows(IllegalArgumentException.class,
                () -> PeerBenchmark.measure(PyTorchNetworks.seedClassifier(32, 3), new Shape(4, 3, 32, 32), 3, new io.github.wikiart.bench.StepPlan(1, 0, 0)));
    }
}
