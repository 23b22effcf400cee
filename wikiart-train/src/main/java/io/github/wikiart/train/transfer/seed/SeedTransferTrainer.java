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
import io.github.wikiart.train.transfer.TransferControl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
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

    /** The name of step 1 (in progress events and resume checkpoints). */
    public static final String STEP1 = "step 1";
    /** The name of step 2 (in progress events and resume checkpoints). */
    public static final String STEP2 = "step 2";
    /** The phases of a training, in order. */
    public static final List<String> PHASES = List.of(STEP1, STEP2);
    /** The entry of step 2's resume checkpoints that holds step 1's per-epoch results. */
    private static final String STEP1_RESULTS = "step1_results";
    /** The entry of step 2's resume checkpoints that holds the position of step 1's best epoch. */
    private static final String STEP1_BEST = "step1_best";
    private static final String ITERATION = "iteration";

    /**
     * Trains without resume checkpoints; see {@link #train(List, LabelIndex, DataOptions, Path,
     * SeedTransferOptions, Path, LoopListener, TransferControl)}.
     *
     * @param trainSamples the training images
     * @param labels the label index of the styles
     * @param data how images are prepared; its image size must be the autoencoder's
     * @param autoencoderRun a run folder of {@code autoencoder train} with the transposed decoder
     * @param options the method's settings
     * @param runDir the run folder for {@code metrics.csv} and the per-epoch checkpoints, or null
     * @param progress progress callbacks, or null
     * @return the trained model
     * @throws IOException when the autoencoder run or the images cannot be read
     * @throws IllegalArgumentException on a size mismatch or an upsample autoencoder
     * @throws TrainingStoppedException when a loss becomes NaN or infinite
     */
    public static SeedTransfer train(List<Sample> trainSamples, LabelIndex labels, DataOptions data, Path autoencoderRun,
                                     SeedTransferOptions options, Path runDir,
                                     LoopListener<? super EpochStats, ? super SameDiff> progress) throws IOException {
        return train(trainSamples, labels, data, autoencoderRun, options, runDir, progress, TransferControl.none());
    }

    /**
     * Trains step 1 ({@value #STEP1}) and step 2 ({@value #STEP2}). Each image's target style in
     * step 2 is drawn from {@code (seed, epoch, batch position)}, so a resumed run draws the same
     * ones.
     *
     * <p>Resuming: the graph's variables, the hand-applied Adam's moments and iteration count are
     * restored from the checkpoint; a checkpoint of step 2 also holds step 1's per-epoch results,
     * so step 1 is not trained again.
     *
     * @param trainSamples the training images
     * @param labels the label index of the styles
     * @param data how images are prepared; its image size must be the autoencoder's
     * @param autoencoderRun a run folder of {@code autoencoder train} with the transposed decoder
     * @param options the method's settings
     * @param runDir the run folder for {@code metrics.csv} and the checkpoints written after every
     *     epoch ({@link TransferCheckpoints}; the hand-applied Adam's moments are only in the resume
     *     checkpoint), or null
     * @param progress progress callbacks, or null
     * @param control resume checkpoints, stop signal and where to continue
     * @return the trained model
     * @throws IOException when the autoencoder run, the images or the resume checkpoint cannot be read
     * @throws IllegalArgumentException on a size mismatch or an upsample autoencoder
     * @throws TrainingStoppedException when a loss becomes NaN or infinite, naming step, epoch and
     *     batch (the loop's NaN policy: the last good checkpoint is kept)
     * @throws io.github.wikiart.train.loop.TrainingInterruptedException when the stop signal was
     *     requested (after a checkpoint was written)
     */
    public static SeedTransfer train(List<Sample> trainSamples, LabelIndex labels, DataOptions data, Path autoencoderRun,
                                     SeedTransferOptions options, Path runDir,
                                     LoopListener<? super EpochStats, ? super SameDiff> progress,
                                     TransferControl control) throws IOException {
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
        int saved = control.savedPhaseIndex(PHASES);
        List<LoopListener<? super EpochStats, ? super SameDiff>> listeners =
                new ArrayList<>(TransferCheckpoints.listeners(runDir));
        if (progress != null) {
            listeners.add(progress);
        }
        SeedGraph.Built g = SeedGraph.build(weights.castTo(DataType.FLOAT), labels.size(), options,
                Seeds.derive(options.seed(), "seed-transfer/embedder"));
        Earlier step1;
        List<EpochStats> step2;
        try (ImageBatchIterator it = ImageBatchIterator.builder(trainSamples, labels).imageSize(data.imageSize())
                .resize(data.resize()).decoder(data.decoder()).layout(TensorLayout.NHWC).batchSize(options.batchSize())
                .shuffle(true).seed(Seeds.derive(options.seed(), "seed-transfer/shuffle")).build()) {
            TransferControl.Phase<EpochStats> p2 = control.phase(STEP2, EpochStats.CODEC);
            if (saved == 1) {
                step1 = Earlier.from(p2);
            } else {
                Phase s1 = new Phase(STEP1, g, SeedGraph.STEP1_LOSS, g.step1Variables(), options, false);
                step1 = s1.run(it, listeners, runDir, options.step1Epochs(), 0,
                        control.phase(STEP1, EpochStats.CODEC), Earlier.NONE);
            }
            Phase s2 = new Phase(STEP2, g, SeedGraph.STEP2_LOSS, g.step2Variables(), options, true);
            step2 = s2.run(it, listeners, runDir, options.step2Epochs(), options.step1Epochs(), p2, step1).results();
        }
        return new SeedTransfer(g.sd(), labels, ModelInput.of(data, TensorLayout.NHWC), options,
                new SeedTransfer.History(means(step1.results()), means(step2)));
    }

    private static List<Double> means(List<EpochStats> epochs) {
        return epochs.stream().map(EpochStats::meanLoss).toList();
    }

    /**
     * The results of the steps before a step, and the position of their loop's best epoch: what
     * listeners that keep a history (metrics, checkpoint index) need when that step is resumed.
     */
    private record Earlier(List<EpochStats> results, int bestIndex) {
        static final Earlier NONE = new Earlier(List.of(), -1);

        static Earlier from(TransferControl.Phase<EpochStats> step2) {
            if (!(step2.fixed(STEP1_RESULTS) instanceof List<?> list) || !(step2.fixed(STEP1_BEST) instanceof Number b)) {
                throw new IllegalStateException("the resume checkpoint of step 2 does not hold step 1's results");
            }
            List<EpochStats> results = new ArrayList<>();
            for (Object o : list) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) o;
                results.add(EpochStats.CODEC.decode(m));
            }
            return new Earlier(results, b.intValue());
        }

        Map<String, Object> entries() {
            if (results.isEmpty()) {
                return Map.of(STEP1_RESULTS, List.of(), STEP1_BEST, -1);
            }
            return Map.of(STEP1_RESULTS, results.stream().map(EpochStats.CODEC::encode).toList(), STEP1_BEST,
                    bestIndex);
        }

        /**
         * @param l a listener shared by the steps
         * @return it, with the earlier results put before a resumed step's own
         */
        LoopListener<? super EpochStats, ? super SameDiff> before(LoopListener<? super EpochStats, ? super SameDiff> l) {
            if (results.isEmpty()) {
                return l;
            }
            return new Prefixed<>(l, results, bestIndex);
        }
    }

    /** A listener whose {@code onResume} also gets the results of earlier steps. */
    private record Prefixed<M>(LoopListener<? super EpochStats, M> inner, List<EpochStats> earlier, int earlierBest)
            implements LoopListener<EpochStats, M> {
        @Override
        public void onPhase(String phase, int epochs) {
            inner.onPhase(phase, epochs);
        }

        @Override
        public void onResume(List<? extends EpochStats> results, int bestIndex) throws IOException {
            List<EpochStats> all = new ArrayList<>(earlier);
            all.addAll(results);
            inner.onResume(all, bestIndex >= 0 ? earlier.size() + bestIndex : earlierBest);
        }

        @Override
        public void onStart(M model) {
            inner.onStart(model);
        }

        @Override
        public void onEpochStart(int epoch, int batches) {
            inner.onEpochStart(epoch, batches);
        }

        @Override
        public void onBatch(int epoch, int batch, int batches, long images, double loss, double imagesPerSecond) {
            inner.onBatch(epoch, batch, batches, images, loss, imagesPerSecond);
        }

        @Override
        public void onEpochEnd(EpochStats result, M model, boolean best) throws IOException {
            inner.onEpochEnd(result, model, best);
        }
    }

    /** One training step (phase) of the method: a loss, the variables it trains, how styles are chosen. */
    private static final class Phase {
        private final String name;
        private final SameDiff sd;
        private final String loss;
        private final List<String> variables;
        private final SeedTransferOptions options;
        private final boolean randomTargets;

        Phase(String name, SeedGraph.Built graph, String loss, List<String> variables, SeedTransferOptions options,
              boolean randomTargets) {
            this.name = name;
            this.sd = graph.sd();
            this.loss = loss;
            this.variables = variables;
            this.options = options;
            this.randomTargets = randomTargets;
        }

        /** @return this step's results, with the loop's best epoch */
        Earlier run(ImageBatchIterator it, List<LoopListener<? super EpochStats, ? super SameDiff>> listeners,
                    Path runDir, int epochs, int epochOffset, TransferControl.Phase<EpochStats> control,
                    Earlier earlier) {
            if (epochs == 0) {
                return Earlier.NONE;
            }
            sd.setLossVariables(loss);
            VariableAdam adam = new VariableAdam(sd, variables, options.learningRate());
            int[] iteration = {0};
            if (control.resumed()) {
                restoreVariables(control.graph());
                adam.restore(control.arrays());
                iteration[0] = (int) control.number(ITERATION, 0);
            }
            Step step = new Step() {
                private int epochInPhase;

                @Override
                public void startEpoch(int epoch) {
                    epochInPhase = epoch - epochOffset - 1;
                }

                @Override
                public double fit(DataSet ds) {
                    INDArray x = ds.getFeatures().castTo(DataType.FLOAT);
                    INDArray style = randomTargets ? randomStyles(x.size(0), (int) ds.getLabels().size(1), it)
                            : ds.getLabels().castTo(DataType.FLOAT);
                    OutAndGrad r = sd.calculateGradientsAndOutputs(Map.of(SeedGraph.IMAGE, x, SeedGraph.STYLE, style),
                            List.of(loss), variables);
                    double value = r.getOutputs().get(loss).getDouble(0);
                    if (Double.isFinite(value)) {
                        adam.apply(r.getGradients(), iteration[0]++, epochInPhase);
                    }
                    return value;
                }
            };
            TransferControl.StepState state = new TransferControl.StepState() {
                @Override
                public Map<String, Double> numbers() {
                    return Map.of(ITERATION, (double) iteration[0]);
                }

                @Override
                public Map<String, INDArray> arrays() {
                    return adam.state();
                }
            };
            TrainingLoop.Builder<EpochStats, SameDiff> loop = TrainingLoop.<EpochStats, SameDiff>builder()
                    .epochs(epochs).firstEpoch(epochOffset + 1)
                    .best(EpochStats::meanLoss, TrainingLoop.Goal.MINIMISE);
            listeners.forEach(l -> loop.listener(earlier.before(l)));
            control.loop(Seeds.derive(options.seed(), "seed-transfer/steps"), state, earlier.entries()).applyTo(loop);
            LoopResult<EpochStats> result = loop.build().run(sd, it, step, stats -> {
                LOG.info("seed transfer {} epoch {}/{}: mean loss {}", name, stats.epoch() - epochOffset,
                        epochs, stats.meanLoss());
                return stats;
            });
            if (result.stop().isPresent()) {
                throw TransferCheckpoints.stopped(name, result.stop().get(), runDir,
                        "; lower the learning rate or the style weight");
            }
            return new Earlier(result.epochs(), result.bestEpoch() == 0 ? -1 : result.bestEpoch() - epochOffset - 1);
        }

        /** Copies every variable of a saved graph into this one (the rest is built the same). */
        private void restoreVariables(SameDiff saved) {
            for (SDVariable v : sd.variables()) {
                if (v.getVariableType() == VariableType.VARIABLE) {
                    INDArray value = saved.getArrForVarName(v.name());
                    if (value == null) {
                        throw new IllegalStateException("the resume checkpoint's graph has no variable " + v.name());
                    }
                    v.getArr().assign(value);
                }
            }
        }

        /** One-hot rows of random styles for the batch the iterator just returned, from its position. */
        private INDArray randomStyles(long n, int classes, ImageBatchIterator it) {
            Random random = new Random(Seeds.derive(options.seed(), "seed-transfer/targets/" + it.epoch() + "/"
                    + it.position()));
            int[] t = new int[(int) n];
            for (int i = 0; i < t.length; i++) {
                t[i] = random.nextInt(classes);
            }
            return SeedTransfer.oneHot(t, classes, DataType.FLOAT);
        }
    }
}
