package io.github.wikiart.cli;

import io.github.wikiart.config.ConfigException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.apache.commons.cli.ParseException;

/** Exit codes of the command line: 0 success, 2 user error, 1 internal error. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Internal error: a bug or an environment failure; the stack trace is printed. */
    public static final int INTERNAL = 1;
    /** User error: bad flag, path, value or config; a one-line message is printed. */
    public static final int USAGE = 2;
    /** Stopped by Ctrl-C (SIGINT) or SIGTERM after writing a resume checkpoint: 128 + SIGINT, as shells report it. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /**
     * @param error a failure of a command
     * @return {@link #USAGE} for mistakes of the user, else {@link #INTERNAL}
     */
    public static int of(Throwable error) {
        if (error instanceof UserException || error instanceof io.github.wikiart.reports.InvalidJobException
                || error instanceof ConfigException || error instanceof ParseException
                || error instanceof NoSuchFileException || error instanceof NotDirectoryException
                || error instanceof java.nio.file.FileAlreadyExistsException
                || error instanceof io.github.wikiart.data.LabelIndexMismatchException) {
            return USAGE;
        }
        return INTERNAL;
    }
}
