package io.github.wikiart.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * The flags shared by several commands, spelled the same everywhere, and typed access to values.
 */
public final class Flags {
    private Flags() {
    }

    /** @return {@code -c, --config FILE} */
    public static Option config() {
        return Option.builder("c").longOpt("config").hasArg().argName("FILE").desc("YAML configuration file").build();
    }

    /** @return {@code --set KEY=VALUE}, repeatable */
    public static Option set() {
        return Option.builder().longOpt("set").hasArg().argName("KEY=VALUE")
                .desc("override one config key, e.g. --set data.image_size=104 (repeatable)").build();
    }

    /** @param what what the folder holds @return {@code --data DIR} */
    public static Option data(String what) {
        return Option.builder().longOpt("data").hasArg().argName("DIR").desc(what).build();
    }

    /** @param what what is written there @return {@code --out DIR} */
    public static Option out(String what) {
        return Option.builder().longOpt("out").hasArg().argName("DIR").desc(what).build();
    }

    /** @param defaultSeed the default @return {@code --seed S} */
    public static Option seed(long defaultSeed) {
        return Option.builder().longOpt("seed").hasArg().argName("S").desc("random seed (default " + defaultSeed + ")")
                .build();
    }

    /** @return {@code --seeds S1,S2,...}: the same training once per seed */
    public static Option seeds() {
        return Option.builder().longOpt("seeds").hasArg().argName("S1,S2,...")
                .desc("train once per seed (replacing the config's seed) into DIR/seed-<s> and write the mean and "
                        + "spread over the seeds to DIR/seeds-summary.json, e.g. --seeds 1,2,3").build();
    }

    /**
     * @param line parsed options
     * @return the seeds given by {@code --seeds}, in order
     * @throws UserException when a seed is not a whole number or repeats
     */
    public static java.util.List<Long> seeds(CommandLine line) {
        String raw = line.getOptionValue("seeds");
        java.util.List<Long> seeds = new java.util.ArrayList<>();
        for (String part : raw.split(",")) {
            try {
                seeds.add(Long.parseLong(part.trim()));
            } catch (NumberFormatException e) {
                throw new UserException("--seeds: expected whole numbers separated by commas, got '" + raw + "'");
            }
        }
        if (new java.util.HashSet<>(seeds).size() != seeds.size()) {
            throw new UserException("--seeds: a seed is repeated in '" + raw + "'");
        }
        return seeds;
    }

    /** @return {@code --run-dir DIR}, the folder of a new run */
    public static Option runDir() {
        return Option.builder().longOpt("run-dir").hasArg().argName("DIR")
                .desc("folder for this run (default: a new time-stamped folder under output.runs_dir)").build();
    }

    /** @return {@code --resume DIR}, the run folder of an interrupted training to continue */
    public static Option resume() {
        return Option.builder().longOpt("resume").hasArg().argName("DIR")
                .desc("continue the interrupted run in DIR from its last checkpoint, with the configuration it "
                        + "recorded (-c and --set may only change keys named by --allow-change)").build();
    }

    /** @return {@code --overwrite}, start over in a {@code --run-dir} that holds a run */
    public static Option overwrite() {
        return Option.builder().longOpt("overwrite")
                .desc("delete the run in --run-dir DIR (finished or not) and start a new one there").build();
    }

    /** @return {@code --allow-change KEY[,KEY...]}, keys a resume may change */
    public static Option allowChange() {
        return Option.builder().longOpt("allow-change").hasArg().argName("KEY[,KEY...]")
                .desc("with --resume: keys whose values may differ from the run's (e.g. classifier.epochs to "
                        + "train longer); the result then differs from an uninterrupted run").build();
    }

    /** @return {@code --run DIR}, the folder of an earlier run */
    public static Option run() {
        return Option.builder().longOpt("run").hasArg().argName("DIR").desc("folder of a trained run (required)").build();
    }

    /** @return {@code --checkpoint best|last} */
    public static Option checkpoint() {
        return Option.builder().longOpt("checkpoint").hasArg().argName("best|last")
                .desc("which saved model to use (default last, the final one)").build();
    }

    /**
     * @param line parsed options
     * @return the checkpoint chosen by {@code --checkpoint}
     * @throws UserException for other values
     */
    public static io.github.wikiart.train.Checkpoints.Which checkpoint(CommandLine line) {
        String v = line.getOptionValue("checkpoint", "last");
        return switch (v) {
            case "last" -> io.github.wikiart.train.Checkpoints.Which.LAST;
            case "best" -> io.github.wikiart.train.Checkpoints.Which.BEST;
            default -> throw new UserException("--checkpoint: expected best or last, got '" + v + "'");
        };
    }

    /** @return {@code --json} */
    public static Option json() {
        return Option.builder().longOpt("json").desc("print one JSON object on stdout and nothing else").build();
    }

    /**
     * @param line parsed options
     * @param name long option name
     * @param fallback value when absent
     * @param min smallest accepted
     * @param max largest accepted
     * @return the value
     * @throws UserException naming the flag, the value and the range
     */
    public static long longValue(CommandLine line, String name, long fallback, long min, long max) {
        String raw = line.getOptionValue(name);
        if (raw == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new UserException("--" + name + ": expected a whole number, got '" + raw + "'");
        }
        if (value < min || value > max) {
            throw new UserException("--" + name + ": expected a number in " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    /**
     * @param line parsed options
     * @param name long option name
     * @param min smallest accepted
     * @param max largest accepted
     * @param fallback value when absent
     * @return the value
     * @throws UserException naming the flag, the value and the range
     */
    public static int intInRange(CommandLine line, String name, int min, int max, int fallback) {
        return (int) longValue(line, name, fallback, min, max);
    }

    /**
     * @param line parsed options
     * @param name long option name of a required folder flag
     * @return the folder
     * @throws UserException when the flag is missing or the folder does not exist
     */
    public static Path existingDir(CommandLine line, String name) {
        String raw = line.getOptionValue(name);
        if (raw == null) {
            throw new UserException("missing --" + name + " DIR");
        }
        return existingDir(raw, name);
    }

    /**
     * @param raw the value of a folder flag
     * @param name the flag, for messages
     * @return the folder
     * @throws UserException naming the flag when it is not a folder
     */
    public static Path existingDir(String raw, String name) {
        Path dir = Path.of(raw);
        if (!Files.isDirectory(dir)) {
            throw new UserException("--" + name + ": " + (Files.exists(dir) ? "not a folder: " : "no such folder: ") + dir);
        }
        return dir;
    }

    /**
     * @param line parsed options
     * @param name long option name of a required flag
     * @return its value
     * @throws UserException when missing
     */
    public static String required(CommandLine line, String name) {
        String raw = line.getOptionValue(name);
        if (raw == null) {
            throw new UserException("missing --" + name);
        }
        return raw;
    }
}
