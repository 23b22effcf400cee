package io.github.wikiart.bench.pytorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

class PyTorchNetworksTest {

    private static Shape forwardShape(Block block, Shape input, boolean training) {
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, input);
            NDArray x = manager.randomUniform(0f, 1f, input);
            NDArray out = block.forward(new ParameterStore(manager, false), new NDList(x), training)
                    .singletonOrThrow();
            assertArrayEquals(out.getShape().getShape(), block.getOutputShapes(new Shape[] {input})[0].getShape(),
                    "declared and computed output shapes");
            return out.getShape();
        }
    }

    @Test
    void seedClassifierOutputShape() {
        assertEquals(new Shape(2, 5), forwardShape(PyTorchNetworks.seedClassifier(32, 5), new Shape(2, 3, 32, 32), false));
        assertEquals(new Shape(2, 5), forwardShape(PyTorchNetworks.seedClassifier(32, 5), new Shape(2, 3, 32, 32), true));
    }

    @Test
    void seedClassifierHas11025FeaturesAt416() {
        Block net = PyTorchNetworks.seedClassifier(416, 3);
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 416, 416));
            long firstLinearIn = -1;
            for (Pair<String, Parameter> p : net.getParameters()) {
                if (p.getValue().getType() == Parameter.Type.WEIGHT && p.getValue().getShape().dimension() == 2) {
                    firstLinearIn = p.getValue().getShape().get(1);
                    break;
                }
            }
            assertEquals(105L * 105L, firstLinearIn);
        }
    }

    @Test
    void styleNetOutputShape() {
        assertEquals(new Shape(2, 4), forwardShape(PyTorchNetworks.styleNet(16, 4), new Shape(2, 3, 16, 16), false));
        assertEquals(new Shape(2, 4), forwardShape(PyTorchNetworks.styleNet(16, 4), new Shape(2, 3, 16, 16), true));
    }

    @Test
    void autoencoderOutputShape() {
        assertEquals(new Shape(2, 3, 16, 16),
                forwardShape(PyTorchNetworks.autoencoder(16, 2), new Shape(2, 3, 16, 16), true));
    }

    @Test
    void gramPoolingByHand() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, 2, 3, 4, 0, 1, 0, 1}, new Shape(1, 2, 2, 2));
            NDArray out = PyTorchNetworks.gramPooling()
                    .forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            assertEquals(new Shape(1, 6), out.getShape());
            assertArrayEquals(new float[] {7.5f, 1.5f, 1.5f, 0.5f, 2.5f, 0.5f}, out.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void gramPoolingIsPerSample() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(new float[] {1, 2, 3, 4, 0, 1, 0, 1}, new Shape(1, 2, 2, 2));
            NDArray both = a.concat(a.mul(2), 0);
            float[] out = PyTorchNetworks.gram(both).toFloatArray();
            float[] expected = {7.5f, 1.5f, 1.5f, 0.5f, 2.5f, 0.5f, 30f, 6f, 6f, 2f, 5f, 1f};
            assertArrayEquals(expected, out, 1e-5f);
        }
    }

    @Test
    void invalidArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PyTorchNetworks.seedClassifier(32, 1));
        assertThrows(IllegalArgumentException.class, () -> PyTorchNetworks.styleNet(2, 3));
        assertThrows(IllegalArgumentException.class, () -> PyTorchNetworks.autoencoder(12, 2));
    }
}
