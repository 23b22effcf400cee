package io.github.wikiart.train.transfer.seed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.ConvAutoencoder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.validation.GradCheckUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Gradient checks, in double precision, of both training losses through the graph-building code. */
class SeedGradientCheckTest {
    @AfterEach
    void restoreFloat() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    @Test
    void step2LossGradientsMatchFiniteDifferences() {
        assertTrue(check(SeedGraph.STEP2_LOSS, true));
    }

    @Test
    void step1LossGradientsMatchFiniteDifferences() {
        assertTrue(check(SeedGraph.STEP1_LOSS, false));
    }

    private static boolean check(String loss, boolean step2) {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        MultiLayerNetwork net = ConvAutoencoder.builder().side(8).width(2).latentDim(4)
                .activation(ConvAutoencoder.Act.TANH).dataType(DataType.DOUBLE).seed(11).build().init();
        AutoencoderWeights w = AutoencoderWeights.of(net, TensorLayout.NHWC, 8, ConvAutoencoder.Act.TANH);
        // Weights comparable to each other, so both the content and the style term shape the gradient.
        SeedTransferOptions o = new SeedTransferOptions(3, 50.0, 1.0, List.of(1, 2, 3), 1, 1, 2, 1e-3, 1);
        SeedGraph.Built g = SeedGraph.build(w, 3, o, 13);
        SameDiff sd = g.sd();
        sd.setLossVariables(loss);
        Nd4j.getRandom().setSeed(17);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 8, 8, 3);
        INDArray style = SeedTransfer.oneHot(new int[] {2, 0}, 3, DataType.DOUBLE);
        sd.getVariable(SeedGraph.IMAGE).setArray(x);
        sd.getVariable(SeedGraph.STYLE).setArray(style);
        Set<String> trained = new HashSet<>(step2 ? g.step2Variables() : g.step1Variables());
        List<SDVariable> frozen = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE && !trained.contains(v.name())) {
                frozen.add(v);
            }
        }
        // At most 6 random entries per variable keep the check fast on a shared 2-core machine.
        // Variables off the loss's path have no gradient, which GradCheckUtil cannot skip.
        sd.convertToConstants(frozen);
        return GradCheckUtil.checkGradients(sd, Map.of(SeedGraph.IMAGE, x, SeedGraph.STYLE, style), 1e-6, 1e-3, 1e-8,
                false, false, false, false, Set.of(), null, 6,
                GradCheckUtil.Subset.RANDOM);
    }
}
