package io.github.wikiart.cli;

import io.github.wikiart.train.config.WikiartConfig;
import io.github.wikiart.reports.RunLocation;

/** What every training command hands the library: where the run goes and a listener for the console. */
final class RunStart {
    private RunStart() {
    }

    /**
     * @param config the resolved configuration, recorded as {@code config.yaml} in each run folder
     * @param runDir an explicit {@code --run-dir}, or null for a new folder under {@code output.runs_dir}
     * @return where the run goes
     */
    static RunLocation where(WikiartConfig config, String runDir) {
        RunLocation where = runDir != null ? RunLocation.at(java.nio.file.Path.of(runDir))
                : RunLocation.under(config.output().runsDir());
        return where.recording(config);
    }

    /**
     * @param console where to print
     * @param seeds whether the job trains one run per seed (changes the message)
     * @return the progress bar
     */
    static ProgressBar listener(Console console, boolean seeds) {
        return new ProgressBar(console.err(), System.console() != null, seeds);
    }
}
