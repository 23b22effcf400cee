package io.github.wikiart.models.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GramHeadTest {
    @Test
    void logitsAreTheConcatenatedScaledGramMatricesTimesTheWeightsPlusTheBias() {
        Nd4j.getRandom().setSeed(7);
        INDArray a1 = Nd4j.rand(DataType.FLOAT, 2, 4, 4, 3);
        INDArray a2 = Nd4j.rand(DataType.FLOAT, 2, 2, 2, 5);
        GramHead head = new GramHead(Nd4j.randn(DataType.FLOAT, 9 + 25, 4), Nd4j.randn(DataType.FLOAT, 4));
        SameDiff sd = SameDiff.create();
        List<SDVariable> grams = List.of(StyleLosses.gram(sd, sd.constant(a1), 4, 4, 3),
                StyleLosses.gram(sd, sd.constant(a2), 2, 2, 5));
        INDArray viaGraph = head.logits(sd, "head", grams, new long[] {3, 5}).eval();

        // Written out per sample: G_l = F F^T / (c h w), times c, row-major, concatenated.
        INDArray expected = Nd4j.zeros(DataType.DOUBLE, 2, 4);
        for (int i = 0; i < 2; i++) {
            double[] features = new double[34];
            int at = 0;
            for (INDArray a : List.of(a1, a2)) {
                int hw = (int) (a.size(1) * a.size(2));
                int c = (int) a.size(3);
                for (int p = 0; p < c; p++) {
                    for (int q = 0; q < c; q++) {
                        double sum = 0;
                        for (int y = 0; y < a.size(1); y++) {
                            for (int x = 0; x < a.size(2); x++) {
                                sum += a.getDouble(i, y, x, p) * a.getDouble(i, y, x, q);
                            }
                        }
                        features[at++] = sum / hw;
                    }
                }
            }
            for (int k = 0; k < 4; k++) {
                double z = head.bias().getDouble(k);
                for (int f = 0; f < features.length; f++) {
                    z += features[f] * head.weights().getDouble(f, k);
                }
                expected.putScalar(i, k, z);
            }
        }
        assertArrayEquals(new long[] {2, 4}, viaGraph.shape());
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 4; k++) {
                assertEquals(expected.getDouble(i, k), viaGraph.getDouble(i, k), 1e-4 * (1 + Math.abs(expected.getDouble(i, k))));
            }
        }
    }

    @Test
    void aHeadForOtherLayersIsRefusedWithBothSizes() {
        GramHead head = new GramHead(Nd4j.zeros(DataType.FLOAT, 10, 3), Nd4j.zeros(DataType.FLOAT, 3));
        SameDiff sd = SameDiff.create();
        List<SDVariable> grams = List.of(StyleLosses.gram(sd, sd.constant(Nd4j.rand(DataType.FLOAT, 1, 2, 2, 3)), 2, 2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> head.logits(sd, "head", grams, new long[] {3}));
        assertEquals("the head reads 10 Gram values, the layers give 9", e.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> new GramHead(Nd4j.zeros(DataType.FLOAT, 10, 3), Nd4j.zeros(DataType.FLOAT, 4)));
        assertEquals("weights must be [features, styles] and bias [styles], got [10, 3] and [4]", shape.getMessage());
    }
}
