package io.github.wikiart.models.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class QuantileMapTest {
    /** 101 images with statistic 0 at 0.00, 0.01, ..., 1.00 and statistic 1 at twice that. */
    private static INDArray content() {
        INDArray v = Nd4j.zeros(DataType.FLOAT, 101, 2);
        for (int i = 0; i <= 100; i++) {
            v.putScalar(i, 0, i / 100.0);
            v.putScalar(i, 1, i / 50.0);
        }
        return v;
    }

    @Test
    void sendsEachContentQuantileToTheStylesQuantile() {
        INDArray content = content();
        // Style 0: the content's own distribution; style 1: statistic 0 becomes 3 + 2x, statistic 1 is 5 for every image.
        INDArray affine = content.dup();
        affine.getColumn(0).muli(2).addi(3);
        affine.getColumn(1).assign(5);
        QuantileMap map = QuantileMap.fit(List.of(content, affine), content, 8);
        INDArray x = Nd4j.createFromArray(new float[][] {{0.3f, 1.2f}, {0.3f, 1.2f}, {0.01f, 0.0f}});
        INDArray out = map.apply(x, new int[] {0, 1, 1});
        assertEquals(0.3, out.getDouble(0, 0), 1e-5, "same distribution: the identity inside the quantile range");
        assertEquals(1.2, out.getDouble(0, 1), 1e-5);
        assertEquals(3.6, out.getDouble(1, 0), 1e-5, "an affine style: the affine map");
        assertEquals(5.0, out.getDouble(1, 1), 1e-5, "a style whose images agree: that value for every input");
        assertEquals(5.0, out.getDouble(2, 1), 1e-5);
        assertEquals(3 + 2 * QuantileMap.LOW, out.getDouble(2, 0), 1e-5, "constant below the lowest quantile");
    }

    @Test
    void theGraphComputesTheEagerMap() {
        Nd4j.getRandom().setSeed(3);
        INDArray content = Nd4j.rand(DataType.FLOAT, 40, 5);
        INDArray style0 = Nd4j.rand(DataType.FLOAT, 30, 5).muli(3);
        INDArray style1 = Nd4j.randn(DataType.FLOAT, 25, 5);
        QuantileMap map = QuantileMap.fit(List.of(style0, style1), content, 4);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 5).muli(1.4).subi(0.2);
        int[] styles = {0, 1, 1, 0, 1, 0};
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, 6, 2);
        for (int i = 0; i < 6; i++) {
            oneHot.putScalar(i, styles[i], 1.0);
        }
        SameDiff sd = SameDiff.create();
        SDVariable mapped = map.apply(sd, "q", sd.constant(x), sd.constant(oneHot));
        INDArray viaGraph = mapped.eval();
        INDArray eager = map.apply(x, styles);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(eager.getDouble(i, j), viaGraph.getDouble(i, j), 1e-4, "row " + i + " statistic " + j);
            }
        }
    }

    @Test
    void statisticsOfAnotherCountAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuantileMap.fit(List.of(Nd4j.zeros(DataType.FLOAT, 3, 4)), Nd4j.zeros(DataType.FLOAT, 3, 5), 2));
        assertEquals("style 0 has 4 statistics, the content images 5", e.getMessage());
    }
}
