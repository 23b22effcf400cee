package io.github.wikiart.cli;

import io.github.wikiart.train.loop.StopSignal;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The command line's side of the process: results on {@code out}, messages and progress on
 * {@code err}, and the signal Ctrl-C (SIGINT, SIGTERM) raises. Only the CLI prints; the library
 * reports through return values and listeners.
 *
 * @param out standard output
 * @param err standard error
 * @param interrupts requested when the process is asked to stop; trainings then checkpoint at the
 *     next batch boundary and stop
 */
public record Console(PrintStream out, PrintStream err, StopSignal interrupts) {
    /** Validates the parts. */
    public Console {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(interrupts, "interrupts");
    }

    /**
     * A console whose stop signal nothing requests (tests, embedding).
     *
     * @param out standard output
     * @param err standard error
     */
    public Console(PrintStream out, PrintStream err) {
        this(out, err, new StopSignal());
    }
}
