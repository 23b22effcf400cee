package io.github.wikiart.models.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.models.layers.StatisticsFeatures.Group;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ImageStatisticsTest {
    private static final Set<Group> ALL = EnumSet.allOf(Group.class);
    private static final List<String> NAMES = StatisticsFeatures.names(ALL);

    /** The layer alone, in a network, on one NCHW image given as grey levels per pixel or RGB planes. */
    private static double[] features(double[][] red, double[][] green, double[][] blue) {
        int h = red.length;
        int w = red[0].length;
        double[] flat = new double[3 * h * w];
        double[][][] planes = {red, green, blue};
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    flat[(c * h + y) * w + x] = planes[c][y][x];
                }
            }
        }
        INDArray nchw = Nd4j.createFromArray(flat).castTo(DataType.FLOAT).reshape(1, 3, h, w);
        INDArray out = layerNet(h, w, CNN2DFormat.NCHW).output(nchw);
        INDArray nhwc = layerNet(h, w, CNN2DFormat.NHWC).output(nchw.permute(0, 2, 3, 1).dup('c'));
        assertEquals(out, nhwc, "NCHW and NHWC give the same features");
        return out.toDoubleVector();
    }

    private static double[] grey(double[][] levels) {
        return features(levels, levels, levels);
    }

    private static MultiLayerNetwork layerNet(int h, int w, CNN2DFormat format) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new ImageStatistics(format)).setInputType(InputType.convolutional(h, w, 3, format)).build());
        net.init();
        return net;
    }

    private static double at(double[] f, String name) {
        int i = NAMES.indexOf(name);
        assertTrue(i >= 0, name);
        return f[i];
    }

    private static double[][] fill(int h, int w, java.util.function.IntBinaryOperator level) {
        double[][] v = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y][x] = level.applyAsInt(y, x);
            }
        }
        return v;
    }

    @Test
    void featureNamesMatchTheGroupSizes() {
        assertEquals(126, NAMES.size());
        assertEquals(126, StatisticsFeatures.count(ALL));
        assertEquals(NAMES.size(), new java.util.HashSet<>(NAMES).size(), "names are unique");
        assertEquals(List.of("block_std", "block_std_below_0.01", "block_std_below_0.03"),
                StatisticsFeatures.names(EnumSet.of(Group.LOCAL_VARIANCE)));
    }

    @Test
    void uniformGreyImage() {
        double[][] level = new double[4][4];
        for (double[] row : level) {
            java.util.Arrays.fill(row, 0.6);
        }
        double[] f = grey(level);
        assertEquals(0.6, at(f, "mean_r"), 1e-6);
        assertEquals(0.6, at(f, "mean_b"), 1e-6);
        assertEquals(0, at(f, "std_g"), 1e-6);
        assertEquals(0, at(f, "corr_rg"), 1e-6, "a constant channel correlates with nothing");
        assertEquals(1, at(f, "luma_9"), 1e-6);
        assertEquals(1, at(f, "red_4"), 1e-6);
        assertEquals(1, at(f, "saturation_0"), 1e-6);
        for (int i = 0; i < 12; i++) {
            assertEquals(0, at(f, "hue_chroma_" + i), 1e-6, "grey pixels have no hue");
        }
        assertEquals(Math.log(2) / Math.log(513), at(f, "distinct_3bit"), 1e-6);
        assertEquals(Math.log(2) / Math.log(4097), at(f, "distinct_4bit"), 1e-6);
        assertEquals(1, at(f, "top5_share_3bit"), 1e-6);
        assertEquals(0, at(f, "abs_dx_1"), 1e-6);
        assertEquals(1, at(f, "flat_1"), 1e-6);
        assertEquals(0, at(f, "strong_1"), 1e-6);
        assertEquals(0, at(f, "flat_4"), 1e-6, "a 4 px image has no differences at 4 px");
        assertEquals(0, at(f, "period_x_2"), 1e-6);
        assertEquals(0, at(f, "block_std"), 1e-6);
        assertEquals(1, at(f, "block_std_below_0.01"), 1e-6);
        assertEquals(1, at(f, "abs_d1_bin_0"), 1e-6);
        assertEquals(0, at(f, "local_extrema_0.01"), 1e-6);
        assertEquals(0, at(f, "log1p_kurtosis_d1"), 1e-6, "no variance, no kurtosis");
    }

    @Test
    void blackAndWhiteCheckerboard() {
        double[] f = grey(fill(8, 8, (y, x) -> (x + y) % 2));
        assertEquals(0.5, at(f, "mean_g"), 1e-6);
        assertEquals(0.5, at(f, "std_r"), 1e-6);
        assertEquals(1, at(f, "corr_gb"), 1e-6);
        assertEquals(0.5, at(f, "luma_0"), 1e-6);
        assertEquals(0.5, at(f, "luma_15"), 1e-6);
        assertEquals(Math.log(3) / Math.log(513), at(f, "distinct_3bit"), 1e-6);
        // Neighbours always differ by 1, pixels 2 and 4 apart never.
        assertEquals(1, at(f, "abs_dx_1"), 1e-6);
        assertEquals(1, at(f, "abs_dy_1"), 1e-6);
        assertEquals(0, at(f, "flat_1"), 1e-6);
        assertEquals(1, at(f, "strong_1"), 1e-6);
        assertEquals(0, at(f, "abs_dx_2"), 1e-6);
        assertEquals(1, at(f, "flat_2"), 1e-6);
        assertEquals(1, at(f, "flat_4"), 1e-6);
        assertEquals(1 / 0.001, at(f, "ratio_d1_d2"), 1e-3);
        assertEquals(0, at(f, "ratio_d2_d4"), 1e-6);
        assertEquals(2, at(f, "abs_second_difference"), 1e-6);
        assertEquals(1, at(f, "zigzag_x"), 1e-6);
        assertEquals(1, at(f, "zigzag_y"), 1e-6);
        // Every column boundary has the same energy: no period stands out.
        assertEquals(0, at(f, "period_x_3"), 1e-6);
        assertEquals(0.5, at(f, "block_std"), 1e-6);
        assertEquals(0, at(f, "block_std_below_0.03"), 1e-6);
        assertEquals(1, at(f, "abs_d1_bin_7"), 1e-6, "every 1 px difference is above 0.32");
        assertEquals(1, at(f, "abs_d2_bin_0"), 1e-6, "every 2 px difference is below 0.005");
        // Every interior pixel differs from its four neighbours by 1.
        assertEquals(1, at(f, "local_extrema_0.04"), 1e-6);
        // Differences of +1 and -1, as many of each: kurtosis 1.
        assertEquals(Math.log(2), at(f, "log1p_kurtosis_d1"), 1e-6);
    }

    @Test
    void stripesWithAnEdgeEveryThreeColumns() {
        // Columns 0-2 black, 3-5 white, ...: the column profile E is 1 at x = 2, 5, 8 of 0..10.
        double[] f = grey(fill(4, 12, (y, x) -> (x / 3) % 2));
        double mean = 3.0 / 11;
        assertEquals(1 / mean - 1, at(f, "period_x_3"), 1e-6);
        assertEquals(0, at(f, "period_x_6"), 1e-6, "a profile shorter than two periods gives 0");
        // Period 2: the best phase (even x) holds 2 of its 6 positions.
        assertEquals((2.0 / 6) / mean - 1, at(f, "period_x_2"), 1e-6);
        assertEquals(0, at(f, "period_y_2"), 1e-6, "rows are identical");
        assertEquals(3.0 / 11, at(f, "abs_dx_1"), 1e-6);
        assertEquals(0, at(f, "abs_dy_1"), 1e-6);
    }

    @Test
    void hueAndSaturationOfPureColours() {
        // Red and blue pixels alternating: hue 0 (bin 0) and 240 degrees (bin 8), saturation 1.
        double[][] red = fill(2, 2, (y, x) -> (x + y + 1) % 2);
        double[][] green = fill(2, 2, (y, x) -> 0);
        double[][] blue = fill(2, 2, (y, x) -> (x + y) % 2);
        double[] f = features(red, green, blue);
        assertEquals(1, at(f, "saturation_7"), 1e-6);
        assertEquals(0.5, at(f, "hue_chroma_0"), 1e-6);
        assertEquals(0.5, at(f, "hue_chroma_8"), 1e-6);
        assertEquals(-1, at(f, "corr_rb"), 1e-6);
        assertEquals(0, at(f, "corr_rg"), 1e-6);
        assertEquals(0.5, at(f, "blue_7"), 1e-6);
        assertEquals(0, at(f, "block_std"), 1e-6, "a 2 px image has no 4x4 block");
    }

    @Test
    void subsetOfGroupsKeepsTheirOrderAndValues() {
        double[][] levels = fill(8, 8, (y, x) -> (x / 2 + y) % 2);
        double[] all = grey(levels);
        Set<Group> some = EnumSet.of(Group.PERIODICITY, Group.COLOUR_MOMENTS);
        INDArray x = Nd4j.createFromArray(levels).castTo(DataType.FLOAT).reshape(1, 1, 8, 8).repeat(1, 3);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new ImageStatistics(CNN2DFormat.NCHW, some)).setInputType(InputType.convolutional(8, 8, 3)).build());
        net.init();
        double[] part = net.output(x).toDoubleVector();
        List<String> names = StatisticsFeatures.names(some);
        assertEquals(23, part.length);
        for (int i = 0; i < names.size(); i++) {
            assertEquals(at(all, names.get(i)), part[i], 1e-6, names.get(i));
        }
    }

    @Test
    void batchRowsAreTheImagesFeaturesAndNoInputGradient() {
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 3, 10, 9);
        MultiLayerNetwork net = layerNet(10, 9, CNN2DFormat.NCHW);
        INDArray batch = net.output(x);
        assertArrayEquals(new long[] {5, 126}, batch.shape());
        for (int i = 0; i < 5; i++) {
            assertEquals(net.output(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 1))).getRow(0),
                    batch.getRow(i));
        }
        net.getLayer(0).setInput(x, LayerWorkspaceMgr.noWorkspaces());
        assertNull(net.getLayer(0).backpropGradient(Nd4j.ones(DataType.FLOAT, 5, 126),
                LayerWorkspaceMgr.noWorkspaces()).getSecond());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                        .layer(new ImageStatistics(CNN2DFormat.NCHW)).setInputType(InputType.convolutional(8, 8, 1))
                        .build()));
        assertTrue(e.getMessage().contains("3 channels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ImageStatistics(CNN2DFormat.NCHW, EnumSet.noneOf(Group.class)));
    }
}
