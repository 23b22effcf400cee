package io.github.wikiart.models.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CinArchitectureTest {
    private static Map<String, INDArray> inputs(long seed, int h, int w, int styles, int style) {
        Nd4j.getRandom().setSeed(seed);
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, 1, styles);
        oneHot.putScalar(0, style, 1.0);
        return Map.of(CinTransferNet.INPUT, Nd4j.rand(DataType.FLOAT, 1, h, w, 3), CinTransferNet.STYLE, oneHot);
    }

    /** Gives the residual network's last layers weights, so that its output is not the identity. */
    private static void perturb(SameDiff sd) {
        Nd4j.getRandom().setSeed(99);
        for (String name : new String[] {"out_W", "colour_W2"}) {
            if (sd.hasVariable(name)) {
                INDArray w = sd.getVariable(name).getArr();
                w.assign(Nd4j.randn(DataType.FLOAT, w.shape()).muli(0.3));
            }
        }
    }

    @Test
    void readsBackEveryChoiceItWasBuiltWith() {
        boolean[][] choices = {{false, false, false}, {true, false, false}, {false, true, false}, {true, true, true}};
        for (boolean[] c : choices) {
            SameDiff sd = CinTransferNet.build(8, 3, 5, 1, DataType.FLOAT, c[0], c[1], c[2]);
            assertEquals(new CinArchitecture(3, 5, DataType.FLOAT, c[0], c[1], c[2]), CinArchitecture.of(sd));
        }
    }

    @Test
    void atTheSameSizeItReproducesTheTrainedOutputExactly() {
        for (boolean upsample : new boolean[] {false, true}) {
            SameDiff trained = CinTransferNet.build(8, 2, 4, 3, DataType.FLOAT, upsample, true, true);
            perturb(trained);
            Map<String, INDArray> in = inputs(5, 8, 8, 2, 1);
            SameDiff rebuilt = CinArchitecture.of(trained).atSize(trained, 8, 8);
            INDArray want = trained.output(in, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT);
            INDArray got = rebuilt.output(in, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT);
            assertTrue(want.sub(0.5).amaxNumber().doubleValue() > 0.05, "the perturbed network changes its input");
            assertEquals(want, got);
        }
    }

    @Test
    void runsAtAnotherAspectRatioWithTheTrainedWeights() {
        SameDiff trained = CinTransferNet.build(8, 2, 4, 3, DataType.FLOAT, true, true, true);
        SameDiff wide = CinArchitecture.of(trained).atSize(trained, 6, 12);
        Map<String, INDArray> in = inputs(6, 6, 12, 2, 0);
        INDArray out = wide.output(in, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT);
        assertArrayEquals(new long[] {1, 6, 12, 3}, out.shape());
        // Untrained, the residual network returns its input squeezed into [EPS, 1 - EPS].
        INDArray squeezed = in.get(CinTransferNet.INPUT).mul(1 - 2 * CinTransferNet.EPS).add(CinTransferNet.EPS);
        assertEquals(0.0, out.sub(squeezed).amaxNumber().doubleValue(), 1e-5);
        perturb(trained);
        INDArray changed = CinArchitecture.of(trained).atSize(trained, 6, 12).output(in, CinTransferNet.OUTPUT)
                .get(CinTransferNet.OUTPUT);
        assertTrue(changed.sub(squeezed).amaxNumber().doubleValue() > 0.05, "the trained weights were copied");
    }

    @Test
    void refusesSizesThatAreNotMultiplesOfTheStride() {
        SameDiff trained = CinTransferNet.build(8, 2, 4, 3, DataType.FLOAT, false, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CinArchitecture.of(trained).atSize(trained, 7, 8));
        assertEquals("height and width must be multiples of 2 and >= 4, got 8x7", e.getMessage());
        assertEquals(2, CinTransferNet.STRIDE);
    }
}
