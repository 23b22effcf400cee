package io.github.wikiart.cli;

import io.github.wikiart.reports.autoencoder.ReconstructionGrid;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code wikiart autoencoder compare}: a grid of test images beside their reconstructions. */
public final class AutoencoderCompareCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public AutoencoderCompareCommand() {
        super("autoencoder compare",
                "write a grid of test images beside their reconstructions, with the style name on each",
                "",
                "wikiart autoencoder compare --run runs/20261129-101500-autoencoder --count 16");
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.run())
                .addOption(Option.builder().longOpt("count").hasArg().argName("N")
                        .desc("number of test images (default 12)").build())
                .addOption(Flags.data("dataset folder with the same styles (default: the run's own data)"))
                .addOption(Flags.checkpoint())
                .addOption(Flags.out("folder for the image (default: the run's plots folder)"));
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path runDir = Flags.existingDir(line, "run");
        int count = Flags.intInRange(line, "count", 1, 10_000, 12);
        Path data = line.hasOption("data") ? Flags.existingDir(line, "data") : null;
        Path out = line.hasOption("out") ? Path.of(line.getOptionValue("out")) : null;
        ReconstructionGrid grid = ReconstructionGrid.write(runDir, Flags.checkpoint(line), data, count, out);
        console.out().println("wrote " + grid.png());
        return ExitCodes.OK;
    }
}
