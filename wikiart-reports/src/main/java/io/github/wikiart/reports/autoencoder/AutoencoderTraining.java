package io.github.wikiart.reports.autoencoder;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.DatasetScanner;
import io.github.wikiart.data.ImageDecodeException;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.reports.JobListener;
import io.github.wikiart.reports.Jobs;
import io.github.wikiart.reports.RunLocation;
import io.github.wikiart.train.autoencoder.AutoencoderEpoch;
import io.github.wikiart.train.loop.LoopListener;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.autoencoder.AutoencoderRun;
import io.github.wikiart.train.ResumeSettings;
import io.github.wikiart.train.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the convolutional autoencoder into a run folder ({@code wikiart autoencoder train}), with
 * a comparison image of fixed test images every {@code compareEvery} epochs.
 */
public final class AutoencoderTraining {
    private static final int COMPARE_IMAGES = 8;

    private AutoencoderTraining() {
    }

    /**
     * A trained autoencoder run.
     *
     * @param run the run folder
     * @param outcome what training produced
     */
    public record Result(RunFolder run, AutoencoderRun.Outcome outcome) {
        /** @return the numbers of {@code summary.json} */
        public Map<String, Object> summary() {
            return outcome.summary();
        }

        /** @return the final model's mean squared error on the test split, NaN when no epoch finished */
        public double testMse() {
            return Jobs.number(summary().get("test_mse"));
        }

        /** @return the final model's PSNR on the test split in dB, NaN when no epoch finished */
        public double testPsnrDb() {
            return Jobs.number(summary().get("test_psnr_db"));
        }

        /** @return the PSNR of always predicting the mean training image, the baseline to beat */
        public double baselinePsnrDb() {
            return Jobs.number(summary().get("baseline_mean_image_psnr_db"));
        }

        /** @return training throughput */
        public double imagesPerSecond() {
            return Jobs.number(summary().get("train_images_per_second"));
        }
    }

    /**
     * Trains.
     *
     * @param data the dataset and its preparation (the side must be a multiple of 8)
     * @param options the network and training settings
     * @param where where the run folder goes (a new one is named {@code autoencoder}), or the run to
     *     resume, with its checkpoint interval and stop signal
     * @param listener progress, the run folder, notices
     * @return the run
     * @throws InvalidJobException when {@code data.root} does not exist or the image size does not fit the network
     * @throws IOException when data cannot be read or the run folder written
     */
    public static Result train(DataOptions data, AutoencoderOptions options, RunLocation where, JobListener listener)
            throws IOException {
        check(data, options);
        if (where.resuming()) {
            ResumeSettings.requireSame(where.dir(), AutoencoderRun.resumeSettings(data, options),
                    where.control().allowedChanges());
        }
        RunFolder run = Jobs.start(data.root(), where, "autoencoder", data.seed(), listener);
        List<LoopListener<? super AutoencoderEpoch, ? super MultiLayerNetwork>> listeners = new ArrayList<>();
        listeners.add(listener);
        if (options.compareEvery() > 0) {
            listeners.add(comparisons(data, options.effectiveLayout(), options.compareEvery(), run.plots()));
        }
        if (data.validationFraction() == 0) {
            listener.onNotice("data.validation_fraction is 0: the test split chooses the best epoch (and early "
                    + "stopping), so the best test numbers are optimistic");
        }
        listener.onTrainingStart(options.epochs());
        AutoencoderRun.Outcome outcome = where.resuming()
                ? AutoencoderRun.resume(data, options, run, listeners, where.control())
                : AutoencoderRun.train(data, options, run, listeners, where.control());
        outcome.training().stopReason().ifPresent(r -> listener.onNotice("training stopped early: " + r));
        io.github.wikiart.reports.html.RunReport.write(run.dir());
        return new Result(run, outcome);
    }

    /**
     * @param data the dataset preparation
     * @param options the network settings
     * @throws InvalidJobException naming {@code data.image_size} or {@code autoencoder.latent_shape}
     */
    static void check(DataOptions data, AutoencoderOptions options) {
        if (data.imageSize() % 8 != 0) {
            throw new InvalidJobException("data.image_size: the autoencoder needs a multiple of 8 (three stride-2 "
                    + "steps), got " + data.imageSize());
        }
        try {
            options.model(data.imageSize(), data.seed());
        } catch (IllegalArgumentException e) {
            throw new InvalidJobException("autoencoder.latent_shape " + options.latentShape().name()
                    .toLowerCase(Locale.ROOT) + " with data.image_size " + data.imageSize() + ": " + e.getMessage(), e);
        }
    }

    private static AutoencoderViews.EpochComparisons comparisons(DataOptions data, TensorLayout layout, int every,
                                                                 Path plots) throws IOException {
        List<Sample> test = DatasetScanner.scan(data.testPath(), "test").samples();
        ModelInput input = ModelInput.of(data, layout);
        List<INDArray> images = new ArrayList<>();
        List<String> styles = new ArrayList<>();
        for (int i = 0; i < test.size() && images.size() < COMPARE_IMAGES;
             i += Math.max(1, test.size() / COMPARE_IMAGES)) {
            try {
                images.add(input.read(test.get(i).path(), data.decoder()));
                styles.add(test.get(i).label());
            } catch (ImageDecodeException e) {
                // skipped here; the data layer reports it
            }
        }
        INDArray batch = Nd4j.concat(0, images.toArray(new INDArray[0]));
        return new AutoencoderViews.EpochComparisons(plots, every, batch, styles, input);
    }
}
