package io.github.wikiart.cli;

import io.github.wikiart.train.config.ConfigLoader;
import io.github.wikiart.train.config.ConfigWriter;
import io.github.wikiart.train.config.WikiartConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code wikiart config check}: validates a config file and prints the resolved configuration. */
public final class ConfigCheckCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public ConfigCheckCommand() {
        super("config check",
                "validate a YAML config (unknown keys, types, ranges) and print the resolved configuration",
                "",
                "wikiart config check -c examples/configs/demo.yaml --set data.image_size=104");
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.config()).addOption(Flags.set());
    }

    @Override
    public int run(CommandLine line, Console console) {
        WikiartConfig config = load(line);
        console.out().print(ConfigWriter.render(config));
        Path root = config.data().root();
        if (!Files.isDirectory(root)) {
            console.progress().println("note: data.root " + root + " does not exist (yet)");
        }
        return ExitCodes.OK;
    }

    /**
     * Reads {@code -c FILE} (or the defaults when absent) with the {@code --set} overrides.
     *
     * @param line parsed options
     * @return the configuration
     */
    static WikiartConfig load(CommandLine line) {
        String[] sets = line.getOptionValues("set");
        List<String> overrides = sets == null ? List.of() : List.of(sets);
        String file = line.getOptionValue("config");
        if (file == null) {
            return ConfigLoader.fromOverrides(overrides);
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new UserException("-c/--config: no such file: " + path);
        }
        return ConfigLoader.load(path, overrides);
    }
}
