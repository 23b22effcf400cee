package io.github.wikiart.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wikiart.data.TensorLayout;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SeedClassifierTest {

    @Test
    void originalShapesAndParameterCountAt416() {
        SeedClassifier model = SeedClassifier.builder().inputSide(416).numClasses(27).build();
        assertEquals(105, model.pooledSide());
        MultiLayerNetwork net = model.init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 416, 416);
        var activations = net.feedForward(x, false);
        assertArrayEquals(new long[] {2, 1, 417, 417}, activations.get(1).shape(), "conv 3->1, k4, p2");
        assertArrayEquals(new long[] {2, 1, 105, 105}, activations.get(2).shape(), "max-pool k4 s4 p2");
        assertArrayEquals(new long[] {2, 11025}, activations.get(3).shape(), "batch norm over 11025 features");
        assertArrayEquals(new long[] {2, 300}, activations.get(4).shape());
        assertArrayEquals(new long[] {2, 27}, activations.get(7).shape());
        assertEquals(1.0, activations.get(7).getRow(0).sumNumber().doubleValue(), 1e-5, "softmax");
        Layer[] layers = net.getLayers();
        assertEquals(3 * 4 * 4 + 1, layers[0].numParams());
        assertEquals(4 * 11025, layers[2].numParams(), "gamma, beta, running mean and variance");
        assertEquals(11025 * 300 + 300, layers[3].numParams());
        assertEquals(300 * 27 + 27, layers[6].numParams());
        // PyTorch counts 3,338,026 trainable parameters; DL4J adds the 2 x 11025 running statistics.
        assertEquals(3_338_026 + 2 * 11025, net.numParams());
    }

    @Test
    void nhwcHasTheSameShapes() {
        MultiLayerNetwork net = SeedClassifier.builder().inputSide(64).numClasses(3).layout(TensorLayout.NHWC).build()
                .init();
        INDArray out = net.output(Nd4j.rand(DataType.FLOAT, 2, 64, 64, 3));
        assertArrayEquals(new long[] {2, 3}, out.shape());
    }

    @Test
    void builderNamesBadValues() {
        assertEquals("numClasses must be >= 2, got 1",
                assertThrows(IllegalArgumentException.class, () -> SeedClassifier.builder().numClasses(1)).getMessage());
        assertEquals("dropout must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> SeedClassifier.builder().dropout(1)).getMessage());
        assertThrows(IllegalStateException.class, () -> SeedClassifier.builder().build());
    }
}
