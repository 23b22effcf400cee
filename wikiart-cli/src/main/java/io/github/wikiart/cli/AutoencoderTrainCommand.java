package io.github.wikiart.cli;

import io.github.wikiart.train.config.WikiartConfig;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.DatasetScanner;
import io.github.wikiart.data.ImageDecodeException;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.train.AutoencoderEpoch;
import io.github.wikiart.train.AutoencoderRun;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.loop.LoopListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code wikiart autoencoder train}: trains the convolutional autoencoder into a run folder. */
public final class AutoencoderTrainCommand implements Command {
    private static final int COMPARE_IMAGES = 8;

    @Override
    public String name() {
        return "autoencoder train";
    }

    @Override
    public String summary() {
        return "train the convolutional autoencoder (validation every epoch; best and final checkpoints)";
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.config()).addOption(Flags.set()).addOption(Flags.runDir());
    }

    @Override
    public String example() {
        return "wikiart autoencoder train -c examples/configs/demo.yaml --set autoencoder.epochs=5\n"
                + "wikiart autoencoder train --set data.root=/data/wikiart --set data.image_size=104 "
                + "--set autoencoder.width=104";
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        WikiartConfig config = ConfigCheckCommand.load(line);
        Outcome o = train(config, line.getOptionValue("run-dir"), console);
        Map<String, Object> s = o.summary();
        console.out().printf(Locale.ROOT, "autoencoder: test MSE %.5f, PSNR %.2f dB (mean-image baseline %.2f dB), "
                        + "best epoch %s, %.1f training images/s%n", num(s.get("test_mse")), num(s.get("test_psnr_db")),
                num(s.get("baseline_mean_image_psnr_db")), s.get("best_epoch"), num(s.get("train_images_per_second")));
        console.out().println("run folder: " + o.run().dir());
        return ExitCodes.OK;
    }

    /**
     * What a training produced.
     *
     * @param run the run folder
     * @param summary the summary numbers
     */
    record Outcome(RunFolder run, Map<String, Object> summary) {
    }

    static Outcome train(WikiartConfig config, String runDir, Console console) throws Exception {
        if (config.data().imageSize() % 8 != 0) {
            throw new UserException("data.image_size: the autoencoder needs a multiple of 8 (three stride-2 steps), got "
                    + config.data().imageSize());
        }
        try {
            config.autoencoder().model(config.data().imageSize(), config.seed());
        } catch (IllegalArgumentException e) {
            throw new UserException("autoencoder.latent_shape " + config.autoencoder().latentShape().name()
                    .toLowerCase(Locale.ROOT) + " with data.image_size " + config.data().imageSize() + ": "
                    + e.getMessage());
        }
        RunFolder run = RunStart.begin(config, runDir, "autoencoder", console);
        DataOptions data = config.data();
        List<LoopListener<? super AutoencoderEpoch, ? super MultiLayerNetwork>> listeners = new ArrayList<>();
        listeners.add(new ProgressBar(console.err(), config.autoencoder().epochs(), System.console() != null));
        if (config.autoencoder().compareEvery() > 0) {
            listeners.add(comparisons(data, config.autoencoder().effectiveLayout(), config.autoencoder().compareEvery(),
                    run.plots()));
        }
        AutoencoderRun.Outcome outcome = AutoencoderRun.train(data, config.autoencoder(), run, listeners);
        outcome.training().stopReason().ifPresent(r -> console.err().println("training stopped early: " + r));
        return new Outcome(run, outcome.summary());
    }

    private static AutoencoderViews.EpochComparisons comparisons(DataOptions data, TensorLayout layout, int every,
                                                                 Path plots) throws Exception {
        List<Sample> test = DatasetScanner.scan(data.testPath(), "test").samples();
        ModelInput input = ModelInput.of(data, layout);
        List<INDArray> images = new ArrayList<>();
        List<String> styles = new ArrayList<>();
        for (int i = 0; i < test.size() && images.size() < COMPARE_IMAGES; i += Math.max(1, test.size() / COMPARE_IMAGES)) {
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

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
