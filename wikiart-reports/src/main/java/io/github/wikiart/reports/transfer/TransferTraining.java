package io.github.wikiart.reports.transfer;

import io.github.wikiart.data.ContentImages;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.reports.JobListener;
import io.github.wikiart.reports.Jobs;
import io.github.wikiart.reports.RunLocation;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.autoencoder.AutoencoderRun;
import io.github.wikiart.train.ResumeSettings;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.transfer.TransferControl;
import io.github.wikiart.train.transfer.TransferModel;
import io.github.wikiart.train.transfer.TransferOptions;
import io.github.wikiart.train.transfer.TransferRun;
import io.github.wikiart.train.transfer.seed.SeedTransferOptions;
import io.github.wikiart.train.transfer.seed.SeedTransferTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Trains a label-conditioned style-transfer model into a run folder ({@code wikiart transfer train}):
 * {@code cin} (conditional instance normalisation) or {@code seed} (the original method, which
 * starts from an autoencoder run: {@link TransferOptions#autoencoderRun()}, or one trained first
 * into {@code <run>/autoencoder} with the given autoencoder settings and a vector latent).
 */
public final class TransferTraining {
    private TransferTraining() {
    }

    /**
     * A trained transfer run.
     *
     * @param run the run folder
     * @param outcome the model, the data and the summary
     */
    public record Result(RunFolder run, TransferRun.Outcome outcome) {
        /** @return the trained model */
        public TransferModel model() {
            return outcome.model();
        }

        /** @return the numbers of {@code summary.json} */
        public Map<String, Object> summary() {
            return outcome.summary();
        }

        /** @return the method, {@code cin} or {@code seed} */
        public String method() {
            return (String) summary().get("method");
        }

        /** @return seconds spent training */
        public double trainingSeconds() {
            return Jobs.number(summary().get("training_seconds"));
        }
    }

    /**
     * Trains.
     *
     * @param data the dataset and its preparation; its seed is the run's seed
     * @param options the method and its settings
     * @param autoencoder the settings of the autoencoder trained first by the {@code seed} method when
     *     {@link TransferOptions#autoencoderRun()} is null (its latent becomes a vector)
     * @param where where the run folder goes (a new one is named {@code transfer-<method>})
     * @param listener progress, the run folder, notices
     * @return the run
     * @throws InvalidJobException when {@code data.root}, {@code transfer.content} or
     *     {@code transfer.autoencoder_run} is not usable
     * @throws IOException when data cannot be read or the run folder written
     */
    public static Result train(DataOptions data, TransferOptions options, AutoencoderOptions autoencoder,
                               RunLocation where, JobListener listener) throws IOException {
        Jobs.requireDataRoot(data.root());
        if (options.content() != null) {
            try {
                ContentImages.list(options.content());
            } catch (IllegalArgumentException e) {
                throw new InvalidJobException("transfer.content: " + e.getMessage(), e);
            }
        }
        boolean seedMethod = options.method().equals("seed");
        if (seedMethod && options.autoencoderRun() != null && !Files.isDirectory(options.autoencoderRun())) {
            throw new InvalidJobException("transfer.autoencoder_run: no such run folder: " + options.autoencoderRun());
        }
        if (where.resuming()) {
            ResumeSettings.requireSame(where.dir(), TransferRun.settings(data, options, data.seed()),
                    where.control().allowedChanges());
        }
        RunFolder run = Jobs.start(data.root(), where, "transfer-" + options.method(), data.seed(), listener);
        // The original method trains in two steps of transfer.epochs each, numbered on.
        int epochs = options.epochs() * (seedMethod ? 2 : 1);
        listener.onTrainingStart(epochs);
        TransferRun.SeedMethod seed = (dataset, d, o, s, folder, progress, control) -> trainSeedMethod(dataset, d, o,
                s, folder, autoencoder, listener, epochs, control);
        TransferRun.Outcome outcome = where.resuming()
                ? TransferRun.resume(data, options, data.seed(), run, seed, listener, where.control())
                : TransferRun.train(data, options, data.seed(), run, seed, listener, where.control());
        io.github.wikiart.reports.html.RunReport.write(run.dir());
        return new Result(run, outcome);
    }

    private static TransferModel trainSeedMethod(WikiArtDataset dataset, DataOptions data, TransferOptions options,
                                                 long seed, RunFolder run, AutoencoderOptions autoencoder,
                                                 JobListener listener, int epochs, TransferControl control)
            throws IOException {
        Path ae = options.autoencoderRun();
        if (ae == null && isFinished(run.dir().resolve("autoencoder"))) {
            // a resumed run whose autoencoder was trained before the interruption
            ae = run.dir().resolve("autoencoder");
        } else if (ae == null) {
            ae = run.dir().resolve("autoencoder");
            AutoencoderOptions aeOptions = SeedTransferTrainer.autoencoderOptions(autoencoder);
            listener.onNotice("transfer.autoencoder_run is empty: training an autoencoder first into " + ae
                    + (aeOptions.latentShape() == autoencoder.latentShape() ? ""
                    : " (with autoencoder.latent_shape vector: the seed method needs a vector latent)"));
            listener.onTrainingStart(aeOptions.epochs());
            AutoencoderRun.train(data, aeOptions, RunFolder.overwrite(ae), List.of(listener));
            listener.onTrainingStart(epochs);
        }
        SeedTransferOptions seedOptions = options.seedMethod(seed);
        return SeedTransferTrainer.train(dataset.train().samples(), dataset.labelIndex(), data, ae, seedOptions,
                run.dir(), listener, control);
    }

    private static boolean isFinished(Path run) throws IOException {
        return RunFolder.status(run).map(s -> s.state() == RunFolder.State.FINISHED).orElse(false);
    }
}
