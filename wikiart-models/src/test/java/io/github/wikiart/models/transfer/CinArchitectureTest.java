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
import org.nd4j.linalg.indexing.NDArrayIndex;

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
        for (String name : new String[] {"out_W", "colour_W2", "u1_pos_W"}) {
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
        CinArchitecture positions = new CinArchitecture(3, 5, DataType.FLOAT, true, true, false, true);
        assertEquals(positions, CinArchitecture.of(CinTransferNet.build(8, 8, positions, 1)));
        CinArchitecture deeper = new CinArchitecture(3, 5, DataType.FLOAT, false, true, true, false, 5);
        assertEquals(deeper, CinArchitecture.of(CinTransferNet.build(8, 8, deeper, 1)));
    }

    private static java.util.List<String> weights(SameDiff sd) {
        return sd.variables().stream().filter(v -> v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE)
                .map(v -> v.name()).toList();
    }

    @Test
    void eachResidualBlockAddsTwoConvolutionsAndSurvivesARebuildAtAnotherSize() {
        CinArchitecture two = new CinArchitecture(2, 4, DataType.FLOAT, false, true, false, false);
        CinArchitecture five = new CinArchitecture(2, 4, DataType.FLOAT, false, true, false, false, 5);
        assertEquals(CinTransferNet.RESIDUAL_BLOCKS, two.residualBlocks());
        SameDiff deep = CinTransferNet.build(8, 8, five, 3);
        SameDiff shallow = CinTransferNet.build(8, 8, two, 3);
        long firstBlock = weights(shallow).stream().filter(n -> n.startsWith("r1")).count();
        assertEquals(8, firstBlock, "two convolutions (weights, bias) and two normalisations (scale, shift)");
        assertEquals(weights(shallow).size() + 3 * firstBlock, weights(deep).size());
        assertTrue(deep.hasVariable("r5b_W") && !deep.hasVariable("r6a_W"));
        perturb(deep);
        Nd4j.getRandom().setSeed(7);
        deep.getVariable("r5a_W").getArr().addi(Nd4j.randn(DataType.FLOAT, 3, 3, 8, 8).muli(0.3));
        Map<String, INDArray> small = inputs(5, 8, 8, 2, 1);
        SameDiff rebuilt = CinArchitecture.of(deep).atSize(deep, 8, 8);
        assertEquals(deep.output(small, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT),
                rebuilt.output(small, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT));
        assertThrows(IllegalArgumentException.class,
                () -> new CinArchitecture(2, 4, DataType.FLOAT, false, true, false, false, 0));
    }

    @Test
    void globalContextStartsSilentThenScalesEachPicturesFeaturesByItsStatistics() {
        CinArchitecture plain = new CinArchitecture(2, 4, DataType.FLOAT, false, true, true, false, 2, false);
        CinArchitecture global = new CinArchitecture(2, 4, DataType.FLOAT, false, true, true, false, 2, true);
        SameDiff withContext = CinTransferNet.build(8, 8, global, 3);
        assertEquals(global, CinArchitecture.of(withContext));
        assertEquals(java.util.Set.of("global_W1", "global_b1", "global_W2", "global_b2"),
                weights(withContext).stream().filter(n -> n.startsWith(CinTransferNet.GLOBAL_PREFIX))
                        .collect(java.util.stream.Collectors.toSet()));
        assertArrayEquals(new long[] {CinTransferNet.GLOBAL_STATISTICS + 2, CinTransferNet.GLOBAL_HIDDEN},
                withContext.getVariable("global_W1").getArr().shape());
        assertArrayEquals(new long[] {CinTransferNet.GLOBAL_HIDDEN, 8}, withContext.getVariable("global_W2").getArr().shape());
        perturb(withContext);
        // The same network without the context, holding the same weights.
        SameDiff without = CinTransferNet.build(8, 8, plain, 3);
        for (String name : weights(without)) {
            without.getVariable(name).getArr().assign(withContext.getVariable(name).getArr());
        }
        Map<String, INDArray> in = inputs(5, 8, 8, 2, 1);
        INDArray reference = without.output(in, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT);
        assertEquals(reference, withContext.output(in, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT),
                "W2 and b2 start at zero: the same function");
        Nd4j.getRandom().setSeed(11);
        withContext.getVariable("global_W2").getArr().assign(Nd4j.randn(DataType.FLOAT, CinTransferNet.GLOBAL_HIDDEN, 8));
        INDArray changed = withContext.output(in, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT);
        assertTrue(changed.sub(reference).amaxNumber().doubleValue() > 1e-3, "trained, it changes the output");
        // A rebuild at the same size reproduces it.
        assertEquals(changed, CinArchitecture.of(withContext).atSize(withContext, 8, 8).output(in, CinTransferNet.OUTPUT)
                .get(CinTransferNet.OUTPUT));
    }

    @Test
    void globalContextGradientsMatchFiniteDifferences() {
        DataType before = Nd4j.dataType();
        try {
            Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
            Nd4j.getRandom().setSeed(13);
            SameDiff sd = SameDiff.create();
            org.nd4j.autodiff.samediff.SDVariable x = sd.constant(Nd4j.rand(DataType.DOUBLE, 2, 4, 4, 3));
            org.nd4j.autodiff.samediff.SDVariable styles = sd.constant(Nd4j.createFromArray(new double[][] {{1, 0},
                    {0, 1}}));
            org.nd4j.autodiff.samediff.SDVariable h = sd.var("h", Nd4j.rand(DataType.DOUBLE, 2, 4, 4, 3));
            org.nd4j.autodiff.samediff.SDVariable out = CinTransferNet.globalContext(sd, x, styles, h, 2, 3,
                    DataType.DOUBLE);
            sd.getVariable("global_W2").getArr().assign(Nd4j.randn(DataType.DOUBLE, CinTransferNet.GLOBAL_HIDDEN, 6));
            sd.getVariable("global_b2").getArr().assign(Nd4j.randn(DataType.DOUBLE, 6));
            StyleLosses.mse(sd, out, sd.constant(Nd4j.rand(DataType.DOUBLE, 2, 4, 4, 3))).rename("loss");
            sd.setLossVariables("loss");
            assertTrue(org.nd4j.autodiff.validation.GradCheckUtil.checkGradients(sd, new java.util.HashMap<>(), 1e-6,
                    1e-3, 1e-8, false, true));
        } finally {
            Nd4j.setDefaultDataTypes(before, before);
        }
    }

    @Test
    void gridPatternsAreStripesOfTheCoordinates() {
        INDArray g = CinTransferNet.gridPatterns(6, 12);
        assertArrayEquals(new long[] {1, 6, 12, CinTransferNet.GRID_CHANNELS}, g.shape());
        assertEquals(18, CinTransferNet.GRID_CHANNELS);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 12; x++) {
                // Period 2: (-1)^x, (-1)^y; period 3: cos, sin of x, then of y.
                assertEquals(x % 2 == 0 ? 1 : -1, g.getDouble(0, y, x, 0), 1e-6);
                assertEquals(y % 2 == 0 ? 1 : -1, g.getDouble(0, y, x, 1), 1e-6);
                assertEquals(Math.cos(2 * Math.PI * x / 3), g.getDouble(0, y, x, 2), 1e-6);
                assertEquals(Math.sin(2 * Math.PI * x / 3), g.getDouble(0, y, x, 3), 1e-6);
                assertEquals(Math.sin(2 * Math.PI * y / 3), g.getDouble(0, y, x, 5), 1e-6);
                assertEquals(Math.sin(2 * Math.PI * y / 8), g.getDouble(0, y, x, 17), 1e-6);
            }
        }
        // A picture padded on the right and bottom sees the same patterns on its own pixels.
        assertEquals(CinTransferNet.gridPatterns(4, 4), g.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4),
                NDArrayIndex.interval(0, 4), NDArrayIndex.all()));
    }

    @Test
    void positionChannelsStartSilentAndThenChangeTheOutput() {
        CinArchitecture plain = new CinArchitecture(2, 4, DataType.FLOAT, true, true, true, false);
        CinArchitecture positions = new CinArchitecture(2, 4, DataType.FLOAT, true, true, true, true);
        SameDiff without = CinTransferNet.build(8, 8, plain, 3);
        SameDiff with = CinTransferNet.build(8, 8, positions, 3);
        perturb(without);
        perturb(with);
        with.getVariable("u1_pos_W").getArr().assign(0);
        Map<String, INDArray> in = inputs(5, 8, 8, 2, 1);
        INDArray base = without.output(in, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT);
        assertEquals(base, with.output(in, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT),
                "zero grid weights: the same network, the same initial weights");
        perturb(with);
        INDArray changed = with.output(in, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT);
        assertTrue(changed.sub(base).amaxNumber().doubleValue() > 0.01, "the grid weights reach the output");
        SameDiff rebuilt = CinArchitecture.of(with).atSize(with, 8, 8);
        assertEquals(changed, rebuilt.output(in, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT));
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
