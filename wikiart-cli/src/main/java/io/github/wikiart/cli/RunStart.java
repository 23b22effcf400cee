package io.github.wikiart.cli;

import io.github.wikiart.train.config.ConfigWriter;
import io.github.wikiart.train.config.WikiartConfig;
import io.github.wikiart.train.ClassifierRun;
import io.github.wikiart.train.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every training command does first: check the data, make the run folder, save the config. */
final class RunStart {
    private RunStart() {
    }

    /**
     * @param config the resolved configuration
     * @param runDir an explicit {@code --run-dir}, or null for a new folder under {@code output.runs_dir}
     * @param name the short name of a new folder, e.g. {@code autoencoder}
     * @param console where to say where the run goes
     * @return the run folder, holding {@code config.yaml}
     * @throws IOException when the folder cannot be made
     * @throws UserException when {@code data.root} does not exist
     */
    static RunFolder begin(WikiartConfig config, String runDir, String name, Console console) throws IOException {
        Path root = config.data().root();
        if (!Files.isDirectory(root)) {
            throw new UserException("data.root: no such folder: " + root);
        }
        RunFolder run = runDir != null ? RunFolder.at(Path.of(runDir))
                : RunFolder.create(config.output().runsDir(), name);
        ClassifierRun.writeConfig(run, ConfigWriter.render(config));
        console.err().println("run folder: " + run.dir());
        return run;
    }
}
