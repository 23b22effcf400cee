package io.github.wikiart.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One command of the {@code wikiart} tool, such as {@code data stats}. */
public interface Command {
    /** @return the words that select it, e.g. {@code data stats} */
    String name();

    /** @return one line saying what it does */
    String summary();

    /** @return its options, without {@code --help} (added by the tool) */
    Options options();

    /** @return the usage line's arguments after the options, e.g. {@code IMAGE...}, or empty */
    default String arguments() {
        return "";
    }

    /** @return example invocations shown by {@code --help}, one per line */
    String example();

    /**
     * Runs the command.
     *
     * @param line the parsed options and arguments
     * @param console where to print
     * @return the exit code
     * @throws Exception anything; mapped by {@link ExitCodes#of(Throwable)}
     */
    int run(CommandLine line, Console console) throws Exception;
}
