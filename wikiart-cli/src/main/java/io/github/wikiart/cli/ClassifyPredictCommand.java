package io.github.wikiart.cli;

import io.github.wikiart.reports.classifier.ClassifierPrediction;
import io.github.wikiart.train.classifier.Prediction;
import io.github.wikiart.reports.ImageSources;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code wikiart classify predict}: the most probable styles of images. */
public final class ClassifyPredictCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public ClassifyPredictCommand() {
        super("classify predict",
                "name the most probable styles of images with a trained classifier run",
                "IMAGE|FOLDER|GLOB...",
                "wikiart classify predict --run runs/20261129-101500-classify-stylenet --top 3 a.jpg b.png\n"
                        + "wikiart classify predict --run runs/my-classifier --json photos/ > predictions.jsonl\n"
                        + "wikiart classify predict --run runs/my-classifier --csv 'photos/**/*.jpg' > predictions.csv");
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.run()).addOption(Flags.checkpoint())
                .addOption(Option.builder().longOpt("top").hasArg().argName("K")
                        .desc("how many styles per image (default 3)").build())
                .addOption(Option.builder().longOpt("batch-size").hasArg().argName("N")
                        .desc("images per network call (default 32)").build())
                .addOption(Option.builder().longOpt("json")
                        .desc("print one JSON object per image and line: {\"path\", \"styles\": [{\"style\", "
                                + "\"probability\"}]} or {\"path\", \"error\"}").build())
                .addOption(Option.builder().longOpt("csv")
                        .desc("print a table: path,rank,style,probability,error (one row per style, one per failure)")
                        .build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path runDir = Flags.existingDir(line, "run");
        int top = Flags.intInRange(line, "top", 1, 1000, 3);
        int batch = Flags.intInRange(line, "batch-size", 1, 4096, 32);
        if (line.hasOption("json") && line.hasOption("csv")) {
            throw new UserException("--json and --csv exclude each other");
        }
        List<ImageSources.Source> sources = ImageSources.expand(
                ImageArguments.arguments(line, "wikiart classify predict --run DIR IMAGE|FOLDER|GLOB..."));
        PredictionPrinter printer = line.hasOption("json") ? PredictionPrinter.JSON
                : line.hasOption("csv") ? PredictionPrinter.CSV : PredictionPrinter.TEXT;
        printer.header(console.out());
        CountProgress progress = new CountProgress(console.progress(), "predicted", sources.size());
        long failures = ClassifierPrediction.stream(runDir, Flags.checkpoint(line), sources, top, batch, p -> {
            printer.print(p, console);
            progress.tick();
        });
        progress.finish(failures);
        return failures == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
