package io.github.wikiart.bench;

import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.models.SeedClassifier;
import io.github.wikiart.models.StyleNet;
import io.github.wikiart.train.transfer.CinTransferOptions;
import io.github.wikiart.train.transfer.CinTransferTrainer;
import io.github.wikiart.models.transfer.FeatureStack;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The benchmark rows on the DL4J side: each network at its size, on a fixed random batch. */
public final class Networks {
    /** The original classifier at 416 px, 27 classes. */
    public static final String SEED_CLASSIFIER = "seed-classifier-416";
    /** The original autoencoder at 104 px with widths 104, 208, 416. */
    public static final String AE_ORIGINAL = "autoencoder-104-width104";
    /** The autoencoder at 104 px with the default widths 16, 32, 64. */
    public static final String AE_DEFAULT = "autoencoder-104-width16";
    /** StyleNet, the default classifier, at 64 px, 6 classes. */
    public static final String STYLENET = "stylenet-64";
    /** The default transfer network (cin) at 64 px, 6 styles. */
    public static final String TRANSFER = "transfer-cin-64";

    private Networks() {
    }

    /** @return the rows in order, with their batch sizes */
    public static List<Object[]> rows() {
        return List.of(new Object[] {SEED_CLASSIFIER, 32}, new Object[] {AE_ORIGINAL, 16},
                new Object[] {AE_DEFAULT, 16}, new Object[] {STYLENET, 32}, new Object[] {TRANSFER, 8});
    }

    /**
     * One row's training step (forward, backward, Adam update) and inference step on a fixed random
     * batch, in DL4J.
     *
     * @param train one training step
     * @param infer one forward pass
     */
    public record Steps(Runnable train, Runnable infer) {
    }

    /**
     * Measures a row in DL4J.
     *
     * @param network the row name
     * @param batch batch size
     * @param plan warm-up and timed steps
     * @return the measurement
     */
    public static Measurement measureDl4j(String network, int batch, StepPlan plan) {
        Steps steps = dl4j(network, batch);
        return new Measurement(plan.imagesPerSecond(batch, steps.train()), plan.imagesPerSecond(batch, steps.infer()));
    }

    /**
     * Builds a row's network in DL4J (weights and batch from seed 1).
     *
     * @param network the row name
     * @param batch batch size
     * @return its steps
     */
    public static Steps dl4j(String network, int batch) {
        Nd4j.getRandom().setSeed(1);
        switch (network) {
            case SEED_CLASSIFIER -> {
                MultiLayerNetwork net = SeedClassifier.builder().inputSide(416).numClasses(27).build().init();
                return steps(net, Nd4j.rand(DataType.FLOAT, batch, 3, 416, 416), oneHot(batch, 27));
            }
            case STYLENET -> {
                MultiLayerNetwork net = StyleNet.builder().inputSide(64).numClasses(6).build().init();
                return steps(net, Nd4j.rand(DataType.FLOAT, batch, 3, 64, 64), oneHot(batch, 6));
            }
            case AE_ORIGINAL, AE_DEFAULT -> {
                int width = network.equals(AE_ORIGINAL) ? 104 : 16;
                MultiLayerNetwork net = ConvAutoencoder.builder().side(104).width(width).latentDivisor(16)
                        .activation(ConvAutoencoder.Act.GELU).layout(TensorLayout.NCHW).build().init();
                INDArray x = Nd4j.rand(DataType.FLOAT, batch, 3, 104, 104);
                return steps(net, x, ConvAutoencoder.flatten(x));
            }
            case TRANSFER -> {
                return transfer(batch);
            }
            default -> throw new IllegalArgumentException("unknown network " + network);
        }
    }

    /**
     * A row's DL4J network (classifiers without dropout) and a small batch, for the twin check
     * ({@link TwinCheck}).
     *
     * @param net the network (seed 1), dropout off
     * @param x the batch, NCHW
     * @param labels one-hot labels, or the flattened images for an autoencoder
     */
    public record CheckCase(MultiLayerNetwork net, INDArray x, INDArray labels) {
    }

    /**
     * @param network the row name
     * @return the row's check case (for an autoencoder the labels are the flattened images), or null
     *     for the transfer row ({@link #transferCase})
     */
    public static CheckCase checkCase(String network) {
        Nd4j.getRandom().setSeed(2);
        return switch (network) {
            case AE_ORIGINAL, AE_DEFAULT -> {
                INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 104, 104);
                yield new CheckCase(ConvAutoencoder.builder().side(104).width(network.equals(AE_ORIGINAL) ? 104 : 16)
                        .latentDivisor(16).activation(ConvAutoencoder.Act.GELU).layout(TensorLayout.NCHW).build().init(),
                        x, ConvAutoencoder.flatten(x));
            }
            case SEED_CLASSIFIER -> new CheckCase(SeedClassifier.builder().inputSide(416).numClasses(27).dropout(0)
                    .build().init(), Nd4j.rand(DataType.FLOAT, 4, 3, 416, 416), oneHot(4, 27));
            case STYLENET -> new CheckCase(StyleNet.builder().inputSide(64).numClasses(6).dropout(0).build().init(),
                    Nd4j.rand(DataType.FLOAT, 8, 3, 64, 64), oneHot(8, 6));
            default -> null;
        };
    }

    private static Steps steps(MultiLayerNetwork net, INDArray x, INDArray y) {
        DataSet ds = new DataSet(x, y);
        return new Steps(() -> net.fit(ds), () -> net.output(x, false));
    }

    private static Steps transfer(int batch) {
        TransferCase c = transferCase(batch);
        DataSet ds = new DataSet(c.x(), c.styles());
        java.util.Map<String, INDArray> in = java.util.Map.of("input", c.x(), "style", c.styles());
        return new Steps(() -> c.sd().fit(ds), () -> c.sd().output(in, "output"));
    }

    /**
     * The transfer row's training graph with what built it.
     *
     * @param sd the graph (the cin network and its training loss)
     * @param features the loss's fixed random feature convolutions
     * @param targets the style loss's target tables, one {@code [styles, c*c]} per feature layer
     * @param x the batch, NHWC {@code [n, 64, 64, 3]}
     * @param styles one-hot styles {@code [n, 6]}
     */
    public record TransferCase(SameDiff sd, FeatureStack features, List<INDArray> targets, INDArray x,
            INDArray styles) {
    }

    /**
     * @param batch batch size
     * @return the transfer row's graph and batch (weights, constants and batch from seed 1)
     */
    public static TransferCase transferCase(int batch) {
        Nd4j.getRandom().setSeed(1);
        int side = 64;
        int styles = 6;
        List<INDArray> targets = new ArrayList<>();
        for (long c : FeatureStack.RANDOM_CHANNELS) {
            targets.add(Nd4j.rand(DataType.FLOAT, styles, c * c).muli(1e-2));
        }
        FeatureStack features = FeatureStack.random(1, DataType.FLOAT, FeatureStack.RANDOM_CHANNELS,
                FeatureStack.RANDOM_STRIDES);
        CinTransferOptions options = CinTransferOptions.builder().width(16).styleWeight(1e6).contentWeight(5).epochs(1)
                .batchSize(batch).learningRate(1e-3).seed(1).upsample(false).residual(false)
                .features(CinTransferOptions.Features.RANDOM).featureEpochs(1)
                .schedule(io.github.wikiart.train.LearningRateSchedule.CONSTANT).build();
        SameDiff sd = CinTransferTrainer.trainingGraph(side, styles, options, features, false, targets);
        return new TransferCase(sd, features, targets, Nd4j.rand(DataType.FLOAT, batch, side, side, 3),
                oneHot(batch, styles));
    }

    private static INDArray oneHot(int batch, int classes) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, classes);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, i % classes, 1.0);
        }
        return y;
    }
}
