package io.github.wikiart.models;

import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.transfer.CinTransferNet;
import io.github.wikiart.models.golden.GoldenFiles;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Golden models: tiny checked-in networks of every kind this module builds (custom layers
 * included), with a stored input, output and loss gradient. Loading each model and running the
 * stored input must reproduce the stored output and gradient within 1e-5 plus 1e-4 of the stored value
 * (the spread between CPUs, {@link GoldenFiles#ABSOLUTE}), so a DL4J upgrade or a change to a hand-written kernel
 * ({@code GramPoolingImpl}, {@code BatchNormReluImpl}, {@code InputConvolutionImpl}, {@code CachedDeconvolution2DImpl},
 * {@code ConvWeightGradient}, {@code StatisticsFeatures}, the SameDiff transfer layers) that
 * changes a number is caught.
 *
 * <p>The files live in {@code src/test/resources/golden} ({@link GoldenFiles}). After a deliberate change of a
 * network's numbers, regenerate them and say why in the commit:
 * {@code mvn -B -q -pl wikiart-models -am test -Dtest=GoldenModelTest -Dgolden.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GoldenModelTest {
    private static final GoldenFiles GOLDEN = GoldenFiles.ofThisModule();
    private static final int BATCH = 2;
    private static final int CLASSES = 3;

    @AfterEach
    void restoreTypes() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    static Stream<Arguments> networks() {
        return Stream.of(
                // stylenet-nchw and -nhwc were stored before StyleNet used BatchNormRelu (batch norm and
                // ReLU as two DL4J layers): they check that such saved models still load and compute.
                net("stylenet-fused-nchw", 16, TensorLayout.NCHW, () -> StyleNet.builder().inputSide(16).numClasses(CLASSES)
                        .width(4).gramChannels(4).hidden(8).dropout(0).updater(new NoOp()).layout(TensorLayout.NCHW)
                        .seed(11).build().init()),
                net("stylenet-fused-nhwc", 16, TensorLayout.NHWC, () -> StyleNet.builder().inputSide(16).numClasses(CLASSES)
                        .width(4).gramChannels(4).hidden(8).dropout(0).updater(new NoOp()).layout(TensorLayout.NHWC)
                        .seed(12).build().init()),
                net("stylenet-nchw", 16, TensorLayout.NCHW, () -> StyleNet.builder().inputSide(16).numClasses(CLASSES).width(4)
                        .gramChannels(4).hidden(8).dropout(0).updater(new NoOp()).layout(TensorLayout.NCHW).seed(11)
                        .build().init()),
                net("stylenet-nhwc", 16, TensorLayout.NHWC, () -> StyleNet.builder().inputSide(16).numClasses(CLASSES).width(4)
                        .gramChannels(4).hidden(8).dropout(0).updater(new NoOp()).layout(TensorLayout.NHWC).seed(12)
                        .build().init()),
                net("seed-classifier", 4, TensorLayout.NCHW, () -> SeedClassifier.builder().inputSide(4).numClasses(CLASSES).dropout(0)
                        .updater(new NoOp()).seed(13).build().init()),
                net("stats-classifier", 16, TensorLayout.NCHW, () -> StatsClassifier.builder().inputSide(16).numClasses(CLASSES).hidden(8)
                        .dropout(0).updater(new NoOp()).seed(14).build().init()),
                net("autoencoder-transposed-nchw", 8, TensorLayout.NCHW, () -> autoencoder(ConvAutoencoder.Upsampler.TRANSPOSED,
                        TensorLayout.NCHW, 15)),
                net("autoencoder-upsample-nchw", 8, TensorLayout.NCHW,
                        () -> autoencoder(ConvAutoencoder.Upsampler.UPSAMPLE, TensorLayout.NCHW, 16)),
                net("autoencoder-transposed-nhwc", 8, TensorLayout.NHWC, () -> autoencoder(ConvAutoencoder.Upsampler.TRANSPOSED,
                        TensorLayout.NHWC, 17)));
    }

    private static MultiLayerNetwork autoencoder(ConvAutoencoder.Upsampler upsampler, TensorLayout layout, long seed) {
        return ConvAutoencoder.builder().side(8).width(2).latentDim(4).upsampler(upsampler).layout(layout)
                .updater(new NoOp()).seed(seed).build().init();
    }

    private static Arguments net(String name, int side, TensorLayout layout, Supplier<MultiLayerNetwork> build) {
        return Arguments.of(name, inputShape(side, layout), build);
    }

    static Stream<Arguments> transferNetworks() {
        return Stream.of(Arguments.of("transfer-cin-transposed", false, false),
                Arguments.of("transfer-cin-upsample-residual", true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void dl4jNetworkReproducesItsStoredOutputAndGradient(String name, long[] inputShape,
            Supplier<MultiLayerNetwork> build) throws IOException {
        if (GoldenFiles.updating()) {
            MultiLayerNetwork fresh = build.get();
            Nd4j.getRandom().setSeed(100);
            ModelSerializer.writeModel(fresh, GOLDEN.path(name + ".zip").toFile(), false);
            GOLDEN.write(name, "input", Nd4j.rand(DataType.FLOAT, inputShape));
        }
        OneDnn.ensureEnabled(); // as the library does before it builds or loads a network
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(GOLDEN.requireModel(name + ".zip").toFile(),
                false);
        INDArray x = GOLDEN.read(name, "input");
        GOLDEN.check(name, "output", net.output(x, false));
        GOLDEN.check(name, "gradient", gradient(net, x));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transferNetworks")
    void sameDiffTransferNetworkReproducesItsStoredOutputAndGradient(String name, boolean upsample, boolean residual)
            throws IOException {
        if (GoldenFiles.updating()) {
            SameDiff fresh = CinTransferNet.build(8, CLASSES, 2, 21, DataType.FLOAT, upsample, residual);
            // The residual network starts as the identity (zero output weights); perturb them so
            // the stored output depends on every layer.
            Nd4j.getRandom().setSeed(22);
            INDArray outW = fresh.getVariable("out_W").getArr();
            outW.assign(Nd4j.randn(DataType.FLOAT, outW.shape()).muli(0.1));
            Nd4j.getRandom().setSeed(100);
            fresh.save(GOLDEN.path(name + ".sd").toFile(), false);
            GOLDEN.write(name, "input", Nd4j.rand(DataType.FLOAT, BATCH, 8, 8, 3));
            GOLDEN.write(name, "style", Nd4j.eye(CLASSES).getRows(0, 2).castTo(DataType.FLOAT));
        }
        SameDiff sd = SameDiff.load(GOLDEN.requireModel(name + ".sd").toFile(), false);
        Map<String, INDArray> feed = Map.of(CinTransferNet.INPUT, GOLDEN.read(name, "input"),
                CinTransferNet.STYLE, GOLDEN.read(name, "style"));
        INDArray out = sd.output(feed, CinTransferNet.OUTPUT).get(CinTransferNet.OUTPUT);
        GOLDEN.check(name, "output", out);
        // A fixed, non-uniform loss so every output element has its own weight in the gradient.
        INDArray weights = Nd4j.linspace(-1, 1, out.length(), DataType.FLOAT).reshape(out.shape());
        sd.setLossVariables(sd.getVariable(CinTransferNet.OUTPUT).mul(sd.constant("goldenWeights", weights)).sum());
        GOLDEN.check(name, "gradient", GoldenFiles.parameterGradient(sd, feed));
    }

    private static long[] inputShape(int side, TensorLayout layout) {
        return layout == TensorLayout.NHWC ? new long[] {BATCH, side, side, 3} : new long[] {BATCH, 3, side, side};
    }

    /** The gradient of the network's own loss at x (labels: class i % 3, or x itself for an autoencoder). */
    private static INDArray gradient(MultiLayerNetwork net, INDArray x) {
        long outputs = net.layerSize(net.getnLayers() - 1);
        INDArray labels;
        if (outputs == CLASSES) {
            labels = Nd4j.zeros(DataType.FLOAT, BATCH, CLASSES);
            for (int i = 0; i < BATCH; i++) {
                labels.putScalar(i, i % CLASSES, 1.0);
            }
        } else {
            labels = ConvAutoencoder.flatten(x);
        }
        net.setInput(x);
        net.setLabels(labels);
        net.computeGradientAndScore();
        return net.gradient().gradient().dup();
    }
}
