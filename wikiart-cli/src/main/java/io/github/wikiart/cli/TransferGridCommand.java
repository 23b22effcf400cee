package io.github.wikiart.cli;

import io.github.wikiart.reports.transfer.TransferGrid;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code wikiart transfer grid}: comparison grids of images and their transfers. */
public final class TransferGridCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public TransferGridCommand() {
        super("transfer grid",
                "write a grid of test images beside their transfer to a random other style (or one image to "
                        + "every style), with both labels",
                "",
                "wikiart transfer grid --run runs/20261129-120000-transfer-cin --count 8\n"
                        + "wikiart transfer grid --run runs/20261129-120000-transfer-cin --single-image\n"
                        + "wikiart transfer grid --run runs/t --data realstyles/content/test --renderings realstyles/test --count 4");
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.run())
                .addOption(Option.builder().longOpt("single-image").desc("one image moved to every style").build())
                .addOption(Option.builder().longOpt("count").hasArg().argName("N")
                        .desc("number of test images (default 8)").build())
                .addOption(Flags.data("folder of content images (default: the run's test split)"))
                .addOption(Option.builder().longOpt("renderings").hasArg().argName("DIR")
                        .desc("true renderings of the content images as DIR/<Style>/<content file name>: writes "
                                + "plots/transfer-vs-truth.png, each image moved to every style above its true "
                                + "rendering in that style").build())
                .addOption(Flags.seed(1));
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path runDir = Flags.existingDir(line, "run");
        Path content = line.hasOption("data") ? Flags.existingDir(line, "data") : null;
        Path renderings = line.hasOption("renderings") ? Flags.existingDir(line, "renderings") : null;
        TransferGrid grid = TransferGrid.write(runDir, content, renderings, line.hasOption("single-image"),
                Flags.intInRange(line, "count", 1, 1000, 8), Flags.longValue(line, "seed", 1, Long.MIN_VALUE,
                        Long.MAX_VALUE));
        console.out().println("wrote " + grid.png());
        return ExitCodes.OK;
    }
}
