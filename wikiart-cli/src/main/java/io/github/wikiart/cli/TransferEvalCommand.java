package io.github.wikiart.cli;

import io.github.wikiart.reports.transfer.TransferEvaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code wikiart transfer eval}: hit rate by an independent judge, style spread, content retention. */
public final class TransferEvalCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public TransferEvalCommand() {
        super("transfer eval",
                "transfer every content image to every style and measure it with an independent judge classifier "
                        + "(prints one JSON object, also saved in the run folder)",
                "",
                "wikiart transfer eval --run runs/t --judge runs/stylenet --judge runs/stats --content realstyles/content/test"
                        + " --renderings realstyles/test");
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.run())
                .addOption(Option.builder().longOpt("judge").hasArg().argName("CLASSIFIER_RUN")
                        .desc("a classifier run never used to train the transfer (required; repeat it for more "
                                + "judges: each is reported, the first also at the top level)").build())
                .addOption(Option.builder().longOpt("content").hasArg().argName("DIR")
                        .desc("folder of content images, flat or with style folders (required)").build())
                .addOption(Option.builder().longOpt("renderings").hasArg().argName("DIR")
                        .desc("true renderings of the content images as DIR/<Style>/<content file name> (optional): "
                                + "adds PSNR to them, the do-nothing baseline, and each judge's accuracy on them")
                        .build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path runDir = Flags.existingDir(line, "run");
        String[] judges = line.getOptionValues("judge");
        if (judges == null) {
            throw new UserException("missing --judge CLASSIFIER_RUN");
        }
        List<Path> judgeDirs = new ArrayList<>();
        for (String j : judges) {
            judgeDirs.add(Flags.existingDir(j, "judge"));
        }
        Path contentDir = Flags.existingDir(line, "content");
        Path renderings = line.hasOption("renderings") ? Flags.existingDir(line, "renderings") : null;
        console.out().println(TransferEvaluation.evaluate(runDir, judgeDirs, contentDir, renderings,
                RunStart.listener(console, false)).toJsonText());
        return ExitCodes.OK;
    }
}
