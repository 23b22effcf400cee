package io.github.wikiart.cli;

import io.github.wikiart.data.ClassCount;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.PreparedSplit;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.Sampling;
import io.github.wikiart.data.SkippedFile;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.reports.data.DataStats;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code wikiart data stats}: per-class counts before and after resampling, and skipped files. */
public final class DataStatsCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public DataStatsCommand() {
        super("data stats",
                "count the images per style of a dataset, before and after resampling, and list unusable files",
                "",
                "wikiart data stats --data /tmp/styles\n"
                        + "wikiart data stats --data /tmp/styles --split train --sampling mean --seed 3 --json --list");
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Flags.data("dataset folder holding train/ and test/ (required)"))
                .addOption(Option.builder().longOpt("split").hasArg().argName("train|test|all")
                        .desc("which split to report (default all)").build())
                .addOption(Option.builder().longOpt("sampling").hasArg().argName("SPEC")
                        .desc("resampling: none, mean, max, min, a fraction 0<f<1 or a count n>=1 (default none)").build())
                .addOption(Option.builder().longOpt("toy").hasArg().argName("N")
                        .desc("use only the first N images per style of the train split").build())
                .addOption(Flags.seed(1))
                .addOption(Flags.json())
                .addOption(Option.builder().longOpt("list").desc("also list the samples in sampling order").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path root = Flags.existingDir(line, "data");
        String split = line.getOptionValue("split", "all");
        boolean train = split.equals("all") || split.equals("train");
        boolean test = split.equals("all") || split.equals("test");
        if (!train && !test) {
            throw new UserException("--split: expected train, test or all, got '" + split + "'");
        }
        Sampling sampling;
        try {
            sampling = Sampling.parse(line.getOptionValue("sampling"));
        } catch (IllegalArgumentException e) {
            throw new UserException("--sampling: " + e.getMessage());
        }
        DataOptions options = DataOptions.defaults(root).withSampling(sampling, sampling)
                .withToySample(Flags.intInRange(line, "toy", 1, Integer.MAX_VALUE, 0))
                .withSeed(Flags.longValue(line, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE));
        DataStats stats = DataStats.of(options, train, test);
        if (line.hasOption("json")) {
            console.out().println(stats.toJsonText(line.hasOption("list")));
        } else {
            printTable(stats.dataset(), line.hasOption("list"), sampling, console.out());
        }
        return ExitCodes.OK;
    }

    private static void printTable(WikiArtDataset data, boolean list, Sampling sampling, PrintStream out) {
        out.printf("label index (%d styles): %s%n", data.labelIndex().size(), String.join(", ", data.labelIndex().names()));
        for (PreparedSplit split : data.splits().values()) {
            out.println();
            out.printf("%s: %s   (sampling: %s)%n", split.name(), split.dir(), sampling);
            int width = Math.max(5, split.counts().keySet().stream().mapToInt(String::length).max().orElse(5));
            out.printf("  %-" + width + "s %9s %10s%n", "style", "original", "resampled");
            int original = 0;
            int resampled = 0;
            for (Map.Entry<String, ClassCount> e : split.counts().entrySet()) {
                out.printf("  %-" + width + "s %9d %10d%n", e.getKey(), e.getValue().original(), e.getValue().resampled());
                original += e.getValue().original();
                resampled += e.getValue().resampled();
            }
            out.printf("  %-" + width + "s %9d %10d%n", "total", original, resampled);
            if (split.skipped().isEmpty()) {
                out.println("  skipped: none");
            } else {
                out.printf("  skipped (%d):%n", split.skipped().size());
                for (SkippedFile s : split.skipped()) {
                    out.printf("    %s: %s%n", s.path(), s.reason());
                }
            }
            if (list) {
                out.println("  samples in sampling order:");
                for (Sample s : split.samples()) {
                    out.println("    " + s.path());
                }
            }
        }
    }
}
