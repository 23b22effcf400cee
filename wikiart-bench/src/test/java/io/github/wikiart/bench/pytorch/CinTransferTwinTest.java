package io.github.wikiart.bench.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class CinTransferTwinTest {

    @Test
    void outputShapeAndRange() {
        Engine.getInstance().setRandomSeed(3);
        try (CinTransferTwin.Session session = new CinTransferTwin.Session(2, 16, 3, 4);
             NDManager manager = NDManager.newBaseManager()) {
            NDArray x = session.manager().randomUniform(0f, 1f, new Shape(2, 3, 16, 16), DataType.FLOAT32);
            NDArray s = CinTransferTwin.oneHot(session.manager(), 2, 3);
            NDArray out = session.infer(x, s, manager);
            assertEquals(new Shape(2, 3, 16, 16), out.getShape());
            for (float v : out.toFloatArray()) {
                assertTrue(v >= 0f && v <= 1f && Float.isFinite(v), "value " + v);
            }
        }
    }

    @Test
    void lossDecreasesOnAFixedBatch() {
        PyTorchCpu.assumeReliableConvolutions();
        Engine.getInstance().setRandomSeed(5);
        try (CinTransferTwin.Session session = new CinTransferTwin.Session(2, 16, 3, 4)) {
            NDArray x = session.manager().randomUniform(0f, 1f, new Shape(2, 3, 16, 16), DataType.FLOAT32);
            NDArray s = CinTransferTwin.oneHot(session.manager(), 2, 3);
            float first = session.trainStep(x, s, true);
            float last = first;
            for (int i = 0; i < 10; i++) {
                last = session.trainStep(x, s, true);
                assertTrue(Float.isFinite(last), "loss " + last);
            }
            assertTrue(first > 0 && Float.isFinite(first), "first loss " + first);
            assertTrue(last < first, "loss went from " + first + " to " + last);
        }
    }

    @Test
    void measureGivesPositiveThroughputs() {
        PeerBenchmark.Result r = CinTransferTwin.measure(2, 16, new io.github.wikiart.bench.StepPlan(1, 2, 0));
        for (double[] values : new double[][] {r.trainImagesPerSecond(), r.inferImagesPerSecond()}) {
            assertEquals(2, values.length);
            for (double v : values) {
                assertTrue(v > 0 && Double.isFinite(v), "throughput " + v);
            }
        }
    }

    @Test
    void benchmarkSideOutputShape() {
        try (CinTransferTwin.Session session = new CinTransferTwin.Session(1, CinTransferTwin.SIDE,
                CinTransferTwin.STYLES, CinTransferTwin.WIDTH);
             NDManager manager = NDManager.newBaseManager()) {
            NDArray x = session.manager().randomUniform(0f, 1f, new Shape(1, 3, 64, 64), DataType.FLOAT32);
            NDArray s = CinTransferTwin.oneHot(session.manager(), 1, CinTransferTwin.STYLES);
            assertEquals(new Shape(1, 3, 64, 64), session.infer(x, s, manager).getShape());
        }
    }
}
