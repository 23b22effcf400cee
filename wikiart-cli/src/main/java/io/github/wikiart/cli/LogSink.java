package io.github.wikiart.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Where the process's standard error is copied besides the terminal: the current run folder's
 * {@code train.log}, once a run has started. The command line routes {@code System.err} (which the
 * library's log writes to) through {@link #tee(OutputStream)}, so warnings land in the log too.
 */
public final class LogSink {
    private volatile PrintStream target;

    /** @param log the run's log from now on (null to stop copying) */
    public void attach(PrintStream log) {
        this.target = log;
    }

    /**
     * @param terminal the real standard error
     * @return a stream that writes to the terminal and to the attached log
     */
    public OutputStream tee(OutputStream terminal) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                terminal.write(b);
                PrintStream t = target;
                if (t != null) {
                    t.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                terminal.write(b, off, len);
                PrintStream t = target;
                if (t != null) {
                    t.write(b, off, len);
                }
            }

            @Override
            public void flush() throws IOException {
                terminal.flush();
                PrintStream t = target;
                if (t != null) {
                    t.flush();
                }
            }
        };
    }
}
