package io.github.wikiart.cli;

import io.github.wikiart.reports.RunLocation;
import io.github.wikiart.train.RunControl;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.config.ConfigLoader;
import io.github.wikiart.train.config.WikiartConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * What every training command hands the library: its configuration, where the run goes (new,
 * overwritten or resumed), the checkpoint interval and Ctrl-C signal, and a listener for the
 * console.
 */
final class RunStart {
    private RunStart() {
    }

    /**
     * @param options a training command's options
     * @return them with {@code --run-dir}, {@code --overwrite}, {@code --resume} and {@code --allow-change}
     */
    static Options withRunFlags(Options options) {
        return options.addOption(Flags.runDir()).addOption(Flags.overwrite()).addOption(Flags.resume())
                .addOption(Flags.allowChange());
    }

    /**
     * The configuration of a training command: {@code -c FILE} (or, with {@code --resume DIR}, the
     * run's own {@code config.yaml}, or the defaults) with the {@code --set} overrides.
     *
     * @param line parsed options
     * @return the configuration
     * @throws UserException when the resumed run has no {@code config.yaml}
     */
    static WikiartConfig config(CommandLine line) {
        if (!line.hasOption("resume") || line.hasOption("config")) {
            return ConfigCheckCommand.load(line);
        }
        Path recorded = Flags.existingDir(line, "resume").resolve(RunFolder.CONFIG);
        if (!Files.isRegularFile(recorded)) {
            throw new UserException("--resume: " + recorded.getParent() + " has no " + RunFolder.CONFIG
                    + "; give the run's configuration with -c FILE");
        }
        String[] sets = line.getOptionValues("set");
        return ConfigLoader.load(recorded, sets == null ? List.of() : List.of(sets));
    }

    /**
     * @param config the resolved configuration, recorded as {@code config.yaml} in each run folder
     * @param line the parsed run flags
     * @param console its stop signal stops the training cleanly
     * @param progress shows the long steps before training
     * @return where the run goes and how it is controlled
     * @throws UserException for flags that do not go together
     */
    static RunLocation where(WikiartConfig config, CommandLine line, Console console,
                             io.github.wikiart.data.StepProgress progress) {
        String runDir = line.getOptionValue("run-dir");
        String resume = line.getOptionValue("resume");
        if (resume != null && runDir != null) {
            throw new UserException("--resume DIR continues the run in DIR; it takes no --run-dir");
        }
        if (resume != null && line.hasOption("overwrite")) {
            throw new UserException("--resume and --overwrite exclude each other: continue the run, or start over");
        }
        if (line.hasOption("overwrite") && runDir == null) {
            throw new UserException("--overwrite needs --run-dir DIR, the folder to start over in");
        }
        if (line.hasOption("allow-change") && resume == null) {
            throw new UserException("--allow-change only applies with --resume");
        }
        Set<String> allowed = new LinkedHashSet<>();
        if (line.hasOption("allow-change")) {
            Arrays.stream(line.getOptionValue("allow-change").split(",")).map(String::trim)
                    .filter(k -> !k.isEmpty()).forEach(allowed::add);
        }
        RunLocation where;
        if (resume != null) {
            where = RunLocation.resuming(Flags.existingDir(line, "resume"));
        } else if (runDir != null) {
            where = RunLocation.at(Path.of(runDir));
            if (line.hasOption("overwrite")) {
                where = where.overwriting();
            }
        } else {
            where = RunLocation.under(config.output().runsDir());
        }
        return where.recording(config).withControl(new RunControl(config.output().checkpointEvery(),
                console.interrupts(), allowed, progress));
    }

    /**
     * @param console where to print
     * @param seeds whether the job trains one run per seed (changes the message)
     * @return the progress bar
     */
    static ProgressBar listener(Console console, boolean seeds) {
        return new ProgressBar(console.progress(), !console.quiet() && System.console() != null, seeds,
                console.logSink());
    }
}
