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
 * @param quiet {@code --quiet}: progress and notices are dropped, results and errors still print
 * @param logSink receives what the library logs to {@code System.err} once a run's {@code train.log}
 *     is open (the process entry point routes {@code System.err} through it)
 */
public record Console(PrintStream out, PrintStream err, StopSignal interrupts, boolean quiet, LogSink logSink) {
    private static final PrintStream NOWHERE = new PrintStream(java.io.OutputStream.nullOutputStream());

    /** Validates the parts. */
    public Console {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(interrupts, "interrupts");
        Objects.requireNonNull(logSink, "logSink");
    }

    /**
     * @param out standard output
     * @param err standard error
     * @param interrupts requested on Ctrl-C
     */
    public Console(PrintStream out, PrintStream err, StopSignal interrupts) {
        this(out, err, interrupts, false, new LogSink());
    }

    /** @return where progress and notices go: standard error, or nowhere with {@code --quiet} */
    public PrintStream progress() {
        return quiet ? NOWHERE : err;
    }

    /** @return this console with progress and notices dropped */
    public Console quieted() {
        return new Console(out, err, interrupts, true, logSink);
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
