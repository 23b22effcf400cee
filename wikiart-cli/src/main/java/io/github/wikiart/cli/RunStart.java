package io.github.wikiart.cli;

import io.github.wikiart.train.config.ConfigWriter;
import io.github.wikiart.train.config.WikiartConfig;
import io.github.wikiart.reports.RunLocation;
import io.github.wikiart.train.ClassifierRun;

/** What every training command hands the library: where the run goes and a listener for the console. */
final class RunStart {
    private RunStart() {
    }

    /**
     * @param config the resolved configuration
     * @param runDir an explicit {@code --run-dir}, or null for a new folder under {@code output.runs_dir}
     * @return where the run goes
     */
    static RunLocation where(WikiartConfig config, String runDir) {
        return runDir != null ? RunLocation.at(java.nio.file.Path.of(runDir)) : RunLocation.under(config.output().runsDir());
    }

    /**
     * A progress bar that, for every run folder the job starts, saves the configuration there
     * (with that run's seed) and says where it is.
     *
     * @param config the resolved configuration
     * @param console where to print
     * @param seeds whether the job trains one run per seed (changes the message)
     * @return the listener
     */
    static ProgressBar listener(WikiartConfig config, Console console, boolean seeds) {
        return new ProgressBar(console.err(), System.console() != null, (run, seed) -> {
            // Stopgap until the configuration lives in the library: the CLI writes config.yaml.
            ClassifierRun.writeConfig(run, ConfigWriter.render(seed == config.seed() ? config : config.withSeed(seed)));
            console.err().println(seeds ? "seed " + seed + ": run folder " + run.dir() : "run folder: " + run.dir());
        });
    }
}
