package io.github.wikiart.cli;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.Sampling;
import io.github.wikiart.reports.data.DataStats;
import java.nio.file.Path;
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
                .addOption(Option.builder().longOpt("validation-fraction").hasArg().argName("F")
                        .desc("share of each style's training images set aside as the validation split, as "
                                + "data.validation_fraction (default 0.1; 0 = none)").build())
                .addOption(Flags.seed(1))
                .addOption(Flags.json())
                .addOption(Option.builder().longOpt("list").desc("also list the samples in sampling order").build());
    }

    private static double validationFraction(CommandLine line) {
        String raw = line.getOptionValue("validation-fraction");
        if (raw == null) {
            return DataOptions.VALIDATION_FRACTION.defaultValue();
        }
        try {
            double f = Double.parseDouble(raw);
            if (f >= 0 && f <= 0.5) {
                return f;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserException("--validation-fraction: expected a number in 0..0.5, got '" + raw + "'");
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
                .withSeed(Flags.longValue(line, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE))
                .withValidationFraction(validationFraction(line));
        DataStats stats = DataStats.of(options, train, test);
        boolean list = line.hasOption("list");
        console.out().print(line.hasOption("json") ? stats.toJsonText(list) + System.lineSeparator()
                : stats.toText(list));
        return ExitCodes.OK;
    }
}
