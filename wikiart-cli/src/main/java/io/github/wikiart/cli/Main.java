package io.github.wikiart.cli;

import io.github.wikiart.train.loop.StopSignal;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Entry point of the {@code wikiart} command line. */
public final class Main {
    /** How long Ctrl-C waits for a training to checkpoint and stop. */
    private static final int STOP_WAIT_SECONDS = 120;

    private Main() {
    }

    /**
     * Runs the tool and exits with its code.
     *
     * @param args command line arguments
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        // The console's stdout is for results only (e.g. one JSON object). SameDiff M2.1 prints
        // progress lines ("Added differentiated op ...") straight to System.out, so library code
        // gets a stream that drops them; the CLI itself writes through the Console.
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        // The library logs (SLF4J) to System.err: a copy goes to the current run's train.log.
        PrintStream terminal = System.err;
        LogSink sink = new LogSink();
        System.setErr(new PrintStream(sink.tee(terminal), true, StandardCharsets.UTF_8));
        Console console = new Console(out, terminal, new StopSignal(), false, sink);
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopCleanly(console, finished), "wikiart-interrupt"));
        int code = Cli.standard(console).run(args);
        out.flush();
        finished.countDown();
        System.exit(code);
    }

    /**
     * On Ctrl-C (SIGINT) or SIGTERM the JVM runs this hook and exits when it returns: a training
     * writes a checkpoint at its next batch boundary and stops, so the hook waits for the command
     * to end (at most {@value #STOP_WAIT_SECONDS} s). SIGKILL cannot be caught; the last checkpoint
     * written stays loadable.
     */
    private static void stopCleanly(Console console, CountDownLatch finished) {
        if (finished.getCount() == 0) {
            return;
        }
        console.interrupts().request();
        console.err().println("stopping: a training writes a checkpoint at its next batch boundary...");
        try {
            finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
