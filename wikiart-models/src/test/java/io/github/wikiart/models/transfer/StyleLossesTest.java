package io.github.wikiart.models.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.validation.GradCheckUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StyleLossesTest {

    @AfterEach
    void restoreTypes() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    /** One sample, 2x2 pixels, 2 channels: channel 0 = [1 2; 3 4], channel 1 = [0 1; 0 1] (NHWC). */
    private static INDArray handInput() {
        return Nd4j.createFromArray(new double[] {1, 0, 2, 1, 3, 0, 4, 1}).reshape(1, 2, 2, 2);
    }

    @Test
    void gramMatchesAHandComputation() {
        // F = [[1 2 3 4], [0 1 0 1]]; F F^T = [[30 6], [6 2]]; divided by c h w = 2 * 2 * 2 = 8.
        INDArray g = StyleLosses.gram(handInput());
        assertArrayEquals(new long[] {1, 2, 2}, g.shape());
        assertArrayEquals(new double[] {30 / 8.0, 6 / 8.0, 6 / 8.0, 2 / 8.0}, g.reshape(4).toDoubleVector(), 1e-12);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.constant(handInput());
        INDArray viaGraph = StyleLosses.gram(sd, x, 2, 2, 2).eval();
        assertEquals(g, viaGraph);
        // A batch of two gives each sample its own matrix.
        INDArray two = Nd4j.concat(0, handInput(), handInput().mul(2));
        INDArray g2 = StyleLosses.gram(two);
        assertEquals(g.getDouble(0, 0, 0) * 4, g2.getDouble(1, 0, 0), 1e-12);
    }

    @Test
    void styleLossIsTheSumOfGramMses() {
        SameDiff sd = SameDiff.create();
        SDVariable a = sd.constant(Nd4j.createFromArray(new double[] {1, 2, 3, 4}).reshape(1, 2, 2));
        SDVariable b = sd.constant(Nd4j.createFromArray(new double[] {1, 2, 3, 6}).reshape(1, 2, 2));
        SDVariable c = sd.constant(Nd4j.createFromArray(new double[] {0, 0, 0, 0}).reshape(1, 2, 2));
        // MSE(a, b) = 4/4 = 1; MSE(a, c) = (1 + 4 + 9 + 16) / 4 = 7.5.
        assertEquals(8.5, StyleLosses.styleLoss(sd, List.of(a, a), List.of(b, c)).eval().getDouble(0), 1e-12);
        assertEquals(1.0, StyleLosses.mse(a.eval(), b.eval()), 1e-12);
    }

    @Test
    void gradientsOfStyleAndContentLossesMatchFiniteDifferences() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        Nd4j.getRandom().setSeed(7);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", Nd4j.rand(DataType.DOUBLE, 2, 3, 3, 2));
        SDVariable y = sd.var("y", Nd4j.rand(DataType.DOUBLE, 2, 3, 3, 2));
        SDVariable target = sd.constant(Nd4j.rand(DataType.DOUBLE, 2, 2, 2));
        SDVariable style = StyleLosses.styleLoss(sd, List.of(StyleLosses.gram(sd, x, 3, 3, 2)), List.of(target));
        SDVariable content = StyleLosses.mse(sd, x, y);
        style.mul(100).add("loss", content);
        sd.setLossVariables("loss");
        assertTrue(GradCheckUtil.checkGradients(sd, new HashMap<>(), 1e-6, 1e-3, 1e-8, false, true));
    }

    @Test
    void conditionedTransferNetworkGradientCheck() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        for (boolean upsample : new boolean[] {false, true}) {
            checkConditionedNetwork(upsample);
        }
    }

    private static void checkConditionedNetwork(boolean upsample) {
        SameDiff sd = CinTransferNet.build(4, 2, 2, 3, DataType.DOUBLE, upsample);
        INDArray input = Nd4j.rand(DataType.DOUBLE, 2, 4, 4, 3);
        INDArray styles = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}});
        SDVariable out = sd.getVariable(CinTransferNet.OUTPUT);
        SDVariable wanted = sd.constant(Nd4j.rand(DataType.DOUBLE, 2, 3, 3));
        SDVariable gram = StyleLosses.gram(sd, out, 4, 4, 3);
        SDVariable loss = StyleLosses.styleLoss(sd, List.of(gram), List.of(wanted)).mul(10)
                .add(StyleLosses.mse(sd, out, sd.getVariable(CinTransferNet.INPUT)));
        loss.rename("loss");
        sd.setLossVariables("loss");
        Map<String, INDArray> ph = new HashMap<>();
        ph.put(CinTransferNet.INPUT, input);
        ph.put(CinTransferNet.STYLE, styles);
        sd.getVariable(CinTransferNet.INPUT).setArray(input);
        sd.getVariable(CinTransferNet.STYLE).setArray(styles);
        assertTrue(GradCheckUtil.checkGradients(sd, ph, 1e-6, 1e-3, 1e-8, false, true));
    }
}
