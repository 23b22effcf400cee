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
 * @param checkpointMinutes {@code output.checkpoint_minutes}: the longest time between two resume
 *     checkpoints within an epoch ({@link RunControl#checkpointEvery()})
 */
public record OutputOptions(Path runsDir, double checkpointMinutes) {

    /** {@code output.runs_dir}. */
    public static final ConfigKey<Path> RUNS_DIR = ConfigKey.ofPath("output.runs_dir", Path.of("runs"),
            "directory under which every run writes its own folder (models, metrics, plots)");

    /** {@code output.checkpoint_minutes}. */
    public static final ConfigKey<Double> CHECKPOINT_MINUTES = ConfigKey.ofDouble("output.checkpoint_minutes", 10.0,
            0.01, 1e6, "the longest time between two resume checkpoints within an epoch (one is also written after"
                    + " every epoch and on Ctrl-C)");

    /** The keys of the {@code output} section, in order. */
    public static final List<ConfigKey<?>> KEYS = List.of(RUNS_DIR, CHECKPOINT_MINUTES);

    /** Validates every field, naming the key, the value and what was expected. */
    public OutputOptions {
        RUNS_DIR.check(runsDir);
        CHECKPOINT_MINUTES.check(checkpointMinutes);
    }

    /**
     * @param runsDir {@code output.runs_dir}
     * @return the options with that folder and the default checkpoint interval
     */
    public static OutputOptions under(Path runsDir) {
        return new OutputOptions(runsDir, CHECKPOINT_MINUTES.defaultValue());
    }

    /** @return every key at its default: runs under {@code runs}, a checkpoint every 10 minutes */
    public static OutputOptions defaults() {
        return under(RUNS_DIR.defaultValue());
    }

    /** @return {@link #checkpointMinutes()} as a duration */
    public java.time.Duration checkpointEvery() {
        return java.time.Duration.ofMillis(Math.round(checkpointMinutes * 60_000));
    }

    /**
     * Reads the section from resolved values.
     *
     * @param v values of a schema holding {@link #KEYS}
     * @return the options
     */
    public static OutputOptions from(ConfigValues v) {
        return new OutputOptions(v.get(RUNS_DIR), v.get(CHECKPOINT_MINUTES));
    }

    /**
     * Writes this section's keys.
     *
     * @param b the builder to fill
     */
    public void writeTo(ConfigValues.Builder b) {
        b.set(RUNS_DIR, runsDir).set(CHECKPOINT_MINUTES, checkpointMinutes);
    }
}
