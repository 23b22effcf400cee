package io.github.wikiart.cli;

import io.github.wikiart.reports.html.RunReport;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code wikiart report}: (re)writes a run's {@code report.html}, or an index of the runs under a folder. */
public final class ReportCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public ReportCommand() {
        super("report",
                "write a run's report.html (training writes it too), or index.html comparing the runs under a folder",
                "",
                "wikiart report --run runs/20261207-101500-classify-stylenet\n"
                        + "wikiart report --runs runs");
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder().longOpt("run").hasArg().argName("DIR")
                        .desc("folder of a finished run: writes DIR/report.html").build())
                .addOption(Option.builder().longOpt("runs").hasArg().argName("DIR")
                        .desc("folder of runs: writes DIR/index.html (and each run's missing report.html)").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        if (line.hasOption("run") == line.hasOption("runs")) {
            throw new UserException("give exactly one of --run DIR and --runs DIR");
        }
        Path page = line.hasOption("run") ? RunReport.write(Flags.existingDir(line, "run"))
                : RunReport.writeIndex(Flags.existingDir(line, "runs"));
        console.out().println(page);
        return ExitCodes.OK;
    }
}
