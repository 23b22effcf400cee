package io.github.wikiart.cli;

import io.github.wikiart.reports.classifier.ClassifierEvaluation;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code wikiart classify eval}: recomputes the test metrics of a trained run. */
public final class ClassifyEvalCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public ClassifyEvalCommand() {
        super("classify eval",
                "evaluate a trained classifier run on its test split (or another dataset) and print the metrics",
                "",
                "wikiart classify eval --run runs/20261129-101500-classify-stylenet\n"
                        + "wikiart classify eval --run runs/my-run --data /data/other-wikiart --checkpoint best --json");
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.run())
                .addOption(Flags.data("dataset folder with the same styles (default: the run's own data)"))
                .addOption(Flags.checkpoint()).addOption(Flags.json());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path runDir = Flags.existingDir(line, "run");
        Path data = line.hasOption("data") ? Flags.existingDir(line, "data") : null;
        ClassifierEvaluation e = ClassifierEvaluation.evaluate(runDir, Flags.checkpoint(line), data,
                RunStart.listener(console, false));
        console.out().print(line.hasOption("json") ? e.toJsonText() + System.lineSeparator() : e.toText());
        return ExitCodes.OK;
    }
}
