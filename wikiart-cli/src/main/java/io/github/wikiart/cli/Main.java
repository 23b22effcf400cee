package io.github.wikiart.cli;

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
        int code = Cli.standard(new Console(System.out, System.err)).run(args);
        System.out.flush();
        System.exit(code);
    }
}
