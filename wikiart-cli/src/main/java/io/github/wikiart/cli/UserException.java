package io.github.wikiart.cli;

/** A mistake of the user (bad flag, path or value): reported without a stack trace, exit code 2. */
public class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and, where possible, how to fix it */
    public UserException(String message) {
        super(message);
    }
}
