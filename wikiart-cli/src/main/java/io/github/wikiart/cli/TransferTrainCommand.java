package io.github.wikiart.cli;

import io.github.wikiart.train.config.WikiartConfig;
import io.github.wikiart.reports.transfer.TransferTraining;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code wikiart transfer train}: trains a label-conditioned style-transfer model. */
public final class TransferTrainCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public TransferTrainCommand() {
        super("transfer train",
                "train a style-transfer model: cin (conditional instance normalisation, default) or seed (the original)",
                "",
                "wikiart transfer train --set data.root=/tmp/styles --set data.image_size=32\n"
                        + "wikiart transfer train --set data.root=/tmp/styles --set transfer.method=seed "
                        + "--set transfer.autoencoder_run=runs/my-autoencoder --run-dir runs/seed-transfer\n"
                        + "wikiart transfer train --resume runs/seed-transfer   (after Ctrl-C or a crash)");
    }

    @Override
    public Options options() {
        return RunStart.withRunFlags(new Options().addOption(Flags.config()).addOption(Flags.set()));
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        WikiartConfig config = RunStart.config(line);
        ProgressBar progress = RunStart.listener(console, false);
        TransferTraining.Result r = TransferTraining.train(config.data(),
                config.transfer(), config.autoencoder(),
                RunStart.where(config, line, console, progress), progress);
        console.out().printf(Locale.ROOT, "transfer (%s) trained in %.1f s; run folder: %s%n", r.method(),
                r.trainingSeconds(), r.run().dir());
        return ExitCodes.OK;
    }
}
