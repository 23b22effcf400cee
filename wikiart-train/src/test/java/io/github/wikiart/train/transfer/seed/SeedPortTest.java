package io.github.wikiart.train.transfer.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The SameDiff port of the autoencoder against the DL4J network it came from. */
class SeedPortTest {
    private static final int SIDE = 16;

    @ParameterizedTest
    @CsvSource({"NHWC, GELU", "NCHW, GELU", "NHWC, RELU", "NCHW, TANH"})
    void portedAutoencoderReproducesTheDl4jNetwork(TensorLayout layout, ConvAutoencoder.Act act) {
        MultiLayerNetwork net = ConvAutoencoder.builder().side(SIDE).width(4).latentDim(16).activation(act)
                .layout(layout).seed(7).build().init();
        Nd4j.getRandom().setSeed(3);
        INDArray nhwc = Nd4j.rand(DataType.FLOAT, 4, SIDE, SIDE, 3);
        INDArray in = layout == TensorLayout.NHWC ? nhwc : nhwc.permute(0, 3, 1, 2).dup('c');
        for (int i = 0; i < 2; i++) {
            net.fit(in, ConvAutoencoder.flatten(in));
        }
        INDArray expected = ConvAutoencoder.unflatten(net.output(in, false), SIDE, layout);
        if (layout == TensorLayout.NCHW) {
            expected = expected.permute(0, 2, 3, 1).dup('c');
        }
        SeedGraph.Built g = SeedGraph.build(AutoencoderWeights.of(net, layout, SIDE, act), 3,
                new SeedTransferOptions(8, 1e6, 1, List.of(1, 2, 3), 1, 1, 4, 1e-3, 1), 5);
        SameDiff sd = g.sd();
        INDArray actual = sd.output(Map.of(SeedGraph.IMAGE, nhwc, SeedGraph.STYLE, Nd4j.zeros(DataType.FLOAT, 4, 3)),
                SeedGraph.AE_RECON).get(SeedGraph.AE_RECON);
        assertArrayEquals(expected.shape(), actual.shape());
        double maxDiff = Nd4j.math().abs(expected.sub(actual)).maxNumber().doubleValue();
        assertTrue(maxDiff < 1e-4, layout + " " + act + ": max difference " + maxDiff);
        // The conditioned encoder starts as the autoencoder: zero weights on the style half.
        INDArray transfer = sd.output(Map.of(SeedGraph.IMAGE, nhwc, SeedGraph.STYLE, Nd4j.eye(3).castTo(DataType.FLOAT)
                .get(org.nd4j.linalg.indexing.NDArrayIndex.indices(0, 1, 2, 0))), SeedGraph.TRANSFER)
                .get(SeedGraph.TRANSFER);
        assertTrue(Nd4j.math().abs(expected.sub(transfer)).maxNumber().doubleValue() < 1e-4);
    }

    @Test
    void refusesAnUpsampleAutoencoderNamingTheRun(@TempDir Path run) throws Exception {
        Json.write(run.resolve(Checkpoints.INDEX), Map.of("model", Map.of("activation", "gelu", "decoder", "upsample")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AutoencoderWeights.load(run));
        assertTrue(e.getMessage().contains(run.toString()) && e.getMessage().contains("upsample"), e.getMessage());
    }

    @Test
    void optionsValidateAndKeepTheOriginalDefaults() {
        SeedTransferOptions d = SeedTransferOptions.defaults();
        assertEquals(300, d.embedDim());
        assertEquals(1e6, d.styleWeight());
        assertEquals(List.of(1, 2, 3), d.styleLayers());
        assertEquals(d, SeedTransferOptions.fromMap(d.toMap()));
        assertThrows(IllegalArgumentException.class,
                () -> new SeedTransferOptions(300, 1e6, 1, List.of(0, 4), 1, 1, 16, 1e-3, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new SeedTransferOptions(300, 1e6, 1, List.of(1), 1, 1, 0, 1e-3, 1));
    }
}
