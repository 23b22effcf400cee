package io.github.wikiart.cli.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code output} section: where results go.
 *
 * @param runsDir {@code output.runs_dir}: directory under which each run gets its own folder
 */
public record OutputConfig(Path runsDir) {

    /** {@code output.runs_dir}. */
    public static final ConfigKey<Path> RUNS_DIR = ConfigKey.ofPath("output.runs_dir", Path.of("runs"),
            "directory under which every run writes its own folder (models, metrics, plots)");

    /** The keys of this section, in order. */
    public static final List<ConfigKey<?>> KEYS = List.of(RUNS_DIR);

    /** Validates every field, naming the key on failure. */
    public OutputConfig {
        RUNS_DIR.check(runsDir);
    }

    /** @return the section with every key at its default */
    public static OutputConfig defaults() {
        return from(ConfigValues.defaults());
    }

    /**
     * Reads the section from resolved values.
     *
     * @param v the values
     * @return the section
     */
    public static OutputConfig from(ConfigValues v) {
        return new OutputConfig(v.get(RUNS_DIR));
    }

    /**
     * Writes this section's values.
     *
     * @param b the builder to fill
     */
    public void writeTo(ConfigValues.Builder b) {
        b.set(RUNS_DIR, runsDir);
    }
}
