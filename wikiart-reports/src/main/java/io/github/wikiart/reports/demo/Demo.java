package io.github.wikiart.reports.demo;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.ClassifierArchitecture;
import io.github.wikiart.reports.RunLocation;
import io.github.wikiart.train.OutputOptions;
import io.github.wikiart.train.config.WikiartConfig;
import io.github.wikiart.reports.autoencoder.AutoencoderTraining;
import io.github.wikiart.reports.autoencoder.AutoencoderViews;
import io.github.wikiart.reports.autoencoder.LatentSpace;
import io.github.wikiart.reports.autoencoder.ReconstructionGrid;
import io.github.wikiart.reports.classifier.ClassifierTraining;
import io.github.wikiart.reports.transfer.TransferEvaluation;
import io.github.wikiart.reports.transfer.TransferGrid;
import io.github.wikiart.reports.transfer.TransferImages;
import io.github.wikiart.reports.transfer.TransferTraining;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.autoencoder.AutoencoderRun;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.classifier.ClassifierOptions;
import io.github.wikiart.train.transfer.TransferOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The main job on generated data, needing nothing the user does not have ({@code wikiart demo}):
 * a synthetic style dataset, its statistics, both style classifiers trained and evaluated, the
 * autoencoder with its reconstruction grid and latent-space plots, and a short style transfer
 * judged by an independently trained classifier.
 */
public final class Demo {
    private Demo() {
    }

    /**
     * Everything the demo produced.
     *
     * @param generated the generated dataset
     * @param dataset the dataset as loaded for training
     * @param classifiers StyleNet and the original classifier, in that order
     * @param autoencoder the autoencoder run
     * @param reconstructions its reconstruction grid
     * @param latent its latent-space report
     * @param judge the judge classifier (32 px, seed + 1)
     * @param transfer the transfer run
     * @param evaluation the transfer judged
     * @param grids the transfer grids (random other styles, one image to every style)
     */
    public record Result(SyntheticDataset generated, WikiArtDataset dataset, List<ClassifierTraining.Result> classifiers,
                         AutoencoderTraining.Result autoencoder, ReconstructionGrid reconstructions, LatentSpace latent,
                         ClassifierTraining.Result judge, TransferTraining.Result transfer,
                         TransferEvaluation evaluation, List<TransferGrid> grids) {
    }

    /**
     * Runs every step.
     *
     * @param options the settings
     * @param listener progress, each step and its result
     * @return everything produced
     * @throws IOException when data or a run folder cannot be written
     */
    public static Result run(DemoOptions options, DemoListener listener) throws IOException {
        DataOptions data = options.data();
        Path dataDir = data.root();
        RunLocation runs = RunLocation.under(options.runsDir());
        DemoOptions.Scale scale = options.scale();
        listener.onStep(DemoStep.GENERATE, 1, "generating a synthetic style dataset in " + dataDir);
        SyntheticDataset synth = SyntheticStyles.builder().styles(scale.styles()).trainPerStyle(scale.trainPerStyle())
                .testPerStyle(scale.testPerStyle()).size(scale.generatedSize())
                .seed(options.seed()).overwrite(true).build().write(dataDir);
        listener.onGenerated(synth);

        listener.onStep(DemoStep.LOAD, 2, "loading it: label index, verification, resampling (train: mean)");
        WikiArtDataset dataset = WikiArtDataset.load(data, true, true);
        listener.onLoaded(dataset);

        List<ClassifierTraining.Result> classifiers = new ArrayList<>();
        int step = 3;
        for (String model : List.of("stylenet", "seed")) {
            ClassifierOptions c = withModel(options.classifier(), model);
            listener.onStep(model.equals("seed") ? DemoStep.SEED_CLASSIFIER : DemoStep.STYLENET, step,
                    "training the " + model + " classifier (" + c.epochs() + " epochs)");
            step++;
            ClassifierTraining.Result r = ClassifierTraining.train(data, c,
                    recording(runs, options, data, c, options.autoencoder(), options.transfer()), listener);
            listener.onClassifier(r);
            classifiers.add(r);
        }

        AutoencoderOptions ae = withEpochs(options.autoencoder(), scale.autoencoderEpochs());
        listener.onStep(DemoStep.AUTOENCODER, step++, "training the convolutional autoencoder (" + ae.epochs()
                + " epochs)");
        AutoencoderTraining.Result a = AutoencoderTraining.train(data, ae,
                recording(runs, options, data, options.classifier(), ae, options.transfer()), listener);
        listener.onAutoencoder(a);
        AutoencoderRun.TestSet test = AutoencoderRun.testSet(a.run().dir(), Checkpoints.Which.LAST, null);
        Path plots = a.run().plots();
        Path png = plots.resolve(ReconstructionGrid.FILE);
        AutoencoderViews.reconstructionGrid(test, 12, png);
        ReconstructionGrid reconstructions = new ReconstructionGrid(png, Math.min(12, test.samples().size()));
        LatentSpace latent = LatentSpace.write(test, plots, plots.resolve(LatentSpace.FILE), options.seed());
        listener.onLatentSpace(latent);

        DataOptions small = data.withImageSize(scale.smallSize());
        listener.onStep(DemoStep.JUDGE, step++, "training an independent judge classifier at " + scale.smallSize()
                + " px (seed " + (options.seed() + 1) + ")");
        TransferOptions transfer = withEpochs(options.transfer(), scale.smallEpochs());
        ClassifierOptions judgeOptions = options.classifier().withEpochs(scale.smallEpochs());
        ClassifierTraining.Result judge = ClassifierTraining.train(small.withSeed(options.seed() + 1), judgeOptions,
                recording(runs, options, small.withSeed(options.seed() + 1), judgeOptions, options.autoencoder(),
                        transfer), listener);

        listener.onStep(DemoStep.TRANSFER, step, "training style transfer (cin, " + scale.smallSize() + " px, "
                + transfer.epochs() + " epochs) and judging it");
        TransferTraining.Result t = TransferTraining.train(small, transfer, options.autoencoder(),
                recording(runs, options, small, options.classifier(), options.autoencoder(), transfer), listener);
        Path testDir = dataDir.resolve(data.testDir());
        TransferEvaluation evaluation = TransferEvaluation.evaluate(t.run().dir(), List.of(judge.run().dir()),
                testDir, null);
        Path tPlots = t.run().dir().resolve("plots");
        List<Sample> content = TransferImages.content(testDir);
        List<TransferGrid> grids = List.of(
                new TransferGrid(TransferGrid.writeGrid(t.model(), content, tPlots, false, 8, options.seed())),
                new TransferGrid(TransferGrid.writeGrid(t.model(), content, tPlots, true, 1, options.seed())));
        listener.onTransfer(t, evaluation);
        return new Result(synth, dataset, classifiers, a, reconstructions, latent, judge, t, evaluation, grids);
    }

    /** Where a step's run goes, recording the configuration that step ran with as its config.yaml. */
    private static RunLocation recording(RunLocation runs, DemoOptions options, DataOptions data,
                                         ClassifierOptions classifier, AutoencoderOptions autoencoder,
                                         TransferOptions transfer) {
        return runs.recording(new WikiartConfig(data.seed(), data, OutputOptions.under(options.runsDir()), classifier,
                autoencoder, transfer));
    }

    private static ClassifierOptions withModel(ClassifierOptions o, String model) {
        ClassifierArchitecture a = o.architecture();
        return o.withArchitecture(new ClassifierArchitecture(model, a.dropout(), a.width(), a.gramChannels(),
                a.hidden()));
    }

    private static AutoencoderOptions withEpochs(AutoencoderOptions o, int epochs) {
        return new AutoencoderOptions(o.width(), o.latentDim(), o.latentDivisor(), o.activation(), o.upsampler(),
                o.latentShape(), epochs, o.batchSize(), o.learningRate(), o.layout(), o.cacheMegabytes(),
                o.compareEvery());
    }

    private static TransferOptions withEpochs(TransferOptions o, int epochs) {
        return o.withEpochs(epochs);
    }
}
