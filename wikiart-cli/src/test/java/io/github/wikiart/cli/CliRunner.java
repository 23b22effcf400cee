package io.github.wikiart.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the tool in-process and captures its output. */
record CliRunner(int code, String out, String err) {
    static CliRunner run(String... args) {
        return run(new io.github.wikiart.train.loop.StopSignal(), args);
    }

    /**
     * Runs with Ctrl-C already pressed: a training checkpoints after its first batch and stops.
     *
     * @param args the command line
     * @return the outcome
     */
    static CliRunner interrupted(String... args) {
        io.github.wikiart.train.loop.StopSignal pressed = new io.github.wikiart.train.loop.StopSignal();
        pressed.request();
        return run(pressed, args);
    }

    private static CliRunner run(io.github.wikiart.train.loop.StopSignal interrupts, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.standard(new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), interrupts)).run(args);
        return new CliRunner(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
