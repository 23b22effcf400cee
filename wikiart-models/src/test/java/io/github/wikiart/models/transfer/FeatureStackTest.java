package io.github.wikiart.models.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FeatureStackTest {
    @Test
    void sidesFollowTheStrides() {
        FeatureStack s = FeatureStack.random(1, DataType.FLOAT, new long[] {4, 8, 8, 16}, new int[] {1, 2, 2, 2});
        assertEquals(64, s.sideAt(64, 0));
        assertEquals(32, s.sideAt(64, 1));
        assertEquals(16, s.sideAt(64, 2));
        assertEquals(8, s.sideAt(64, 3));
        assertEquals(3, s.sideAt(10, 2), "odd sides round up, as SAME padding does");
        assertEquals(16, s.channels(3));
    }

    @Test
    void randomWeightsAreReproducibleAndHeScaled() {
        FeatureStack a = FeatureStack.random(7, DataType.FLOAT, new long[] {32, 64}, new int[] {1, 2});
        FeatureStack b = FeatureStack.random(7, DataType.FLOAT, new long[] {32, 64}, new int[] {1, 2});
        assertEquals(a.weights(), b.weights());
        // He-normal: variance 2 / fan-in, fan-in 9 * 32 for the second layer.
        double var = a.weights().get(1).varNumber().doubleValue();
        assertEquals(2.0 / (9 * 32), var, 0.1 * 2.0 / (9 * 32));
    }

    @Test
    void constantsAndVariablesComputeTheSameAndReadBack() {
        FeatureStack s = FeatureStack.random(3, DataType.FLOAT, new long[] {4, 6}, new int[] {1, 2});
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 8, 8, 3);
        SameDiff c = SameDiff.create();
        SDVariable xc = c.placeHolder("x", DataType.FLOAT, -1, 8, 8, 3);
        List<SDVariable> ac = s.addTo(c, "p", false).apply(c, xc);
        SameDiff v = SameDiff.create();
        SDVariable xv = v.placeHolder("x", DataType.FLOAT, -1, 8, 8, 3);
        List<SDVariable> av = s.addTo(v, "p", true).apply(v, xv);
        INDArray outC = c.output(Map.of("x", x), ac.get(1).name()).get(ac.get(1).name());
        INDArray outV = v.output(Map.of("x", x), av.get(1).name()).get(av.get(1).name());
        assertEquals(outC, outV);
        assertEquals(List.of(2L, 4L, 4L, 6L), List.of(outC.shape()[0], outC.shape()[1], outC.shape()[2], outC.shape()[3]));
        assertTrue(outC.minNumber().doubleValue() >= 0, "ReLU activations");
        FeatureStack back = FeatureStack.fromGraph(v, "p", new int[] {1, 2});
        assertEquals(s.weights(), back.weights());
        assertEquals(s.biases(), back.biases());
    }

    @Test
    void firstLayerComputesAConvolutionOfTheCentredImage() {
        // One 3x3 kernel that picks the centre pixel's red channel: output = relu(red - 0.5).
        INDArray w = Nd4j.zeros(DataType.FLOAT, 3, 3, 3, 1);
        w.putScalar(new long[] {1, 1, 0, 0}, 1.0);
        FeatureStack s = new FeatureStack(List.of(w), List.of(Nd4j.zeros(DataType.FLOAT, 1)), new int[] {1});
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 2, 2, 3);
        SDVariable a = s.addTo(sd, "p", false).apply(sd, x).get(0);
        INDArray img = Nd4j.createFromArray(new float[] {0.9f, 0, 0, 0.2f, 0, 0, 1f, 0, 0, 0.5f, 0, 0})
                .reshape(1, 2, 2, 3);
        INDArray out = sd.output(Map.of("x", img), a.name()).get(a.name());
        assertEquals(0.4, out.getDouble(0, 0, 0, 0), 1e-6);
        assertEquals(0.0, out.getDouble(0, 0, 1, 0), 1e-6);
        assertEquals(0.5, out.getDouble(0, 1, 0, 0), 1e-6);
        assertEquals(0.0, out.getDouble(0, 1, 1, 0), 1e-6);
    }

    @Test
    void badShapesAreNamed() {
        INDArray w = Nd4j.zeros(DataType.FLOAT, 3, 3, 4, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FeatureStack(List.of(w), List.of(Nd4j.zeros(DataType.FLOAT, 8)), new int[] {1}));
        assertTrue(e.getMessage().contains("layer 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureStack.random(1, DataType.FLOAT, new long[] {4},
                new int[] {3}));
    }
}
