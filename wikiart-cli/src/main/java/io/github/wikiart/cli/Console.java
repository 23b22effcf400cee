package io.github.wikiart.cli;

import java.io.PrintStream;
import java.util.Objects;

/**
 * The command line's output streams: results on {@code out}, messages and progress on
 * {@code err}. Only the CLI prints; the library reports through return values and listeners.
 *
 * @param out standard output
 * @param err standard error
 */
public record Console(PrintStream out, PrintStream err) {
    /** Validates both streams. */
    public Console {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
