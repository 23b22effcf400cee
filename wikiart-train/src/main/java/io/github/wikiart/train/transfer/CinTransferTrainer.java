package io.github.wikiart.train.transfer;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.Seeds;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.transfer.CinTransferNet;
import io.github.wikiart.models.transfer.RandomFeatures;
import io.github.wikiart.models.transfer.StyleLosses;
import io.github.wikiart.train.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the {@link CinTransferNet} on random target styles. The style of a target is the mean
 * Gram matrix, per layer of the fixed {@link RandomFeatures}, over the training images of that
 * style; the loss is {@code styleWeight * sum_l MSE(Gram_l(output), target_l(style))
 * + contentWeight * MSE(features_2(output), features_2(input))}.
 */
public final class CinTransferTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(CinTransferTrainer.class);
    private static final String LOSS = "loss";
    private static final int CONTENT_LAYER = 1;

    private CinTransferTrainer() {
    }

    /**
     * Trains.
     *
     * @param train training images (their labels give the style targets)
     * @param labels the styles
     * @param data image preparation (side must be even)
     * @param options network and loss settings
     * @param progress progress events, or null
     * @return the trained model
     */
    public static CinTransfer train(List<Sample> train, LabelIndex labels, DataOptions data, CinTransferOptions options,
                                    ProgressListener progress) {
        int side = data.imageSize();
        long phiSeed = Seeds.derive(options.seed(), "transfer/features");
        List<INDArray> targets = styleTargets(train, labels, data, phiSeed);
        SameDiff sd = trainingGraph(side, labels.size(), options, targets);
        Random targetsRng = new Random(Seeds.derive(options.seed(), "transfer/targets"));
        try (ImageBatchIterator it = ImageBatchIterator.builder(train, labels).imageSize(side).resize(data.resize())
                .decoder(data.decoder()).layout(TensorLayout.NHWC).batchSize(options.batchSize())
                .seed(Seeds.derive(options.seed(), "transfer/shuffle"))
                .cache(new io.github.wikiart.data.DecodedImageCache(512L << 20)).build()) {
            for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                it.startEpoch(epoch - 1);
                int batches = it.batchesPerEpoch();
                if (progress != null) {
                    progress.onEpochStart(epoch, batches);
                }
                long start = System.nanoTime();
                long images = 0;
                int batch = 0;
                double loss = Double.NaN;
                while (it.hasNext()) {
                    INDArray x = it.next().getFeatures();
                    INDArray s = oneHot(randomTargets(x.size(0), labels.size(), targetsRng), labels.size());
                    sd.fit(new DataSet(x, s));
                    batch++;
                    images += x.size(0);
                    // The loss costs a forward pass, so it is measured every 10 batches; progress
                    // reports the latest measurement.
                    if (batch == batches || batch % 10 == 0 || batch == 1) {
                        loss = loss(sd, x, s);
                        if (!Double.isFinite(loss)) {
                            throw new IllegalStateException("transfer loss became " + loss + " in epoch " + epoch
                                    + ", batch " + batch);
                        }
                        LOG.debug("epoch {} batch {} loss {}", epoch, batch, loss);
                    }
                    if (progress != null) {
                        progress.onBatch(epoch, batch, batches, images, loss, images / ((System.nanoTime() - start) / 1e9));
                    }
                }
            }
        }
        return new CinTransfer(sd, labels, side);
    }

    /**
     * The graph that training fits: the network, the loss features and the losses, with Adam.
     * Public for benchmarks, which time {@code sd.fit} on it.
     *
     * @param side image side
     * @param numStyles number of styles
     * @param options settings
     * @param targets per layer of {@link RandomFeatures}, the {@code [styles, c*c]} target Gram matrices
     * @return the graph, ready for {@code fit(new DataSet(images, oneHotStyles))}
     */
    public static SameDiff trainingGraph(int side, int numStyles, CinTransferOptions options, List<INDArray> targets) {
        SameDiff sd = CinTransferNet.build(side, numStyles, options.width(),
                Seeds.derive(options.seed(), "transfer/init"), DataType.FLOAT, options.upsample());
        addLoss(sd, targets, side, Seeds.derive(options.seed(), "transfer/features"), options.styleWeight(),
                options.contentWeight());
        sd.setTrainingConfig(new TrainingConfig.Builder().updater(new Adam(options.learningRate()))
                .dataSetFeatureMapping(CinTransferNet.INPUT).dataSetLabelMapping(CinTransferNet.STYLE).build());
        return sd;
    }

    /**
     * The loss of the current network on one batch.
     *
     * @param sd the training graph
     * @param images the batch
     * @param styles one-hot targets
     * @return the total loss
     */
    static double loss(SameDiff sd, INDArray images, INDArray styles) {
        return sd.output(Map.of(CinTransferNet.INPUT, images, CinTransferNet.STYLE, styles), LOSS).get(LOSS)
                .getDouble(0);
    }

    /**
     * Adds the style and content losses to a transfer graph.
     *
     * @param sd graph from {@link CinTransferNet#build}
     * @param targets per layer, the {@code [styles, c*c]} mean Gram matrices
     * @param side image side
     * @param phiSeed seed of the loss features
     * @param styleWeight weight of the style loss
     * @param contentWeight weight of the content loss
     */
    static void addLoss(SameDiff sd, List<INDArray> targets, int side, long phiSeed, double styleWeight,
                        double contentWeight) {
        DataType type = sd.getVariable(CinTransferNet.OUTPUT).dataType();
        RandomFeatures phi = new RandomFeatures(sd, phiSeed, type);
        SDVariable out = sd.getVariable(CinTransferNet.OUTPUT);
        SDVariable in = sd.getVariable(CinTransferNet.INPUT);
        SDVariable styles = sd.getVariable(CinTransferNet.STYLE);
        List<SDVariable> fOut = phi.apply(sd, out);
        List<SDVariable> fIn = phi.apply(sd, in);
        List<SDVariable> grams = new ArrayList<>();
        List<SDVariable> wanted = new ArrayList<>();
        for (int l = 0; l < fOut.size(); l++) {
            long s = RandomFeatures.sideAt(side, l);
            long c = RandomFeatures.CHANNELS[l];
            grams.add(StyleLosses.gram(sd, fOut.get(l), s, s, c));
            SDVariable table = sd.constant("style_target_" + l, targets.get(l).castTo(type));
            wanted.add(sd.reshape(styles.mmul(table), -1L, c, c));
        }
        SDVariable style = StyleLosses.styleLoss(sd, grams, wanted).mul(styleWeight);
        SDVariable content = StyleLosses.mse(sd, fOut.get(CONTENT_LAYER), fIn.get(CONTENT_LAYER)).mul(contentWeight);
        style.add(LOSS, content);
        sd.setLossVariables(LOSS);
    }

    /**
     * Per style, the mean Gram matrix of each feature layer over the training images of that style.
     *
     * @param train training images
     * @param labels the styles
     * @param data image preparation
     * @param phiSeed seed of the loss features
     * @return per layer, a {@code [styles, c*c]} table
     */
    static List<INDArray> styleTargets(List<Sample> train, LabelIndex labels, DataOptions data, long phiSeed) {
        int side = data.imageSize();
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(CinTransferNet.INPUT, DataType.FLOAT, -1, side, side, 3);
        List<SDVariable> f = new RandomFeatures(sd, phiSeed, DataType.FLOAT).apply(sd, x);
        String[] names = new String[f.size()];
        for (int l = 0; l < f.size(); l++) {
            long s = RandomFeatures.sideAt(side, l);
            names[l] = "gram" + l;
            sd.reshape(names[l], StyleLosses.gram(sd, f.get(l), s, s, RandomFeatures.CHANNELS[l]), -1L,
                    RandomFeatures.CHANNELS[l] * RandomFeatures.CHANNELS[l]);
        }
        List<INDArray> sums = new ArrayList<>();
        for (long c : RandomFeatures.CHANNELS) {
            sums.add(Nd4j.zeros(DataType.DOUBLE, labels.size(), c * c));
        }
        double[] counts = new double[labels.size()];
        try (ImageBatchIterator it = ImageBatchIterator.builder(train, labels).imageSize(side).resize(data.resize())
                .decoder(data.decoder()).layout(TensorLayout.NHWC).batchSize(32).shuffle(false).build()) {
            while (it.hasNext()) {
                DataSet ds = it.next();
                Map<String, INDArray> out = sd.output(Map.of(CinTransferNet.INPUT, ds.getFeatures()), names);
                INDArray onehotT = ds.getLabels().castTo(DataType.DOUBLE).transpose();
                for (int l = 0; l < names.length; l++) {
                    sums.get(l).addi(onehotT.mmul(out.get(names[l]).castTo(DataType.DOUBLE)));
                }
                INDArray perClass = ds.getLabels().sum(0);
                for (int k = 0; k < counts.length; k++) {
                    counts[k] += perClass.getDouble(k);
                }
            }
        }
        List<INDArray> means = new ArrayList<>();
        INDArray divisor = Nd4j.createFromArray(counts).reshape(labels.size(), 1);
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                throw new IllegalArgumentException("style '" + labels.name(k) + "' has no training images");
            }
        }
        for (INDArray sum : sums) {
            means.add(sum.divi(divisor).castTo(DataType.FLOAT));
        }
        return means;
    }

    private static int[] randomTargets(long n, int styles, Random rng) {
        int[] t = new int[(int) n];
        for (int i = 0; i < n; i++) {
            t[i] = rng.nextInt(styles);
        }
        return t;
    }

    static INDArray oneHot(int[] targets, int styles) {
        INDArray m = Nd4j.zeros(DataType.FLOAT, targets.length, styles);
        for (int i = 0; i < targets.length; i++) {
            m.putScalar(i, targets[i], 1.0);
        }
        return m;
    }
}
