package io.github.wikiart.cli;

import io.github.wikiart.train.config.WikiartConfig;
import io.github.wikiart.reports.autoencoder.AutoencoderTraining;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code wikiart autoencoder train}: trains the convolutional autoencoder into a run folder. */
public final class AutoencoderTrainCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public AutoencoderTrainCommand() {
        super("autoencoder train",
                "train the convolutional autoencoder (validation every epoch; best and final checkpoints)",
                "",
                "wikiart autoencoder train -c examples/configs/demo.yaml --set autoencoder.epochs=5\n"
                        + "wikiart autoencoder train --set data.root=/data/wikiart --set data.image_size=104 "
                        + "--set autoencoder.width=104 --run-dir runs/ae-104\n"
                        + "wikiart autoencoder train --resume runs/ae-104");
    }

    @Override
    public Options options() {
        return RunStart.withRunFlags(new Options().addOption(Flags.config()).addOption(Flags.set()));
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        WikiartConfig config = RunStart.config(line);
        ProgressBar progress = RunStart.listener(console, false);
        AutoencoderTraining.Result r = AutoencoderTraining.train(config.data(),
                config.autoencoder(), RunStart.where(config, line, console, progress), progress);
        console.out().printf(Locale.ROOT, "autoencoder: test MSE %.5f, PSNR %.2f dB (mean-image baseline %.2f dB), "
                        + "best epoch %s, %.1f training images/s%n", r.testMse(), r.testPsnrDb(), r.baselinePsnrDb(),
                r.summary().get("best_epoch"), r.imagesPerSecond());
        console.out().println("run folder: " + r.run().dir());
        return ExitCodes.OK;
    }
}
