package io.github.wikiart.train.transfer.seed;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.Seeds;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.loop.EpochStats;
import io.github.wikiart.train.loop.LoopListener;
import io.github.wikiart.train.loop.LoopResult;
import io.github.wikiart.train.loop.Step;
import io.github.wikiart.train.loop.TrainingLoop;
import io.github.wikiart.train.loop.TrainingStoppedException;
import io.github.wikiart.train.transfer.TransferCheckpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the original project's style-embedding transfer in two steps. Step 1 trains the embedder
 * alone so that the frozen autoencoder decoder turns the latent of a label into images of that
 * label: {@code MSE(decoder(embedder(label)), image)}. Step 2 trains embedder, style-conditioned
 * encoder and decoder together on one random target style per image:
 * {@code content_weight * MSE(decoded, input) + style_weight * sum_k MSE(Gram(enc_k), Gram(emb_k))},
 * the Gram-matrix loss of Gatys et al. (2016) between the encoder's and the embedder's activations
 * at the chosen convolution layers. Adam; all randomness derives from the options' seed.
 * Epochs are numbered across both steps for the progress listener (step 2 continues step 1's count).
 */
public final class SeedTransferTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(SeedTransferTrainer.class);

    private SeedTransferTrainer() {
    }

    /**
     * The settings for an autoencoder this method can start from: the given ones with a vector
     * latent, because the method replaces the original's dense latent by the embedder's output.
     *
     * @param options autoencoder settings
     * @return the same settings with {@link ConvAutoencoder.LatentShape#VECTOR}
     */
    public static AutoencoderOptions autoencoderOptions(AutoencoderOptions options) {
        return options.withLatentShape(ConvAutoencoder.LatentShape.VECTOR);
    }

    /**
     * Trains.
     *
     * @param trainSamples the training images
     * @param labels the label index of the styles
     * @param data how images are prepared; its image size must be the autoencoder's
     * @param autoencoderRun a run folder of {@code autoencoder train} with the transposed decoder
     * @param options the method's settings
     * @param runDir the run folder for {@code metrics.csv} and the checkpoints written after every
     *     epoch ({@link TransferCheckpoints}; the hand-applied Adam's moments are not in them), or null
     * @param progress progress callbacks, or null
     * @return the trained model
     * @throws IOException when the autoencoder run or the images cannot be read
     * @throws IllegalArgumentException on a size mismatch or an upsample autoencoder
     * @throws TrainingStoppedException when a loss becomes NaN or infinite, naming step, epoch and
     *     batch (the loop's NaN policy: the last good checkpoint is kept)
     */
    public static SeedTransfer train(List<Sample> trainSamples, LabelIndex labels, DataOptions data, Path autoencoderRun,
                                     SeedTransferOptions options, Path runDir,
                                     LoopListener<? super EpochStats, ? super SameDiff> progress) throws IOException {
        Objects.requireNonNull(trainSamples, "trainSamples");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        if (trainSamples.isEmpty()) {
            throw new IllegalArgumentException("no training images");
        }
        AutoencoderWeights weights = AutoencoderWeights.load(autoencoderRun);
        if (data.imageSize() != weights.side()) {
            throw new IllegalArgumentException("data image size " + data.imageSize() + " differs from the image size "
                    + weights.side() + " of autoencoder run " + autoencoderRun);
        }
        List<LoopListener<? super EpochStats, ? super SameDiff>> listeners =
                new ArrayList<>(TransferCheckpoints.listeners(runDir));
        if (progress != null) {
            listeners.add(progress);
        }
        SeedGraph.Built g = SeedGraph.build(weights.castTo(DataType.FLOAT), labels.size(), options,
                Seeds.derive(options.seed(), "seed-transfer/embedder"));
        Random targets = new Random(Seeds.derive(options.seed(), "seed-transfer/targets"));
        List<Double> step1;
        List<Double> step2;
        try (ImageBatchIterator it = ImageBatchIterator.builder(trainSamples, labels).imageSize(data.imageSize())
                .resize(data.resize()).decoder(data.decoder()).layout(TensorLayout.NHWC).batchSize(options.batchSize())
                .shuffle(true).seed(Seeds.derive(options.seed(), "seed-transfer/shuffle")).build()) {
            Phase s1 = new Phase("step 1", g.sd(), SeedGraph.STEP1_LOSS, g.step1Variables(), options, null);
            step1 = s1.run(it, listeners, runDir, options.step1Epochs(), 0);
            Phase s2 = new Phase("step 2", g.sd(), SeedGraph.STEP2_LOSS, g.step2Variables(), options, targets);
            step2 = s2.run(it, listeners, runDir, options.step2Epochs(), options.step1Epochs());
        }
        return new SeedTransfer(g.sd(), labels, ModelInput.of(data, TensorLayout.NHWC), options,
                new SeedTransfer.History(step1, step2));
    }

    /** One training step (phase) of the method: a loss, the variables it trains, how styles are chosen. */
    private static final class Phase {
        private final String name;
        private final SameDiff sd;
        private final String loss;
        private final List<String> variables;
        private final SeedTransferOptions options;
        private final Random targets;

        Phase(String name, SameDiff sd, String loss, List<String> variables, SeedTransferOptions options,
              Random targets) {
            this.name = name;
            this.sd = sd;
            this.loss = loss;
            this.variables = variables;
            this.options = options;
            this.targets = targets;
        }

        /** @return mean loss per epoch */
        List<Double> run(ImageBatchIterator it, List<LoopListener<? super EpochStats, ? super SameDiff>> listeners,
                         Path runDir, int epochs, int epochOffset) {
            if (epochs == 0) {
                return new ArrayList<>();
            }
            sd.setLossVariables(loss);
            VariableAdam adam = new VariableAdam(sd, variables, options.learningRate());
            Step step = new Step() {
                private int iteration;
                private int epochInPhase;

                @Override
                public void startEpoch(int epoch) {
                    epochInPhase = epoch - epochOffset - 1;
                }

                @Override
                public double fit(DataSet ds) {
                    INDArray x = ds.getFeatures().castTo(DataType.FLOAT);
                    INDArray style = targets == null ? ds.getLabels().castTo(DataType.FLOAT) : randomStyles(x.size(0),
                            (int) ds.getLabels().size(1));
                    OutAndGrad r = sd.calculateGradientsAndOutputs(Map.of(SeedGraph.IMAGE, x, SeedGraph.STYLE, style),
                            List.of(loss), variables);
                    double value = r.getOutputs().get(loss).getDouble(0);
                    if (Double.isFinite(value)) {
                        adam.apply(r.getGradients(), iteration++, epochInPhase);
                    }
                    return value;
                }
            };
            LoopResult<EpochStats> result = TrainingLoop.<EpochStats, SameDiff>builder().epochs(epochs)
                    .firstEpoch(epochOffset + 1).best(EpochStats::meanLoss, TrainingLoop.Goal.MINIMISE)
                    .listeners(listeners).build().run(sd, it, step, stats -> {
                        LOG.info("seed transfer {} epoch {}/{}: mean loss {}", name, stats.epoch() - epochOffset,
                                epochs, stats.meanLoss());
                        return stats;
                    });
            if (result.stop().isPresent()) {
                throw TransferCheckpoints.stopped(name, result.stop().get(), runDir,
                        "; lower the learning rate or the style weight");
            }
            List<Double> means = new ArrayList<>();
            for (EpochStats e : result.epochs()) {
                means.add(e.meanLoss());
            }
            return means;
        }

        private INDArray randomStyles(long n, int classes) {
            int[] t = new int[(int) n];
            for (int i = 0; i < t.length; i++) {
                t[i] = targets.nextInt(classes);
            }
            return SeedTransfer.oneHot(t, classes, DataType.FLOAT);
        }
    }
}
