package io.github.wikiart.cli;

import io.github.wikiart.train.config.WikiartConfig;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.transfer.TransferRun;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code wikiart transfer train}: trains a label-conditioned style-transfer model. */
public final class TransferTrainCommand implements Command {
    @Override
    public String name() {
        return "transfer train";
    }

    @Override
    public String summary() {
        return "train a style-transfer model: cin (conditional instance normalisation, default) or seed (the original)";
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.config()).addOption(Flags.set()).addOption(Flags.runDir());
    }

    @Override
    public String example() {
        return "wikiart transfer train --set data.root=/tmp/styles --set data.image_size=32\n"
                + "wikiart transfer train --set data.root=/tmp/styles --set transfer.method=seed "
                + "--set transfer.autoencoder_run=runs/my-autoencoder";
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        WikiartConfig config = ConfigCheckCommand.load(line);
        TransferRun.Outcome o = train(config, line.getOptionValue("run-dir"), console);
        console.out().printf(Locale.ROOT, "transfer (%s) trained in %.1f s; run folder: %s%n", o.summary().get("method"),
                ((Number) o.summary().get("training_seconds")).doubleValue(), o.run().dir());
        return ExitCodes.OK;
    }

    static TransferRun.Outcome train(WikiartConfig config, String runDir, Console console) throws Exception {
        RunFolder run = RunStart.begin(config, runDir, "transfer-" + config.transfer().method(), console);
        // The original method trains in two steps of transfer.epochs each, numbered on.
        int epochs = config.transfer().epochs() * (config.transfer().method().equals("seed") ? 2 : 1);
        ProgressBar progress = new ProgressBar(console.err(), epochs, System.console() != null);
        TransferRun.SeedMethod seed = (dataset, data, options, s, folder, p) -> SeedMethodRunner.train(config, dataset,
                data, options, s, folder, p, console);
        java.nio.file.Path content = config.transfer().content();
        if (content != null) {
            try {
                io.github.wikiart.data.ContentImages.list(content);
            } catch (IllegalArgumentException e) {
                throw new UserException("transfer.content: " + e.getMessage());
            }
        }
        return TransferRun.train(config.data(), config.transfer(), config.seed(), run, seed, progress);
    }
}
