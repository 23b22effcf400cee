package io.github.wikiart.train.transfer.seed;

import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.models.golden.GoldenFiles;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Golden model of the original transfer method's graph ({@link SeedGraph}: the style embedder,
 * the conditioned encoder and the decoder taken from an autoencoder): a tiny checked-in graph with
 * a stored image batch and styles must reproduce the stored transfer output, both losses and the
 * step-2 gradient within 1e-6 ({@link GoldenFiles}; regenerate with
 * {@code mvn -B -q -pl wikiart-train -am test -Dtest=SeedGraphGoldenTest -Dgolden.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false}).
 */
class SeedGraphGoldenTest {
    private static final GoldenFiles GOLDEN = GoldenFiles.ofThisModule();
    private static final String NAME = "seed-transfer";

    @Test
    void seedTransferGraphReproducesItsStoredOutputsLossesAndGradient() throws IOException {
        if (GoldenFiles.updating()) {
            MultiLayerNetwork ae = ConvAutoencoder.builder().side(8).width(2).latentDim(4)
                    .activation(ConvAutoencoder.Act.TANH).seed(11).build().init();
            AutoencoderWeights w = AutoencoderWeights.of(ae, TensorLayout.NHWC, 8, ConvAutoencoder.Act.TANH);
            SeedTransferOptions o = new SeedTransferOptions(3, 50.0, 1.0, List.of(1, 2, 3), 1, 1, 2, 1e-3, 1);
            SeedGraph.build(w, 3, o, 13).sd().save(GOLDEN.path(NAME + ".sd").toFile(), false);
            Nd4j.getRandom().setSeed(17);
            GOLDEN.write(NAME, "input", Nd4j.rand(DataType.FLOAT, 2, 8, 8, 3));
            GOLDEN.write(NAME, "style", SeedTransfer.oneHot(new int[] {2, 0}, 3, DataType.FLOAT));
        }
        SameDiff sd = SameDiff.load(GOLDEN.requireModel(NAME + ".sd").toFile(), false);
        Map<String, INDArray> feed = Map.of(SeedGraph.IMAGE, GOLDEN.read(NAME, "input"),
                SeedGraph.STYLE, GOLDEN.read(NAME, "style"));
        Map<String, INDArray> out = sd.output(feed, SeedGraph.TRANSFER, SeedGraph.STEP1_LOSS, SeedGraph.STEP2_LOSS);
        GOLDEN.check(NAME, "transfer", out.get(SeedGraph.TRANSFER));
        GOLDEN.check(NAME, "step1-loss", out.get(SeedGraph.STEP1_LOSS));
        GOLDEN.check(NAME, "step2-loss", out.get(SeedGraph.STEP2_LOSS));
        sd.setLossVariables(SeedGraph.STEP2_LOSS);
        GOLDEN.check(NAME, "step2-gradient", GoldenFiles.parameterGradient(sd, feed));
    }
}
