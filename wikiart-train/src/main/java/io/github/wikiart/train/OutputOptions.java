package io.github.wikiart.train;

import io.github.wikiart.config.ConfigKey;
import io.github.wikiart.config.ConfigValues;
import java.nio.file.Path;
import java.util.List;

/**
 * Where results go: the {@code output} section of a configuration.
 *
 * @param runsDir {@code output.runs_dir}: directory under which each run gets its own folder
 *     ({@link RunFolder#create})
 */
public record OutputOptions(Path runsDir) {

    /** {@code output.runs_dir}. */
    public static final ConfigKey<Path> RUNS_DIR = ConfigKey.ofPath("output.runs_dir", Path.of("runs"),
            "directory under which every run writes its own folder (models, metrics, plots)");

    /** The keys of the {@code output} section, in order. */
    public static final List<ConfigKey<?>> KEYS = List.of(RUNS_DIR);

    /** Validates every field, naming the key, the value and what was expected. */
    public OutputOptions {
        RUNS_DIR.check(runsDir);
    }

    /** @return every key at its default: runs under {@code runs} */
    public static OutputOptions defaults() {
        return new OutputOptions(RUNS_DIR.defaultValue());
    }

    /**
     * Reads the section from resolved values.
     *
     * @param v values of a schema holding {@link #KEYS}
     * @return the options
     */
    public static OutputOptions from(ConfigValues v) {
        return new OutputOptions(v.get(RUNS_DIR));
    }

    /**
     * Writes this section's keys.
     *
     * @param b the builder to fill
     */
    public void writeTo(ConfigValues.Builder b) {
        b.set(RUNS_DIR, runsDir);
    }
}
