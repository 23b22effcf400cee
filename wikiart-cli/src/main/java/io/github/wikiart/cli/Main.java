package io.github.wikiart.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code wikiart} command line. */
public final class Main {
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
        int code = Cli.standard(new Console(out, System.err)).run(args);
        out.flush();
        System.exit(code);
    }
}
