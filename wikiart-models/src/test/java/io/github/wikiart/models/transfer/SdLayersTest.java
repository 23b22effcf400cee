package io.github.wikiart.models.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.validation.GradCheckUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SdLayersTest {

    @AfterEach
    void restoreTypes() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    @Test
    void upsampleByConcatenationEqualsSameDiffsUpsamplingAndHasTheRightGradient() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 5, 4);
        SameDiff sd = SameDiff.create();
        SDVariable v = sd.constant(x);
        INDArray ours = SdLayers.upsample2(sd, v, 3, 5, 4).eval();
        INDArray theirs = sd.cnn().upsampling2d(v, 2, 2, false).eval();
        assertEquals(theirs, ours, "the reformulation computes the same values");
        assertEquals(x.getFloat(1, 2, 4, 3), ours.getFloat(1, 5, 9, 3));

        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        SameDiff g = SameDiff.create();
        SDVariable in = g.var("x", Nd4j.rand(DataType.DOUBLE, 2, 3, 3, 2));
        SDVariable t = g.constant(Nd4j.rand(DataType.DOUBLE, 2, 6, 6, 2));
        StyleLosses.mse(g, SdLayers.upsample2(g, in, 3, 3, 2), t).rename("loss");
        g.setLossVariables("loss");
        assertTrue(GradCheckUtil.checkGradients(g, new HashMap<>(), 1e-6, 1e-3, 1e-8, false, true));
    }

    @Test
    void conditionalInstanceNormalisationUsesEachSamplesStyle() {
        SameDiff sd = SameDiff.create();
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 4, 4, 3);
        SDVariable styles = sd.constant(Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}}));
        SDVariable y = SdLayers.cin(sd, "n", sd.constant(x), styles, 2, 3);
        sd.getVariable("n_gamma").setArray(Nd4j.createFromArray(new float[][] {{1, 1, 1}, {2, 2, 2}}));
        sd.getVariable("n_beta").setArray(Nd4j.createFromArray(new float[][] {{0, 0, 0}, {5, 5, 5}}));
        INDArray out = y.eval();
        // Sample 0: zero mean, unit variance per channel; sample 1: mean 5, standard deviation 2.
        assertEquals(0.0, out.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)).meanNumber().doubleValue(), 1e-5);
        assertEquals(5.0, out.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1)).meanNumber().doubleValue(), 1e-4);
        assertEquals(2.0, out.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1)).stdNumber().doubleValue(), 0.1);
    }
}
